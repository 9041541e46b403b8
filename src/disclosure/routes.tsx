import type { Static } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cipherFor, type Deps } from '../deps.js'
import { loadCweCatalogue, searchCwe, validateCwe } from '../domain/advisory/cwe.js'
import type { Result } from '../domain/result.js'
import { type CvssFormError, type CvssFormVectors, formValuesFromVector, vectorsFromForm } from '../domain/severity/cvss-form.js'
import { type ShownScore, severityLabel } from '../domain/severity/scoring.js'
import { EmptyForm } from '../http/form-body.js'
import { type AppErrorCode, HttpProblem, problems, problemTitle } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { cvssMetricLabel } from '../http/views/components/index.js'
import { pageContext } from '../http/views/page-context.js'
import type { MessageKey, Translator } from '../i18n/messages.js'
import { findCveServicesSettings } from '../storage/repositories/cve-services-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import {
  AdvisoryEditForm,
  AdvisoryParams,
  CveServicesForm,
  contentInputOf,
  DiffQuery,
  EditQuery,
  emptyRows,
  keptCwes,
  LinkReportForm,
  NewAdvisoryForm,
  NewAdvisoryQuery,
  OrgParams,
  pickedCwe,
  postedCalculator,
  postedCvssMetrics,
  SavedQuery,
  ScheduleForm,
  scheduleInstant,
  WithdrawForm,
} from './advisory-form.js'
import { advisoryRules } from './advisory-rules.js'
import type { Viewer } from './change-advisory.js'
import { listAdvisoriesFor, loadAdvisory, loadRevisionDiff } from './load-advisory.js'
import { allocateGcve } from './use-cases/allocate-gcve.js'
import { approveAdvisory } from './use-cases/approve-advisory.js'
import { type ConfigureCveServicesError, configureCveServices } from './use-cases/configure-cve-services.js'
import { createAdvisory } from './use-cases/create-advisory.js'
import { editAdvisory } from './use-cases/edit-advisory.js'
import { linkReport } from './use-cases/link-report.js'
import { publishAdvisory } from './use-cases/publish-advisory.js'
import { reserveCve } from './use-cases/reserve-cve.js'
import { scheduleAdvisory } from './use-cases/schedule-advisory.js'
import { sendBackAdvisory } from './use-cases/send-back-advisory.js'
import { submitAdvisory } from './use-cases/submit-advisory.js'
import { unscheduleAdvisory } from './use-cases/unschedule-advisory.js'
import { withdrawAdvisory } from './use-cases/withdraw-advisory.js'
import { AdvisoryEditPage, type CweForm, type EditValues, type SeverityForm, valuesOf } from './views/advisory-edit.js'
import { AdvisoryListPage, NewAdvisoryPage } from './views/advisory-list.js'
import { AdvisoryPage } from './views/advisory-page.js'
import { CveServicesAdminPage, type CveServicesFormValues } from './views/cve-services-admin.js'
import { DiffPage, RevisionsPage } from './views/revisions-page.js'

type Refusal = { code: AppErrorCode; refs?: string[]; missing?: string[] }
type AdvisoryRequest = FastifyRequest<{ Params: AdvisoryParams }>

const viewerOf = (request: FastifyRequest): Viewer => memberOf(request)

function refusalText(t: Translator, e: Refusal): string {
  if (e.code === 'ADVISORY_REPORTS_NOT_FIXED') return t('advisory.notFixed', { refs: (e.refs ?? []).join(', ') })
  if (e.code === 'STEPS_BEFORE_PUBLISHING') return t('publish.blocked', { missing: (e.missing ?? []).join(', ') })
  return problemTitle(t, e.code)
}

