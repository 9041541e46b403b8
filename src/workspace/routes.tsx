import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { cipherFor } from '../deps.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { publicVersionsToPrepare } from '../report-publication/index.js'
import { listPrograms } from '../storage/repositories/organization-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { listSavedViews } from '../storage/repositories/queue-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { attachmentDisposition, type FileKind } from './attachments.js'
import { externalReportRoutes } from './external-report-routes.js'
import { parseQueueQuery, queueHref } from './queue-query.js'
import { QueueView } from './queue-view.js'
import { reportActionRoutes } from './report-action-routes.js'
import { reportAnswers } from './report-answer.js'
import { FileParams, OrgParams, ReportPageQuery, ReportParams } from './report-params.js'
import { reportPolicyRoutes } from './report-policy-routes.js'
import { deleteQueueView } from './use-cases/delete-queue-view.js'
import { downloadReportFile } from './use-cases/download-report-file.js'
import { listQueueFor } from './use-cases/list-queue.js'
import { saveQueueView } from './use-cases/save-queue-view.js'

/** The queue's filters; anything unknown falls back to the default (see queue-query.ts). */
const QueueQuerystring = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 32 })),
  assignee: Type.Optional(Type.String({ maxLength: 64 })),
  sort: Type.Optional(Type.String({ maxLength: 16 })),
  after: Type.Optional(Type.String({ maxLength: 1000 })),
  severity: Type.Optional(Type.String({ maxLength: 16 })),
  program: Type.Optional(Type.String({ maxLength: 64 })),
  label: Type.Optional(Type.String({ maxLength: 64 })),
  channel: Type.Optional(Type.String({ maxLength: 16 })),
  due: Type.Optional(Type.String({ maxLength: 16 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
})

/** A saved view: its name and the queue's query it keeps. */
const SaveViewForm = Form({ name: Form.text(200), query: Form.text(2000) })
const ViewParams = Type.Object({ org: Type.String({ maxLength: 64 }), view: Type.String({ maxLength: 64 }) })

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
      const page = await listQueueFor(deps, org, query, viewer)
      const now = deps.now().toISOString()
      const nextHref = page.next ? queueHref(org.slug, { ...query, after: page.next }) : undefined
      const timeZone = await orgTimeZone(deps.db, org.id)
      const toPublish = await publicVersionsToPrepare(deps, org.id, page.rows)
      const choices = {
        programs: (await listPrograms(deps.db, org.id)).map((p) => ({ slug: p.slug, name: p.name })),
        labels: ((await currentPolicy(deps.db, org.id))?.policy.labels ?? []).map((l) => l.name),
        members: (await listMembers(deps.db, org.id)).filter((m) => !m.disabled && m.role !== 'viewer'),
        savedViews: await listSavedViews(deps.db, cipherFor(deps, org), org.id, viewer.userId),
      }
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
          choices={choices}
          now={now}
          searchTooShort={page.searchTooShort}
        />,
      )
    },
  )

  // A member's own named views of the queue: saved from the current filters, deleted from the list (post/redirect/get).
  app.post<{ Body: Static<typeof SaveViewForm> }>(
    '/w/:org/queue-views',
    { config: read, schema: { params: OrgParams, body: SaveViewForm } },
    async (request, reply) => {
      const org = request.org!
      const { t } = pageContext(request, reply)
      const saved = await saveQueueView(deps, org, memberOf(request).userId, {
        name: request.body.name ?? '',
        query: request.body.query ?? '',
      })
      if (!saved.ok) {
        const back = parseQueueQuery(Object.fromEntries(new URLSearchParams(request.body.query ?? '')))
        return reply.flashTo(queueHref(org.slug, back), { tone: 'danger', text: t('queue.view.nameNeeded') })
      }
      const href = queueHref(org.slug, parseQueueQuery(Object.fromEntries(new URLSearchParams(saved.value.query))))
      return reply.flashTo(href, { tone: 'success', text: t('queue.view.saved', { name: saved.value.name }) })
    },
  )

  app.post<{ Params: Static<typeof ViewParams> }>(
    '/w/:org/queue-views/:view/delete',
    { config: read, schema: { params: ViewParams, body: EmptyForm } },
    async (request, reply) => {
      const org = request.org!
      const { t } = pageContext(request, reply)
      const deleted = await deleteQueueView(deps, org, memberOf(request).userId, request.params.view)
      const back = `/w/${org.slug}/reports`
      return deleted.ok
        ? reply.flashTo(back, { tone: 'success', text: t('queue.view.deleted', { name: deleted.value.name }) })
        : reply.flashTo(back, { tone: 'warning', text: t('queue.view.unknown') })
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
