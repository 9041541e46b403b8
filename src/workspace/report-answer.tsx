import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import type { Result } from '../domain/result.js'
import { HttpProblem, problems } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { loadRecognitionPanel } from '../recognition/index.js'
import { loadCraPanel } from '../regulation/index.js'
import { loadPublicVersionPanel } from '../report-publication/index.js'
import { listReportFiles } from './attachments.js'
import { loadReportForTeam } from './load-report.js'
import { type Refusal, refusalText } from './refusal-text.js'
import type { ReportParams } from './report-params.js'
import { ReportPage } from './report-view.js'
import { recordReportRead } from './use-cases/record-report-read.js'

type ReportRequest = FastifyRequest<{ Params: ReportParams }>
export type Draft = { body: string; visibility: string }

/** The report page, and the one way an action on it answers: back to the page, or the page with the refusal explained. */
export function reportAnswers(deps: Deps) {
  const showReport = async (request: ReportRequest, reply: FastifyReply, status = 200, problem?: string, draft?: Draft) => {
    const org = request.org!
    const viewer = { userId: request.user!.id, role: request.role! }
    const view = await loadReportForTeam(deps, org, request.params.ref, viewer)
    if (!view) throw new HttpProblem('NOT_FOUND')
    // Reading the text is audited (issue 13, item 5); a withheld report shows its state only, which is no read.
    if (view.readable) await recordReportRead(deps, org, view.report.id, viewer.userId, { via: 'page' })
    const files = await listReportFiles(deps, org, request.params.ref, viewer)
    const recognition = await loadRecognitionPanel(deps, org, request.params.ref, viewer)
    const publicVersion = await loadPublicVersionPanel(deps, org, request.params.ref, viewer)
    const cra = await loadCraPanel(deps, org, request.params.ref, viewer)
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
        recognition={recognition}
        publicVersion={publicVersion}
        cra={cra}
      />
    )
    return reply.page(page, status)
  }

  /** After an action: back to the report on success (POST-redirect-GET), or the page with the refusal explained. */
  const answer = (request: ReportRequest, reply: FastifyReply, result: Result<unknown, Refusal>, draft?: Draft) => {
    if (result.ok) return reply.redirect(`/w/${request.params.org}/reports/${request.params.ref}`, 303)
    if (result.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
    const text = refusalText(pageContext(request, reply).t, result.error)
    return showReport(request, reply, problems[result.error.code].status, text, draft)
  }

  return { showReport, answer }
}