/** Why the calculators' metrics make no vector, in words ("The CVSS 4.0 vector is not valid: Attack Vector (AV) is required."). */
function cvssErrorText(t: Translator, e: CvssFormError): string {
  if (e.code === 'SEVERITY_NOT_SCORED') return problems.SEVERITY_NOT_SCORED.title
  if (!('metric' in e)) return problems.CVSS_INVALID_VECTOR.title
  const why = e.reason === 'missing-base-metric' || e.reason === 'invalid-value' ? e.reason : 'other'
  return t('severity.cvss.invalid', {
    version: e.version,
    metric: cvssMetricLabel(t, e.version, e.metric),
    reason: t(`severity.cvss.reason.${why}`),
  })
}

/** Everything the edit form posted, as form values again (a refusal or a "Score"/"Search" loses nothing typed). */
function typedValues(body: AdvisoryEditForm): EditValues {
  const input = contentInputOf(body)
  const calculator = postedCalculator(body)
  return {
    ...input,
    cwes: keptCwes(body),
    cwe: body.cwe ?? '',
    cvss31: body.cvss31 ?? '',
    cvss40: body.cvss40 ?? '',
    metrics: {
      '3.1': calculator ? postedCvssMetrics(body, '3.1') : formValuesFromVector('3.1', body.cvss31),
      '4.0': calculator ? postedCvssMetrics(body, '4.0') : formValuesFromVector('4.0', body.cvss40),
    },
    affected: input.affected as unknown as Record<string, string>[],
  }
}

/**
 * The team's advisory pages under /w/:org/advisories: list, new (from a report), view, edit,
 * review and approval, publish now or at a set time, withdraw, revisions and the diff of any two.
 * Reading needs `report.read` and need to know over every linked report; acting needs `report.work`.
 */
