import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifySchema } from 'fastify'
import { recordTokenUse } from '../api-tokens/index.js'
import type { Deps } from '../deps.js'
import { translator } from '../i18n/messages.js'
import { countUnread, listInbox } from '../storage/repositories/notification-repository.js'
import { notificationText } from './notification-text.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64, description: 'The organization’s slug' }) })
const Notification = Type.Object({
  id: Type.String(),
  kind: Type.Union(['report-received', 'reporter-replied', 'clock-warning', 'clock-breached', 'assigned'].map((k) => Type.Literal(k))),
  ref: Type.String({ description: 'The report’s reference' }),
  clock: Type.Union([Type.String(), Type.Null()], { description: 'The clock, for clock-warning and clock-breached' }),
  text: Type.String({ description: 'What happened, in words (never report text)' }),
  at: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
})
const Inbox = Type.Object(
  { unread: Type.Integer(), notifications: Type.Array(Notification) },
  { description: 'The token holder’s notifications in the organization, unread first, newest first (at most 200)' },
)

/**
 * The inbox over the team JSON API: `GET /api/v1/orgs/:org/notifications` with an API token
 * (any scope, any role). Only the token holder's own notifications; every use of the token is
 * recorded, as on the other API routes.
 */
export async function notificationApiRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.addHook('preHandler', async (request) => {
    if (request.apiToken && request.org) {
      await recordTokenUse(deps, request.org, request.apiToken, request.method, request.routeOptions.url ?? request.url)
    }
  })
  const t = translator('en')
  app.get(
    '/api/v1/orgs/:org/notifications',
    {
      config: { access: 'api.read' },
      schema: { summary: 'My notifications', params: OrgParams, response: { 200: Inbox } } as FastifySchema,
    },
    async (request) => {
      const org = request.org!
      const userId = request.apiToken!.userId
      const [items, unread] = await Promise.all([listInbox(deps.db, org.id, userId, 200), countUnread(deps.db, org.id, userId)])
      return {
        unread,
        notifications: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          ref: n.ref,
          clock: n.clock,
          text: notificationText(t, n),
          at: n.at,
          read: n.readAt !== null,
        })),
      }
    },
  )
}
