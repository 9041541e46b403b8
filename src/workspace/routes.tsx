import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { cipherFor } from '../deps.js'
import { type ReportStatus, reportStatuses } from '../domain/report/report.js'
import { ok, type Result } from '../domain/result.js'
import { type AppErrorCode, HttpProblem, problems } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { listQueue } from '../storage/repositories/queue-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { attachmentDisposition, downloadReportFile, type FileKind, listReportFiles } from './attachments.js'
import { loadReportForTeam } from './load-report.js'
import { parseQueueQuery, queueHref, toFilter } from './queue-query.js'
import { QueueView } from './queue-view.js'
import { type ActionError, assignReport, changeReportStatus, claimReport, postMessage, releaseReport } from './report-actions.js'
import { readDetailedReply, stepsBeforePublishing } from './report-policy.js'
import { reportPolicyRoutes } from './report-policy-routes.js'
import { ReportPage } from './report-view.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
const ReportParams = Type.Object({ org: Type.String({ maxLength: 64 }), ref: Type.String({ maxLength: 40 }) })
type ReportParams = Static<typeof ReportParams>
const FileParams = Type.Object({
  org: Type.String({ maxLength: 64 }),
  ref: Type.String({ maxLength: 40 }),
  id: Type.String({ maxLength: 40, pattern: '^[0-9a-f-]+$' }),
})
type FileParams = Static<typeof FileParams>
type Form = Record<string, unknown>

const str = (body: unknown, name: string): string => {
  const value = (body as Form | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** The security team's workspace: the queue and the report page with its actions. */
export async function workspaceRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const read = { access: 'report.read' } as const
  const work = { access: 'report.work' } as const

  app.get('/w/:org/reports', { config: read, schema: { params: OrgParams } }, async (request, reply) => {
    const org = request.org!
    const query = parseQueueQuery(request.query as Record<string, unknown>)
    const viewer = { userId: request.user!.id, role: request.role! }
    const page = await listQueue(deps.db, cipherFor(deps, org), org.id, toFilter(query, viewer.userId), viewer)
    const nextHref = page.next ? queueHref(org.slug, { ...query, after: page.next }) : undefined
    const timeZone = await orgTimeZone(deps.db, org.id)
    return reply.page(
      <QueueView
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        query={query}
        page={page}
        nextHref={nextHref}
        timeZone={timeZone}
      />,
    )
  })

  const showReport = async (
    request: FastifyRequest<{ Params: ReportParams }>,
    reply: FastifyReply,
    status = 200,
    problem?: string,
    draft?: { body: string; visibility: string },
  ) => {
    const org = request.org!
    const viewer = { userId: request.user!.id, role: request.role! }
    const view = await loadReportForTeam(deps, org, request.params.ref, viewer)
    const files = await listReportFiles(deps, org, request.params.ref, viewer)
    const page = (
      <ReportPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        userId={request.user!.id}
        view={view}
        files={files}
        problem={problem}
        draft={draft}
      />
    )
    return reply.page(page, status)
  }

  app.get<{ Params: ReportParams }>('/w/:org/reports/:ref', { config: read, schema: { params: ReportParams } }, (request, reply) =>
    showReport(request, reply),
  )

  /**
   * A reporter's file, for whoever may read the report: always a download, never rendered by the
   * browser (opaque type, no sniffing, sandboxed should it be opened anyway), never cached.
   */
  const download = (kind: FileKind) => async (request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply) => {
    const viewer = { userId: request.user!.id, role: request.role! }
    const file = await downloadReportFile(deps, request.org!, request.params.ref, kind, request.params.id, viewer)
    return reply
      .code(200)
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', attachmentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .header('cache-control', 'no-store')
      .send(file.content)
  }
  // No automatic HEAD route: every answer with a file is a recorded download.
  const fileRoute = { config: read, schema: { params: FileParams }, exposeHeadRoute: false }
  app.get<{ Params: FileParams }>('/w/:org/reports/:ref/attachments/:id', fileRoute, download('attachment'))
  app.get<{ Params: FileParams }>('/w/:org/reports/:ref/mails/:id', fileRoute, download('mail'))

  /** After an action: back to the report on success (POST-redirect-GET), or the page with the refusal explained. */
  const answer = (
    request: FastifyRequest<{ Params: ReportParams }>,
    reply: FastifyReply,
    result: Result<unknown, ActionError>,
    draft?: { body: string; visibility: string },
  ) => {
    if (result.ok) return reply.redirect(`/w/${request.params.org}/reports/${request.params.ref}`, 303)
    const problem = problems[result.error.code as AppErrorCode]
    return showReport(request, reply, problem.status, problem.title, draft)
  }

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/claim',
    { config: work, schema: { params: ReportParams } },
    async (request, reply) => answer(request, reply, await claimReport(deps, request.org!, request.params.ref, request.user!.id)),
  )

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/release',
    { config: work, schema: { params: ReportParams } },
    async (request, reply) => answer(request, reply, await releaseReport(deps, request.org!, request.params.ref, request.user!.id)),
  )

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/assign',
    { config: work, schema: { params: ReportParams } },
    async (request, reply) => {
      const to = str(request.body, 'assignee')
      const result = await assignReport(deps, request.org!, request.params.ref, to === '' ? null : to, {
        userId: request.user!.id,
        role: request.role!,
      })
      return answer(request, reply, result)
    },
  )

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/status',
    { config: work, schema: { params: ReportParams } },
    async (request, reply) => {
      const to = str(request.body, 'to')
      if (!(reportStatuses as readonly string[]).includes(to)) return Promise.reject(new HttpProblem('BAD_REQUEST', 'Unknown status.'))
      // The policy's process: nothing is published before the steps that come first (Open Klant's eight steps).
      const unfinished = to === 'disclosed' ? await stepsBeforePublishing(deps, request.org!, request.params.ref) : []
      if (unfinished.length > 0)
        return showReport(request, reply, 409, pageContext(request, reply).t('publish.blocked', { missing: unfinished.join(', ') }))
      const result = await changeReportStatus(deps, request.org!, request.params.ref, {
        to: to as ReportStatus,
        reason: str(request.body, 'reason'),
        duplicateOfRef: str(request.body, 'duplicateOf') || undefined,
        actor: { kind: 'user', id: request.user!.id },
      })
      return answer(request, reply, result)
    },
  )

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/messages',
    { config: work, schema: { params: ReportParams } },
    async (request, reply) => {
      const body = str(request.body, 'body')
      const visibility = str(request.body, 'visibility') === 'internal' ? 'internal' : 'reporter'
      const draft = { body, visibility }
      if (body.length > 50_000) return showReport(request, reply, 413, problems.PAYLOAD_TOO_LARGE.title, draft)
      // A detailed response must carry what the policy promises (e.g. an evaluation and an expected resolution date).
      const detail =
        visibility === 'reporter' ? await readDetailedReply(deps, request.org!, request.params.ref, request.body as Form) : ok(undefined)
      if (!detail.ok) {
        const t = pageContext(request, reply).t
        const missing = detail.error.map((flag) => t(`reply.content.${flag}` as MessageKey)).join('; ')
        return showReport(request, reply, 422, t('reply.detailedIncomplete', { missing }), draft)
      }
      const result = await postMessage(deps, request.org!, request.params.ref, {
        userId: request.user!.id,
        body,
        visibility,
        ...(detail.value ? { detail: detail.value } : {}),
      })
      return answer(request, reply, result, draft)
    },
  )

  // The policy's report-side actions: severity, labels, process steps, waiting on the reporter.
  await app.register(reportPolicyRoutes, { deps })
}
