/**
 * The unread count in the workspace navigation: on every member page (a GET under `/w/:org/…`
 * that the access guard let through for a signed-in member), the member's unread notifications
 * are counted once and kept on the request, where the page context reads them. Not encapsulated
 * (fastify-plugin), so it reaches every feature's pages.
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../deps.js'
import { countUnread } from '../storage/repositories/notification-repository.js'

export const unreadCount = fp(
  async (app: FastifyInstance, { deps }: { deps: Deps }) => {
    app.decorateRequest('unreadNotifications', null)
    app.addHook('preHandler', async (request) => {
      if (request.method !== 'GET' || !request.org || !request.role || !request.user || request.apiToken) return
      request.unreadNotifications = await countUnread(deps.db, request.org.id, request.user.id)
    })
  },
  { name: 'notifications-unread-count' },
)
