import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { noticeAnnouncements } from '../announcements/index.js'
import type { Deps } from '../deps.js'
import { type CraStage, craKinds, craStages } from '../domain/regulation/cra-clocks.js'
import { craFieldMaxLength } from '../domain/regulation/cra-forms.js'
import type { Result } from '../domain/result.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import type { CaseError } from './change-case.js'
import { loadCraContext } from './load-case.js'
import { loadCraOverview } from './load-overview.js'
import { loadStage } from './load-stage.js'
import { exportStage } from './use-cases/export-stage.js'
import { markExploited } from './use-cases/mark-exploited.js'
import { recordFiling } from './use-cases/record-filing.js'
import { recordMeasure } from './use-cases/record-measure.js'
import { saveStage } from './use-cases/save-stage.js'
import { sendUserNotice, userNoticeKey } from './use-cases/send-user-notice.js'
import { userNoticeFor } from './user-notice.js'
import { CraCasePage, type Done } from './views/case-page.js'
import { CraNoticePage } from './views/notice-page.js'
import { CraOverviewPage } from './views/overview-page.js'
import { CraPrintPage } from './views/print-page.js'
import { CraStagePage } from './views/stage-page.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
type OrgParams = Static<typeof OrgParams>
const ReportParams = Type.Object({ org: Type.String({ maxLength: 64 }), ref: Type.String({ maxLength: 40 }) })
type ReportParams = Static<typeof ReportParams>
const StageParams = Type.Object({
  org: Type.String({ maxLength: 64 }),
  ref: Type.String({ maxLength: 40 }),
  stage: Type.Union(craStages.map((s) => Type.Literal(s))),
})
type StageParams = Static<typeof StageParams>

const MarkForm = Form({ kind: Form.choice(craKinds), awareAt: Form.text(32), evidence: Form.text(craFieldMaxLength) })
type MarkForm = Static<typeof MarkForm>
const MeasureForm = Form({ measureAt: Form.text(32) })
type MeasureForm = Static<typeof MeasureForm>
const FiledForm = Form({ filedAt: Form.text(32), reference: Form.text(400) })
type FiledForm = Static<typeof FiledForm>
const field = Form.text(craFieldMaxLength)
const StageForm = Form({
  memberStates: field,
  suspectedMalicious: field,
  product: field,
  exploitNature: field,
  vulnerabilityNature: field,
  incidentNature: field,
  initialAssessment: field,
  measuresTaken: field,
  userMeasures: field,
  sensitivity: field,
  description: field,
  severity: field,
  impact: field,
  maliciousActor: field,
  securityUpdate: field,
  rootCause: field,
  mitigation: field,
})
type StageForm = Static<typeof StageForm>

/**
 * The EU Cyber Resilience Act (Art. 14): marking a report, its clocks, each stage's form and
 * exports, the record of filings, the notice to users, and the organization's overview.
 */
