import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import type { Result } from '../domain/result.js'
import { draftFits } from '../http/flash.js'
import { HttpProblem, problems } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import type { Translator } from '../i18n/messages.js'
import { loadRecognitionPanel } from '../recognition/index.js'
import { loadCraPanel } from '../regulation/index.js'
import { loadReplyTemplateChoice } from '../reply-templates/index.js'
import { loadPublicVersionPanel } from '../report-publication/index.js'
import { listReportFiles } from './attachments.js'
import { loadReportForTeam } from './load-report.js'
import { type Refusal, refusalText } from './refusal-text.js'
import { type ReportParams, threadShown, timelineShown } from './report-params.js'
import { ReportPage } from './report-view.js'
import { recordReportRead } from './use-cases/record-report-read.js'

type ReportRequest = FastifyRequest<{ Params: ReportParams }>
export type Draft = { body: string; visibility: string }
/** What the flash says after an action went through ("Claimed", "Severity set to high"). */
export type Done<T> = (t: Translator, value: T) => string

/** The report page, and the one way an action on it answers: back to the page, or the page with the refusal explained. */
const draftFrom = (kept: Record<string, string> | undefined): Draft | undefined =>
  kept && typeof kept.body === 'string'
    ? { body: kept.body, visibility: kept.visibility === 'internal' ? 'internal' : 'reporter' }
    : undefined

export function reportAnswers(deps: Deps) {
  const showReport = async (
    request: ReportRequest,
    reply: FastifyReply,
    status = 200,
    problem?: string,
    draft?: Draft,
    template?: string,
    whole: { thread?: boolean; timeline?: boolean } = {},
  ) => {
    const org = request.org!
    const viewer = memberOf(request)
    const view = await loadReportForTeam(deps, org, request.params.ref, viewer, {
      ...(whole.thread ? {} : { messages: threadShown }),
      ...(whole.timeline ? {} : { events: timelineShown }),
    })
    if (!view) throw new HttpProblem('NOT_FOUND')
    // Reading the text is audited (issue 13, item 5); a withheld report shows its state only, which is no read.
    if (view.readable) await recordReportRead(deps, org, view.report.id, viewer.userId, { via: 'page' })
    const files = await listReportFiles(deps, org, request.params.ref, viewer)
    const recognition = await loadRecognitionPanel(deps, org, request.params.ref, viewer)
    const publicVersion = await loadPublicVersionPanel(deps, org, request.params.ref, viewer)
    const cra = await loadCraPanel(deps, org, request.params.ref, viewer)
    // Reply templates for those who may reply; `template` (the page's `?template=`) is the one to insert.
    const templates =
      viewer.role === 'viewer'
        ? undefined
        : await loadReplyTemplateChoice(
            deps,
            org,
            {
              policy: view.policy?.policy,
              facts: {
                reference: view.report.ref,
                reporterName: view.reporter.name,
                programName: view.programName,
                organizationName: org.name,
                clocks: view.policy?.clocks ?? [],
                timeZone: view.timeZone,
              },
            },
            template,
          )
    const flashed = pageContext(request, reply).flash
    const kept = draft ?? draftFrom(flashed?.draft)
    const page = (
      <ReportPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        userId={request.user!.id}
        view={view}
        files={files}
        problem={problem}
        draft={kept}
        recognition={recognition}
        publicVersion={publicVersion}
        cra={cra}
        templates={templates}
      />
    )
    return reply.page(page, status)
  }

  /**
   * After an action, always back to the report page (post/redirect/get) with one flash message:
   * what happened, or why it was refused with the typed draft kept. Only a draft too large for
   * the flash cookie is answered by re-rendering the page with the refusal, so nothing typed is lost.
   */
  const answer = <T,>(request: ReportRequest, reply: FastifyReply, result: Result<T, Refusal>, done: Done<T>, draft?: Draft) => {
    const page = `/w/${request.params.org}/reports/${request.params.ref}`
    const { t } = pageContext(request, reply)
    if (result.ok) return reply.flashTo(page, { tone: 'success', text: done(t, result.value) })
    if (result.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
    const text = refusalText(t, result.error)
    if (draft && !draftFits(draft)) return showReport(request, reply, problems[result.error.code].status, text, draft)
    return reply.flashTo(page, { tone: 'danger', text, ...(draft ? { draft } : {}) })
  }

  return { showReport, answer }
}
