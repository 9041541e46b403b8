import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { findDigestChoice, listInbox } from '../storage/repositories/notification-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { notificationApiRoutes } from './api-routes.js'
import { chooseDigest } from './use-cases/choose-digest.js'
import { markAllNotificationsRead } from './use-cases/mark-all-notifications-read.js'
import { markNotificationRead } from './use-cases/mark-notification-read.js'
import { InboxPage } from './views/inbox-page.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
const NotificationParams = Type.Object({ org: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) })
const DigestForm = Form({ digest: Form.choice(['off', 'daily'] as const) })

/** How many notifications the inbox shows (unread first); older read ones drop off the page. */
const inboxSize = 200

/**
 * The member's inbox (`/w/:org/inbox`): unread first, newest first, each linking to its report;
 * mark one or all read; the daily mail digest setting. Any member of the organization
 * (`report.read`: admin, responder, viewer); each sees and changes only their own notifications.
 */
export async function notificationRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const config = { access: 'report.read' } as const

  app.get('/w/:org/inbox', { config, schema: { params: OrgParams } }, async (request, reply) => {
    const org = request.org!
    const { userId } = memberOf(request)
    const [items, digest, timeZone] = await Promise.all([
      listInbox(deps.db, org.id, userId, inboxSize),
      findDigestChoice(deps.db, org.id, userId),
      orgTimeZone(deps.db, org.id),
    ])
    return reply.page(
      <InboxPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        items={items}
        digest={digest === 'daily' ? 'daily' : 'off'}
        timeZone={timeZone}
      />,
    )
  })

  app.post<{ Params: Static<typeof NotificationParams> }>(
    '/w/:org/inbox/:id/read',
    { config, schema: { params: NotificationParams, body: EmptyForm } },
    async (request, reply) => {
      const org = request.org!
      const { t } = pageContext(request, reply)
      const result = await markNotificationRead(deps, org, memberOf(request).userId, request.params.id)
      return reply.flashTo(
        `/w/${org.slug}/inbox`,
        result.ok ? { tone: 'success', text: t('inbox.flash.read') } : { tone: 'warning', text: t('inbox.flash.notFound') },
      )
    },
  )

  app.post('/w/:org/inbox/read-all', { config, schema: { params: OrgParams, body: EmptyForm } }, async (request, reply) => {
    const org = request.org!
    const { t } = pageContext(request, reply)
    await markAllNotificationsRead(deps, org, memberOf(request).userId)
    return reply.flashTo(`/w/${org.slug}/inbox`, { tone: 'success', text: t('inbox.flash.allRead') })
  })

  app.post<{ Body: Static<typeof DigestForm> }>(
    '/w/:org/inbox/digest',
    { config, schema: { params: OrgParams, body: DigestForm } },
    async (request, reply) => {
      const org = request.org!
      const { t } = pageContext(request, reply)
      const digest = request.body.digest === 'daily' ? 'daily' : 'off'
      await chooseDigest(deps, org, memberOf(request).userId, digest)
      return reply.flashTo(`/w/${org.slug}/inbox`, { tone: 'success', text: t(`inbox.digest.saved.${digest}`) })
    },
  )

  await app.register(notificationApiRoutes, { deps })
}