export async function regulationRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const read = { access: 'report.read' } as const
  const work = { access: 'report.work' } as const
  const viewer = (request: FastifyRequest) => memberOf(request)
  const caseUrl = (p: ReportParams) => `/w/${p.org}/reports/${p.ref}/cra`

  /** After a change: to the page that shows it, saying what happened; or the refusal from the problem catalogue. */
  const back = (request: FastifyRequest, reply: FastifyReply, to: string, done: Done, result: Result<unknown, CaseError>) => {
    if (!result.ok) throw new HttpProblem(result.error.code)
    return reply.flashTo(to, { tone: 'success', text: pageContext(request, reply).t(`cra.done.${done}` as MessageKey) })
  }

  app.get<{ Params: OrgParams }>('/w/:org/cra', { config: read, schema: { params: OrgParams } }, async (request, reply) => {
    const org = request.org!
    const { rows, timeZone, manufacturer } = await loadCraOverview(deps, org, deps.now().toISOString())
    return reply.page(
      <CraOverviewPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        rows={rows}
        timeZone={timeZone}
        manufacturer={manufacturer}
      />,
    )
  })

  app.get<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/cra',
    { config: read, schema: { params: ReportParams } },
    async (request, reply) => {
      const now = deps.now().toISOString()
      const c = await loadCraContext(deps, request.org!, request.params.ref, viewer(request), now)
      if (!c) throw new HttpProblem('NOT_FOUND')
      return reply.page(<CraCasePage ctx={pageContext(request, reply)} role={request.role!} c={c} now={now} />)
    },
  )

  app.post<{ Params: ReportParams; Body: MarkForm }>(
    '/w/:org/reports/:ref/cra',
    { config: work, schema: { params: ReportParams, body: MarkForm } },
    async (request, reply) => {
      const input = { kind: request.body.kind ?? '', awareAt: request.body.awareAt ?? '', evidence: request.body.evidence ?? '' }
      return back(
        request,
        reply,
        caseUrl(request.params),
        'marked',
        await markExploited(deps, request.org!, request.params.ref, viewer(request), input),
      )
    },
  )

  app.post<{ Params: ReportParams; Body: MeasureForm }>(
    '/w/:org/reports/:ref/cra/measure',
    { config: work, schema: { params: ReportParams, body: MeasureForm } },
    async (request, reply) => {
      const input = { measureAt: request.body.measureAt ?? '' }
      return back(
        request,
        reply,
        caseUrl(request.params),
        'measure',
        await recordMeasure(deps, request.org!, request.params.ref, viewer(request), input),
      )
    },
  )

  app.get<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/cra/notice',
    { config: read, schema: { params: ReportParams } },
    async (request, reply) => {
      const found = await userNoticeFor(deps, request.org!, request.params.ref, viewer(request))
      if (!found.ok) throw new HttpProblem(found.error.code)
      const { ctx: c, notice } = found.value
      const sent = c.craCase ? await noticeAnnouncements(deps, request.org!, userNoticeKey(c.craCase.id)) : []
      const ctx = pageContext(request, reply)
      return reply.page(<CraNoticePage ctx={ctx} role={request.role!} c={c} notice={notice} sent={sent} />)
    },
  )

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/cra/notice/announce',
    { config: work, schema: { params: ReportParams, body: EmptyForm } },
    async (request, reply) => {
      const sent = await sendUserNotice(deps, request.org!, request.params.ref, viewer(request))
      if (!sent.ok) throw new HttpProblem(sent.error.code)
      const n = sent.value.queued.length
      const { t } = pageContext(request, reply)
      return reply.flashTo(`${caseUrl(request.params)}/notice`, {
        tone: 'success',
        text: n > 0 ? t('cra.done.announced', { n }) : t('cra.done.alreadyAnnounced'),
      })
    },
  )

  app.get<{ Params: StageParams }>(
    '/w/:org/reports/:ref/cra/:stage',
    { config: read, schema: { params: StageParams } },
    async (request, reply) => {
      const loaded = await loadStage(deps, request.org!, request.params.ref, viewer(request), request.params.stage)
      if (!loaded.ok) throw new HttpProblem(loaded.error.code)
      return reply.page(
        <CraStagePage ctx={pageContext(request, reply)} role={request.role!} view={loaded.value} now={deps.now().toISOString()} />,
      )
    },
  )

  app.post<{ Params: StageParams; Body: StageForm }>(
    '/w/:org/reports/:ref/cra/:stage',
    { config: work, schema: { params: StageParams, body: StageForm } },
    async (request, reply) => {
      const { _csrf, ...values } = request.body
      void _csrf
      const stage: CraStage = request.params.stage
      const result = await saveStage(deps, request.org!, request.params.ref, viewer(request), stage, values)
      return back(request, reply, `${caseUrl(request.params)}/${stage}`, 'saved', result)
    },
  )

  app.get<{ Params: StageParams }>(
    '/w/:org/reports/:ref/cra/:stage/export.json',
    { config: read, schema: { params: StageParams } },
    async (request, reply) => {
      const result = await exportStage(deps, request.org!, request.params.ref, viewer(request), request.params.stage, 'json')
      if (!result.ok) throw new HttpProblem(result.error.code)
      const name = `${request.params.ref}-cra-${request.params.stage}.json`.replace(/[^A-Za-z0-9._-]/g, '_')
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(`${JSON.stringify(result.value.exported, null, 2)}\n`)
    },
  )

  app.get<{ Params: StageParams }>(
    '/w/:org/reports/:ref/cra/:stage/print',
    { config: read, schema: { params: StageParams } },
    async (request, reply) => {
      const result = await exportStage(deps, request.org!, request.params.ref, viewer(request), request.params.stage, 'print')
      if (!result.ok) throw new HttpProblem(result.error.code)
      return reply.page(<CraPrintPage ctx={pageContext(request, reply)} view={result.value} />)
    },
  )

  app.post<{ Params: StageParams; Body: FiledForm }>(
    '/w/:org/reports/:ref/cra/:stage/filed',
    { config: work, schema: { params: StageParams, body: FiledForm } },
    async (request, reply) => {
      const input = { filedAt: request.body.filedAt ?? '', reference: request.body.reference ?? '' }
      const result = await recordFiling(deps, request.org!, request.params.ref, viewer(request), request.params.stage, input)
      return back(request, reply, `${caseUrl(request.params)}/${request.params.stage}`, 'filed', result)
    },
  )
}