export async function disclosureRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const read = { access: 'report.read' } as const
  const work = { access: 'report.work' } as const

  const showAdvisory = async (request: AdvisoryRequest, reply: FastifyReply, status = 200, problem?: string) => {
    const view = await loadAdvisory(deps, request.org!, request.params.id, viewerOf(request))
    if (!view) throw new HttpProblem('NOT_FOUND')
    return reply.page(
      <AdvisoryPage ctx={pageContext(request, reply)} org={request.org!} role={request.role!} view={view} problem={problem} />,
      status,
    )
  }

  /** After an action: back to the advisory (POST-redirect-GET), or its page with the refusal explained. */
  const answer = (request: AdvisoryRequest, reply: FastifyReply, result: Result<unknown, Refusal>) => {
    if (result.ok) return reply.redirect(`/w/${request.params.org}/advisories/${request.params.id}`, 303)
    if (result.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
    return showAdvisory(request, reply, problems[result.error.code].status, refusalText(pageContext(request, reply).t, result.error))
  }

  app.get('/w/:org/advisories', { config: read, schema: { params: OrgParams } }, async (request, reply) => {
    const [advisories, timeZone] = await Promise.all([
      listAdvisoriesFor(deps, request.org!, viewerOf(request)),
      orgTimeZone(deps.db, request.org!.id),
    ])
    return reply.page(
      <AdvisoryListPage
        ctx={pageContext(request, reply)}
        org={request.org!}
        role={request.role!}
        advisories={advisories}
        timeZone={timeZone}
      />,
    )
  })

  app.get<{ Querystring: Static<typeof NewAdvisoryQuery> }>(
    '/w/:org/advisories/new',
    { config: work, schema: { params: OrgParams, querystring: NewAdvisoryQuery } },
    async (request, reply) => {
      const ref = request.query.report ?? ''
      if (ref === '') throw new HttpProblem('BAD_REQUEST', pageContext(request, reply).t('advisory.startFromReport'))
      return reply.page(<NewAdvisoryPage ctx={pageContext(request, reply)} org={request.org!} role={request.role!} reportRef={ref} />)
    },
  )

  app.post<{ Body: Static<typeof NewAdvisoryForm> }>(
    '/w/:org/advisories',
    { config: work, schema: { params: OrgParams, body: NewAdvisoryForm } },
    async (request, reply) => {
      const ref = request.body.report ?? ''
      const title = request.body.title ?? ''
      const created = await createAdvisory(deps, request.org!, ref, title, viewerOf(request))
      if (created.ok) return reply.redirect(`/w/${request.org!.slug}/advisories/${created.value.ownId}/edit`, 303)
      if (created.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
      const ctx = pageContext(request, reply)
      return reply.page(
        <NewAdvisoryPage
          ctx={ctx}
          org={request.org!}
          role={request.role!}
          reportRef={ref}
          title={title}
          problem={problems.ADVISORY_CONTENT_INVALID.title}
        />,
        422,
      )
    },
  )

  app.get<{ Params: AdvisoryParams }>('/w/:org/advisories/:id', { config: read, schema: { params: AdvisoryParams } }, (request, reply) =>
    showAdvisory(request, reply),
  )

  app.get<{ Params: AdvisoryParams; Querystring: Static<typeof EditQuery> }>(
    '/w/:org/advisories/:id/edit',
    { config: work, schema: { params: AdvisoryParams, querystring: EditQuery } },
    async (request, reply) => {
      const view = await loadAdvisory(deps, request.org!, request.params.id, viewerOf(request))
      if (!view) throw new HttpProblem('NOT_FOUND')
      if (!view.actions.includes('edit')) return showAdvisory(request, reply, 409, problems.ADVISORY_ACTION_NOT_ALLOWED.title)
      const extraRows = Math.min(48, Number(request.query.rows ?? 0))
      return showEdit(request, reply, view.advisory.ownId, valuesOf(view.advisory.content), { extraRows })
    },
  )

  /** The edit form, with the policy's scoring and the CWE picker's suggestions (the most used weaknesses unless a search was made). */
  const showEdit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ownId: string,
    values: EditValues,
    extra: {
      extraRows?: number
      problems?: Parameters<typeof AdvisoryEditPage>[0]['problems']
      severity?: Partial<SeverityForm>
      cwe?: Partial<CweForm>
    } = {},
    status = 200,
  ) => {
    const rules = await advisoryRules(deps.db, request.org!.id)
    const catalogue = await loadCweCatalogue()
    return reply.page(
      <AdvisoryEditPage
        ctx={pageContext(request, reply)}
        org={request.org!}
        role={request.role!}
        ownId={ownId}
        values={values}
        severity={{ scoring: rules.scoring, definitions: rules.levels, ...extra.severity }}
        cwe={{ suggestions: searchCwe(catalogue, extra.cwe?.query ?? ''), ...extra.cwe }}
        problems={extra.problems}
        extraRows={extra.extraRows}
      />,
      status,
    )
  }

  /** Saves the edit form. "Score" and the CWE picker's "Search" show the form again and save nothing. */
  app.post<{ Params: AdvisoryParams; Body: Static<typeof AdvisoryEditForm> }>(
    '/w/:org/advisories/:id/edit',
    { config: work, schema: { params: AdvisoryParams, body: AdvisoryEditForm } },
    async (request, reply) => {
      const { t } = pageContext(request, reply)
      const body = request.body
      const ownId = request.params.id
      const extraRows = Math.min(48, Number(body.rows ?? 0) || 0)
      const values = typedValues(body)
      const { scoring } = await advisoryRules(deps.db, request.org!.id)
      let vectors: CvssFormVectors = {}
      let cvssError: string | undefined
      if (postedCalculator(body)) {
        const read = vectorsFromForm(scoring, body)
        if (read.ok) vectors = read.value
        else cvssError = cvssErrorText(t, read.error)
      }
      if (body.intent === 'cwe-search')
        return showEdit(request, reply, ownId, values, { extraRows, cwe: { query: (body.cwe ?? '').trim() } })
      const picked = pickedCwe(body)
      const cweChecked = picked === '' ? undefined : validateCwe(await loadCweCatalogue(), picked)
      const cweError =
        cweChecked && !cweChecked.ok
          ? t(`cwe.error.${cweChecked.error.code}` as MessageKey, 'id' in cweChecked.error ? { id: cweChecked.error.id } : {})
          : undefined
      // A valid pick joins the chosen weaknesses on the form shown again.
      const shown: EditValues =
        cweChecked?.ok && !values.cwes.includes(cweChecked.value.id)
          ? { ...values, cwes: [...values.cwes, cweChecked.value.id], cwe: '' }
          : values
      if (body.intent === 'score') {
        const scores: ShownScore[] = severityLabel(
          { cvss31: vectors.cvss31 ?? undefined, cvss40: vectors.cvss40 ?? undefined },
          scoring,
        ).scores
        const severity = { scores, ...(cvssError ? { cvssError } : {}) }
        return showEdit(
          request,
          reply,
          ownId,
          shown,
          { extraRows, severity, cwe: cweError ? { error: cweError } : {} },
          cvssError ? 422 : 200,
        )
      }
      if (cvssError || cweError) {
        const severity = cvssError ? { cvssError } : {}
        return showEdit(request, reply, ownId, shown, { extraRows, severity, cwe: cweError ? { error: cweError } : {} }, 422)
      }
      const result = await editAdvisory(deps, request.org!, ownId, contentInputOf(body, vectors), viewerOf(request))
      if (result.ok) {
        const base = `/w/${request.params.org}/advisories/${ownId}`
        return reply.redirect(body.more === 'rows' ? `${base}/edit?rows=${extraRows + emptyRows}` : base, 303)
      }
      if (result.error.code !== 'ADVISORY_CONTENT_INVALID') return answer(request, reply, result)
      return showEdit(request, reply, ownId, shown, { extraRows, problems: result.error.problems }, 422)
    },
  )

  const action = (path: string, run: (request: AdvisoryRequest) => Promise<Result<unknown, Refusal>>) =>
    app.post<{ Params: AdvisoryParams }>(
      `/w/:org/advisories/:id/${path}`,
      { config: work, schema: { params: AdvisoryParams, body: EmptyForm } },
      async (request, reply) => answer(request, reply, await run(request)),
    )
  action('submit', (r) => submitAdvisory(deps, r.org!, r.params.id, viewerOf(r)))
  action('approve', (r) => approveAdvisory(deps, r.org!, r.params.id, viewerOf(r)))
  action('return', (r) => sendBackAdvisory(deps, r.org!, r.params.id, viewerOf(r)))
  action('publish', (r) => publishAdvisory(deps, r.org!, r.params.id, viewerOf(r)))
  action('unschedule', (r) => unscheduleAdvisory(deps, r.org!, r.params.id, viewerOf(r)))
  action('gcve', (r) => allocateGcve(deps, r.org!, r.params.id, viewerOf(r)))
  action('cve', (r) => reserveCve(deps, r.org!, r.params.id, viewerOf(r)))

  /** The administrator's CVE Services (CNA) credentials: the API key is never shown again. */
  const admin = { access: 'org.admin' } as const
  const showCveServices = async (
    request: FastifyRequest,
    reply: FastifyReply,
    typed?: Omit<CveServicesFormValues, 'keyStored'>,
    error?: ConfigureCveServicesError,
  ) => {
    const org = request.org!
    const stored = await findCveServicesSettings(deps.db, cipherFor(deps, org), org.id)
    const values = typed ?? { shortName: stored?.shortName ?? '', apiUser: stored?.apiUser ?? '', endpoint: stored?.endpoint ?? '' }
    return reply.page(
      <CveServicesAdminPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        values={{ ...values, keyStored: stored !== undefined }}
        errors={error?.fields}
      />,
      error ? 422 : 200,
    )
  }
  app.get<{ Querystring: Static<typeof SavedQuery> }>(
    '/w/:org/admin/cve-services',
    { config: admin, schema: { params: OrgParams, querystring: SavedQuery } },
    (request, reply) => showCveServices(request, reply),
  )
  app.post<{ Body: Static<typeof CveServicesForm> }>(
    '/w/:org/admin/cve-services',
    { config: admin, schema: { params: OrgParams, body: CveServicesForm } },
    async (request, reply) => {
      const org = request.org!
      const form = {
        shortName: request.body.shortName ?? '',
        apiUser: request.body.apiUser ?? '',
        apiKey: request.body.apiKey ?? '',
        endpoint: request.body.endpoint ?? '',
      }
      const result = await configureCveServices(deps, org, form, request.user!.id)
      if (result.ok)
        return reply.flashTo(`/w/${org.slug}/admin/cve-services`, {
          tone: 'success',
          text: pageContext(request, reply).t('cveServicesAdmin.saved'),
        })
      const { apiKey: _key, ...typed } = form
      return showCveServices(request, reply, typed, result.error)
    },
  )

  app.post<{ Params: AdvisoryParams; Body: Static<typeof ScheduleForm> }>(
    '/w/:org/advisories/:id/schedule',
    { config: work, schema: { params: AdvisoryParams, body: ScheduleForm } },
    async (request, reply) => {
      const when = scheduleInstant(request.body.at ?? '')
      if (!when) return answer(request, reply, { ok: false, error: { code: 'ADVISORY_SCHEDULE_NOT_FUTURE' } })
      return answer(request, reply, await scheduleAdvisory(deps, request.org!, request.params.id, when, viewerOf(request)))
    },
  )

  app.post<{ Params: AdvisoryParams; Body: Static<typeof WithdrawForm> }>(
    '/w/:org/advisories/:id/withdraw',
    { config: work, schema: { params: AdvisoryParams, body: WithdrawForm } },
    async (request, reply) =>
      answer(request, reply, await withdrawAdvisory(deps, request.org!, request.params.id, request.body.reason ?? '', viewerOf(request))),
  )

  app.post<{ Params: AdvisoryParams; Body: Static<typeof LinkReportForm> }>(
    '/w/:org/advisories/:id/reports',
    { config: work, schema: { params: AdvisoryParams, body: LinkReportForm } },
    async (request, reply) =>
      answer(request, reply, await linkReport(deps, request.org!, request.params.id, request.body.report ?? '', viewerOf(request))),
  )

  app.get<{ Params: AdvisoryParams }>(
    '/w/:org/advisories/:id/revisions',
    { config: read, schema: { params: AdvisoryParams } },
    async (request, reply) => {
      const view = await loadAdvisory(deps, request.org!, request.params.id, viewerOf(request))
      if (!view) throw new HttpProblem('NOT_FOUND')
      return reply.page(
        <RevisionsPage
          ctx={pageContext(request, reply)}
          org={request.org!}
          role={request.role!}
          ownId={view.advisory.ownId}
          title={view.advisory.content.title}
          revisions={view.revisions}
          names={view.names}
          timeZone={view.timeZone}
        />,
      )
    },
  )

  app.get<{ Params: AdvisoryParams; Querystring: Static<typeof DiffQuery> }>(
    '/w/:org/advisories/:id/diff',
    { config: read, schema: { params: AdvisoryParams, querystring: DiffQuery } },
    async (request, reply) => {
      const from = Number(request.query.from ?? 1)
      const to = Number(request.query.to ?? 1)
      const diff = await loadRevisionDiff(deps, request.org!, request.params.id, from, to, viewerOf(request))
      if (!diff) throw new HttpProblem('NOT_FOUND')
      return reply.page(
        <DiffPage
          ctx={pageContext(request, reply)}
          org={request.org!}
          role={request.role!}
          ownId={diff.advisory.ownId}
          title={diff.advisory.content.title}
          from={from}
          to={to}
          lines={diff.lines}
        />,
      )
    },
  )
}
