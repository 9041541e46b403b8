import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'
import { type ReportStatus, reportStatuses } from '../domain/report/report.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { bodyLimit } from '../http/server.js'
import { pageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import { RejectPreviewPage } from './reject-preview.js'
import { reportAnswers } from './report-answer.js'
import { ReportParams } from './report-params.js'
import { detailedContentFlags } from './report-policy.js'
import { assignReport } from './use-cases/assign-report.js'
import { changeReportStatus } from './use-cases/change-report-status.js'
import { claimReport } from './use-cases/claim-report.js'
import { postMessage } from './use-cases/post-message.js'
import { previewRejection } from './use-cases/preview-rejection.js'
import { releaseReport } from './use-cases/release-report.js'

const AssignForm = Form({ assignee: Form.text(100) })
const StatusForm = Form({
  /** Checked against the workflow's statuses by the route, which answers an unknown one with 400 "Unknown status.". */
  to: Type.String({ maxLength: 32 }),
  reason: Form.text(10_000),
  duplicateOf: Form.text(200),
  /** "Preview what the reporter sees" on a rejection: shows the reason as the reporter will read it, sends nothing. */
  preview: Form.text(8),
})
/** The message's own limit (50 000 characters, answered 413 with the draft kept) is the use case's; the schema bounds it by the body limit. */
const MessageForm = Form({
  body: Form.text(bodyLimit),
  visibility: Form.choice(['reporter', 'internal'] as const),
  detailed: Form.checkbox(),
  expectedResolution: Form.text(40),
  ...Object.fromEntries(detailedContentFlags.map((flag) => [`content-${flag}`, Form.checkbox()])),
})

const isReportStatus = (value: string): value is ReportStatus => (reportStatuses as readonly string[]).includes(value)
const ticked = (value: string | undefined) => value === 'on' || value === 'true'

/** The workflow's actions on a report. Each answers with a redirect back to the report page, or the page naming the refusal. */
export async function reportActionRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const work = { access: 'report.work' } as const
  const { answer } = reportAnswers(deps)
  const empty = { config: work, schema: { params: ReportParams, body: EmptyForm } }

  app.post<{ Params: ReportParams }>('/w/:org/reports/:ref/claim', empty, async (request, reply) =>
    answer(request, reply, await claimReport(deps, request.org!, request.params.ref, memberOf(request)), (t) => t('done.claimed')),
  )

  app.post<{ Params: ReportParams }>('/w/:org/reports/:ref/release', empty, async (request, reply) =>
    answer(request, reply, await releaseReport(deps, request.org!, request.params.ref, memberOf(request)), (t) => t('done.released')),
  )

  app.post<{ Params: ReportParams; Body: Static<typeof AssignForm> }>(
    '/w/:org/reports/:ref/assign',
    { config: work, schema: { params: ReportParams, body: AssignForm } },
    async (request, reply) => {
      const to = request.body.assignee ?? ''
      const actor = memberOf(request)
      const result = await assignReport(deps, request.org!, request.params.ref, to === '' ? null : to, actor)
      const name = result.ok && to !== '' ? (await listMembers(deps.db, request.org!.id)).find((m) => m.userId === to)?.name : undefined
      return answer(request, reply, result, (t) => (name ? t('done.handedOver', { name }) : t('done.unassigned')))
    },
  )

  app.post<{ Params: ReportParams; Body: Static<typeof StatusForm> }>(
    '/w/:org/reports/:ref/status',
    { config: work, schema: { params: ReportParams, body: StatusForm } },
    async (request, reply) => {
      const to = request.body.to
      if (!isReportStatus(to)) throw new HttpProblem('BAD_REQUEST')
      if (to === 'rejected' && request.body.preview) {
        const preview = await previewRejection(deps, request.org!, request.params.ref, request.body.reason ?? '', memberOf(request))
        if (!preview.ok) return answer(request, reply, preview, () => '')
        return reply.page(
          <RejectPreviewPage
            ctx={pageContext(request, reply)}
            org={request.org!}
            role={request.role!}
            ref={request.params.ref}
            reason={preview.value.reason}
            reporterReachable={preview.value.reporterReachable}
          />,
        )
      }
      const result = await changeReportStatus(deps, request.org!, request.params.ref, {
        to,
        reason: request.body.reason ?? '',
        duplicateOfRef: request.body.duplicateOf || undefined,
        member: memberOf(request),
      })
      return answer(request, reply, result, (t) => t('done.status', { status: t(`status.${to}` as MessageKey) }))
    },
  )

  app.post<{ Params: ReportParams; Body: Static<typeof MessageForm> }>(
    '/w/:org/reports/:ref/messages',
    { config: work, schema: { params: ReportParams, body: MessageForm } },
    async (request, reply) => {
      const form = request.body as Record<string, string | undefined>
      const body = request.body.body ?? ''
      const visibility = request.body.visibility === 'internal' ? 'internal' : 'reporter'
      const detailed = ticked(request.body.detailed)
        ? {
            ticked: detailedContentFlags.filter((flag) => ticked(form[`content-${flag}`])),
            expectedResolution: request.body.expectedResolution ?? '',
          }
        : undefined
      const result = await postMessage(deps, request.org!, request.params.ref, { member: memberOf(request), body, visibility, detailed })
      const done = visibility === 'internal' ? 'done.noteAdded' : 'done.replySent'
      return answer(request, reply, result, (t) => t(done), { body, visibility })
    },
  )
}
