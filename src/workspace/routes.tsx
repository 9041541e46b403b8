import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { cipherFor } from '../deps.js'
import { HttpProblem } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { publicVersionsToPrepare } from '../report-publication/index.js'
import { listQueue } from '../storage/repositories/queue-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { attachmentDisposition, type FileKind } from './attachments.js'
import { externalReportRoutes } from './external-report-routes.js'
import { parseQueueQuery, queueHref, toFilter } from './queue-query.js'
import { QueueView } from './queue-view.js'
import { reportActionRoutes } from './report-action-routes.js'
import { reportAnswers } from './report-answer.js'
import { FileParams, OrgParams, ReportPageQuery, ReportParams } from './report-params.js'
import { reportPolicyRoutes } from './report-policy-routes.js'
import { downloadReportFile } from './use-cases/download-report-file.js'

/** The queue's filters; anything unknown falls back to the default (see queue-query.ts). */
const QueueQuerystring = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 32 })),
  assignee: Type.Optional(Type.String({ maxLength: 16 })),
  sort: Type.Optional(Type.String({ maxLength: 16 })),
  after: Type.Optional(Type.String({ maxLength: 1000 })),
})

/** The security team's workspace: the queue and the report page with its actions. */
export async function workspaceRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const read = { access: 'report.read' } as const
  const { showReport } = reportAnswers(deps)

  app.get<{ Querystring: Static<typeof QueueQuerystring> }>(
    '/w/:org/reports',
    { config: read, schema: { params: OrgParams, querystring: QueueQuerystring } },
    async (request, reply) => {
      const org = request.org!
      const query = parseQueueQuery(request.query)
      const viewer = memberOf(request)
      const page = await listQueue(deps.db, cipherFor(deps, org), org.id, toFilter(query, viewer.userId), viewer)
      const nextHref = page.next ? queueHref(org.slug, { ...query, after: page.next }) : undefined
      const timeZone = await orgTimeZone(deps.db, org.id)
      const toPublish = await publicVersionsToPrepare(deps, org.id, page.rows)
      return reply.page(
        <QueueView
          ctx={pageContext(request, reply)}
          org={org}
          role={request.role!}
          query={query}
          page={page}
          nextHref={nextHref}
          timeZone={timeZone}
          toPublish={toPublish}
        />,
      )
    },
  )

  app.get<{ Params: ReportParams; Querystring: ReportPageQuery }>(
    '/w/:org/reports/:ref',
    { config: read, schema: { params: ReportParams, querystring: ReportPageQuery } },
    (request, reply) =>
      showReport(request, reply, 200, undefined, undefined, request.query.template, {
        thread: request.query.thread === 'all',
        timeline: request.query.timeline === 'all',
      }),
  )

  /**
   * A reporter's file, for whoever may read the report: always a download, never rendered by the
   * browser (opaque type, no sniffing, sandboxed should it be opened anyway), never cached.
   */
  const download = (kind: FileKind) => async (request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply) => {
    const viewer = memberOf(request)
    const file = await downloadReportFile(deps, request.org!, request.params.ref, kind, request.params.id, viewer)
    if (!file.ok) throw new HttpProblem(file.error.code)
    return reply
      .code(200)
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', attachmentDisposition(file.value.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .header('cache-control', 'no-store')
      .send(file.value.content)
  }
  // No automatic HEAD route: every answer with a file is a recorded download.
  const fileRoute = { config: read, schema: { params: FileParams }, exposeHeadRoute: false }
  app.get<{ Params: FileParams }>('/w/:org/reports/:ref/attachments/:id', fileRoute, download('attachment'))
  app.get<{ Params: FileParams }>('/w/:org/reports/:ref/mails/:id', fileRoute, download('mail'))

  // The workflow's actions (claim, release, assign, status, messages) and the policy's (severity, labels, steps, waiting).
  await app.register(reportActionRoutes, { deps })
  await app.register(reportPolicyRoutes, { deps })
  // Registering a report received on another platform.
  await app.register(externalReportRoutes, { deps })
}
