import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'
import { pageContext } from '../http/views/page-context.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { listAuditLog } from './use-cases/list-audit-log.js'
import { AuditPage } from './views/audit-page.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
/** The audit page's filters; malformed values are ignored by the use case. */
const AuditQuerystring = Type.Object({
  who: Type.Optional(Type.String({ maxLength: 64 })),
  ref: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  before: Type.Optional(Type.String({ maxLength: 16 })),
})
type AuditQuerystring = Static<typeof AuditQuerystring>

/** The organization's audit log, for its administrators. */
export async function auditRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get<{ Querystring: AuditQuerystring }>(
    '/w/:org/admin/audit',
    { config: { access: 'org.admin' }, schema: { params: OrgParams, querystring: AuditQuerystring } },
    async (request, reply) => {
      const org = request.org!
      const log = await listAuditLog(deps, org, request.query)
      let nextHref: string | undefined
      if (log.next !== undefined) {
        const params = new URLSearchParams({ ...log.filters, before: String(log.next) })
        nextHref = `/w/${org.slug}/admin/audit?${params.toString()}`
      }
      const timeZone = (await orgTimeZone(deps.db, org.id)) ?? null
      return reply.page(
        <AuditPage ctx={pageContext(request, reply)} org={org} role={request.role!} log={log} nextHref={nextHref} timeZone={timeZone} />,
      )
    },
  )
}
