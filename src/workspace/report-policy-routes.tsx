import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'
import { severities } from '../domain/policy/schema.js'
import { cvssFormBodyFields } from '../http/cvss-form-body.js'
import { asList, EmptyForm, Form } from '../http/form-body.js'
import { memberOf } from '../http/request-context.js'
import { reportAnswers } from './report-answer.js'
import { ReportParams } from './report-params.js'
import { isSeverity } from './report-policy.js'
import { markWaitingOnReporter } from './use-cases/mark-waiting-on-reporter.js'
import { recordStep } from './use-cases/record-step.js'
import { setCvssVectors } from './use-cases/set-cvss-vectors.js'
import { setLabels } from './use-cases/set-labels.js'
import { setSeverity } from './use-cases/set-severity.js'

/** An empty choice clears the severity. */
const SeverityForm = Form({ severity: Form.choice(['', ...severities] as const) })
const CvssForm = Form(cvssFormBodyFields)
const LabelsForm = Form({ labels: Form.list(Type.String({ maxLength: 200 }), 100) })
const labelsOf = (value: unknown) => asList(value).filter((l): l is string => typeof l === 'string')
const StepForm = Form({ step: Form.text(200), skip: Form.checkbox() })

/** The team's policy actions on a report. Each answers with a redirect back to the report page, or the page naming the refusal. */
export async function reportPolicyRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const config = { access: 'report.work' } as const
  const { answer } = reportAnswers(deps)

  app.post<{ Params: ReportParams; Body: Static<typeof SeverityForm> }>(
    '/w/:org/reports/:ref/severity',
    { config, schema: { params: ReportParams, body: SeverityForm } },
    async (request, reply) => {
      const value = request.body.severity ?? ''
      const severity = isSeverity(value) ? value : null
      return answer(request, reply, await setSeverity(deps, request.org!, request.params.ref, severity, memberOf(request)), (t) =>
        severity ? t('done.severity', { level: t(`severity.rating.${severity}`) }) : t('done.severityCleared'),
      )
    },
  )

  app.post<{ Params: ReportParams; Body: Static<typeof CvssForm> }>(
    '/w/:org/reports/:ref/cvss',
    { config, schema: { params: ReportParams, body: CvssForm } },
    async (request, reply) =>
      answer(request, reply, await setCvssVectors(deps, request.org!, request.params.ref, request.body, memberOf(request)), (t) =>
        t('done.cvss'),
      ),
  )

  app.post<{ Params: ReportParams; Body: Static<typeof LabelsForm> }>(
    '/w/:org/reports/:ref/labels',
    { config, schema: { params: ReportParams, body: LabelsForm } },
    async (request, reply) =>
      answer(
        request,
        reply,
        await setLabels(deps, request.org!, request.params.ref, labelsOf(request.body.labels), memberOf(request)),
        (t) => t('done.labels'),
      ),
  )

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/waiting',
    { config, schema: { params: ReportParams, body: EmptyForm } },
    async (request, reply) =>
      answer(request, reply, await markWaitingOnReporter(deps, request.org!, request.params.ref, memberOf(request)), (t) =>
        t('done.waiting'),
      ),
  )

  app.post<{ Params: ReportParams; Body: Static<typeof StepForm> }>(
    '/w/:org/reports/:ref/steps',
    { config, schema: { params: ReportParams, body: StepForm } },
    async (request, reply) => {
      const { step = '', skip } = request.body
      const done = skip === '1' ? 'done.stepSkipped' : 'done.stepDone'
      return answer(request, reply, await recordStep(deps, request.org!, request.params.ref, step, skip === '1', memberOf(request)), (t) =>
        t(done, { step }),
      )
    },
  )
}
