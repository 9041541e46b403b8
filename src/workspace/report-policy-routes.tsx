import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { runReportClocks } from '../clocks/index.js'
import type { Deps } from '../deps.js'
import type { StepError } from '../domain/policy/process-steps.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import type { Translator } from '../i18n/messages.js'
import { isSeverity, markWaitingOnReporter, recordStep, setLabels, setSeverity } from './report-policy.js'

const ReportParams = Type.Object({ org: Type.String({ maxLength: 64 }), ref: Type.String({ maxLength: 40 }) })
type ReportParams = { org: string; ref: string }
type Request = FastifyRequest<{ Params: ReportParams }>

const field = (request: Request, name: string): unknown => ((request.body ?? {}) as Record<string, unknown>)[name]

export const stepErrorText = (t: Translator, e: StepError): string =>
  e.code === 'STEP_OUT_OF_ORDER'
    ? t('step.outOfOrder', { missing: e.missing.join(', ') })
    : t(e.code === 'STEP_UNKNOWN' ? 'step.unknown' : e.code === 'STEP_ALREADY' ? 'step.already' : 'step.notOptional')

/** The team's policy actions on a report. Each answers with a redirect back to the report page, or a 409 naming the refusal. */
export async function reportPolicyRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const work = { config: { access: 'report.work' } as const, schema: { params: ReportParams } }
  const back = (request: Request, reply: FastifyReply) => reply.redirect(`/w/${request.params.org}/reports/${request.params.ref}`, 303)
  const actor = (request: Request) => ({ userId: request.user!.id })

  app.post<{ Params: ReportParams }>('/w/:org/reports/:ref/severity', work, async (request, reply) => {
    const value = String(field(request, 'severity') ?? '')
    if (value !== '' && !isSeverity(value)) throw new HttpProblem('VALIDATION_FAILED')
    const org = request.org!
    await setSeverity(deps, org, request.params.ref, value === '' ? null : value, actor(request))
    // "High severity: act immediately": a severity alert goes out now, not at the next sweep.
    const report = await deps.db
      .selectFrom('report')
      .select('id')
      .where('org_id', '=', org.id)
      .where('ref', '=', request.params.ref)
      .executeTakeFirst()
    if (report) await runReportClocks(deps, org.id, report.id, deps.now().toISOString())
    return back(request, reply)
  })

  app.post<{ Params: ReportParams }>('/w/:org/reports/:ref/labels', work, async (request, reply) => {
    const raw = field(request, 'labels')
    const labels = (Array.isArray(raw) ? raw : [raw]).filter((l): l is string => typeof l === 'string')
    await setLabels(deps, request.org!, request.params.ref, labels, actor(request))
    return back(request, reply)
  })

  app.post<{ Params: ReportParams }>('/w/:org/reports/:ref/waiting', work, async (request, reply) => {
    await markWaitingOnReporter(deps, request.org!, request.params.ref, actor(request))
    return back(request, reply)
  })

  app.post<{ Params: ReportParams }>('/w/:org/reports/:ref/steps', work, async (request, reply) => {
    const step = String(field(request, 'step') ?? '')
    const result = await recordStep(deps, request.org!, request.params.ref, step, field(request, 'skip') === '1', actor(request))
    if (result.ok) return back(request, reply)
    throw new HttpProblem('REPORT_TRANSITION_NOT_ALLOWED', stepErrorText(pageContext(request, reply).t, result.error))
  })
}
