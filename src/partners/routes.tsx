import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cipherFor, type Deps } from '../deps.js'
import type { NoticeRefusal } from '../domain/partner/notice-rules.js'
import type { Partner, PartnerField, PartnerProblem } from '../domain/partner/partner.js'
import { asList, EmptyForm } from '../http/form-body.js'
import { type AppErrorCode, HttpProblem, problems, problemTitle } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { formatTime } from '../i18n/format-time.js'
import type { Translator } from '../i18n/messages.js'
import { findPartner, listPartners } from '../storage/repositories/partner-repository.js'
import { loadCoordination } from './load-coordination.js'
import {
  AdvisoryParams,
  ContactForm,
  ContactParams,
  DoneQuery,
  MergeForm,
  NoticeForm,
  OrgParams,
  PartnerForm,
  PartnerParams,
  PartnerSettingsForm,
  ReleaseForm,
  TokenParams,
} from './schemas.js'
import { acknowledgeNotice } from './use-cases/acknowledge-notice.js'
import { addPartner } from './use-cases/add-partner.js'
import { addPartnerContact } from './use-cases/add-partner-contact.js'
import { editPartner } from './use-cases/edit-partner.js'
import { openNotice } from './use-cases/open-notice.js'
import { planRelease } from './use-cases/plan-release.js'
import { recordPublicMerge } from './use-cases/record-public-merge.js'
import { removePartner } from './use-cases/remove-partner.js'
import { removePartnerContact } from './use-cases/remove-partner-contact.js'
import { type PartnerRefusal, sendEarlyNotice } from './use-cases/send-early-notice.js'
import { CoordinationPage } from './views/coordination-page.js'
import { NoticePage } from './views/notice-page.js'
import { emptyPartnerForm, PartnerEditPage, type PartnerFormValues, PartnersAdminPage } from './views/partners-admin.js'

const doneKeys = {
  added: 'partners.done.added',
  changed: 'partners.done.changed',
  removed: 'partners.done.removed',
  release: 'partners.done.release',
  merged: 'partners.done.merged',
} as const

/** Back to `path` with what happened, once (post/redirect/get, src/http/flash.ts). */
const doneTo = (request: FastifyRequest, reply: FastifyReply, path: string, done: keyof typeof doneKeys) =>
  reply.flashTo(path, { tone: 'success', text: pageContext(request, reply).t(doneKeys[done]) })

const settingsOf = (b: Partial<Record<keyof PartnerFormValues, string>>) => ({
  name: b.name ?? '',
  kind: b.kind ?? '',
  maxEmbargo: b.maxEmbargo ?? '',
  excludedLabels: b.excludedLabels ?? '',
  excludedPrograms: b.excludedPrograms ?? '',
})

const valuesOf = (p: Partner): PartnerFormValues => ({
  ...emptyPartnerForm,
  name: p.name,
  kind: p.kind,
  maxEmbargo: p.maxEmbargo ?? '',
  excludedLabels: p.excludedLabels.join(', '),
  excludedPrograms: p.excludedPrograms.join(', '),
})

/** One line per partner that may not be told now: from when, or what it excludes. */
function refusalLine(t: Translator, r: PartnerRefusal, zone: string | undefined): string {
  const e: NoticeRefusal = r.refusal
  if (e.code === 'NOTICE_TOO_EARLY')
    return t('partners.refusal.tooEarly', { partner: r.name, at: formatTime(new Date(e.from).toISOString(), zone, t.locale) })
  if (e.code === 'PARTNER_EXCLUDED')
    return e.label !== undefined
      ? t('partners.refusal.label', { partner: r.name, label: e.label })
      : t('partners.refusal.program', { partner: r.name, program: e.program ?? '' })
  return `${r.name}: ${problemTitle(t, e.code)}`
}

/**
 * Partners (admin pages under /w/:org/admin/partners), the advisory's coordination page (planned
 * release, windows, early notice), and the partner's capability page /partner-notice/:token where
 * the advisory draft is read and acknowledged.
 */
export async function partnerRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const admin = { access: 'org.admin' } as const
  const read = { access: 'report.read' } as const
  const work = { access: 'report.work' } as const
  const viewerOf = (request: FastifyRequest) => memberOf(request)

  const showPartners = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: PartnerFormValues; errors?: Partial<Record<PartnerField, PartnerProblem>>; problem?: string; status?: number } = {},
  ) => {
    const org = request.org!
    const ctx = pageContext(request, reply)
    const partners = await listPartners(deps.db, cipherFor(deps, org), org.id)
    return reply.page(
      <PartnersAdminPage
        ctx={ctx}
        org={org}
        role={request.role!}
        partners={partners}
        values={extra.values}
        errors={extra.errors}
        problem={extra.problem}
      />,
      extra.status ?? 200,
    )
  }

  app.get('/w/:org/admin/partners', { config: admin, schema: { params: OrgParams } }, (request, reply) => showPartners(request, reply))

  app.post<{ Body: PartnerForm }>(
    '/w/:org/admin/partners',
    { config: admin, schema: { params: OrgParams, body: PartnerForm } },
    async (request, reply) => {
      const org = request.org!
      const input = { ...settingsOf(request.body), address: request.body.address ?? '', publicKey: request.body.publicKey ?? '' }
      const added = await addPartner(deps, org, input, request.user!.id)
      if (added.ok) return doneTo(request, reply, `/w/${org.slug}/admin/partners`, 'added')
      const errors = added.error.code === 'PARTNER_INVALID' ? added.error.fields : {}
      return showPartners(request, reply, {
        values: { ...emptyPartnerForm, ...input },
        errors,
        problem: problems.PARTNER_INVALID.title,
        status: 422,
      })
    },
  )

  app.get<{ Params: PartnerParams }>(
    '/w/:org/admin/partners/:partner',
    { config: admin, schema: { params: PartnerParams } },
    async (request, reply) => {
      const org = request.org!
      const partner = await findPartner(deps.db, cipherFor(deps, org), org.id, request.params.partner)
      if (!partner) throw new HttpProblem('NOT_FOUND')
      return reply.page(
        <PartnerEditPage
          ctx={pageContext(request, reply)}
          org={org}
          role={request.role!}
          partnerId={partner.id}
          values={valuesOf(partner)}
        />,
      )
    },
  )

  app.post<{ Params: PartnerParams; Body: PartnerSettingsForm }>(
    '/w/:org/admin/partners/:partner',
    { config: admin, schema: { params: PartnerParams, body: PartnerSettingsForm } },
    async (request, reply) => {
      const org = request.org!
      const input = settingsOf(request.body)
      const edited = await editPartner(deps, org, request.params.partner, input, request.user!.id)
      if (edited.ok) return doneTo(request, reply, `/w/${org.slug}/admin/partners`, 'changed')
      if (edited.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
      return reply.page(
        <PartnerEditPage
          ctx={pageContext(request, reply)}
          org={org}
          role={request.role!}
          partnerId={request.params.partner}
          values={{ ...emptyPartnerForm, ...input }}
          errors={edited.error.fields}
        />,
        422,
      )
    },
  )

  app.post<{ Params: PartnerParams; Body: ContactForm }>(
    '/w/:org/admin/partners/:partner/contacts',
    { config: admin, schema: { params: PartnerParams, body: ContactForm } },
    async (request, reply) => {
      const org = request.org!
      const input = { address: request.body.address ?? '', publicKey: request.body.publicKey ?? '' }
      const added = await addPartnerContact(deps, org, request.params.partner, input, request.user!.id)
      if (added.ok) return doneTo(request, reply, `/w/${org.slug}/admin/partners`, 'changed')
      if (added.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
      const ctx = pageContext(request, reply)
      const why = Object.values(added.error.fields).map((p) => ctx.t(`partners.problem.${p}` as Parameters<Translator>[0]))
      return showPartners(request, reply, { problem: `${problems.PARTNER_INVALID.title}: ${why.join(' ')}`, status: 422 })
    },
  )

  app.post<{ Params: ContactParams }>(
    '/w/:org/admin/partners/:partner/contacts/:index/remove',
    { config: admin, schema: { params: ContactParams, body: EmptyForm } },
    async (request, reply) => {
      const org = request.org!
      const removed = await removePartnerContact(deps, org, request.params.partner, Number(request.params.index), request.user!.id)
      if (removed.ok) return doneTo(request, reply, `/w/${org.slug}/admin/partners`, 'changed')
      if (removed.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
      return showPartners(request, reply, { problem: pageContext(request, reply).t('partners.problem.lastContact'), status: 409 })
    },
  )

  app.post<{ Params: PartnerParams }>(
    '/w/:org/admin/partners/:partner/remove',
    { config: admin, schema: { params: PartnerParams, body: EmptyForm } },
    async (request, reply) => {
      const org = request.org!
      const removed = await removePartner(deps, org, request.params.partner, request.user!.id)
      if (!removed.ok) throw new HttpProblem('NOT_FOUND')
      return doneTo(request, reply, `/w/${org.slug}/admin/partners`, 'removed')
    },
  )

  // The advisory's coordination page.
  const showCoordination = async (
    request: FastifyRequest<{ Params: AdvisoryParams }>,
    reply: FastifyReply,
    status = 200,
    problem?: { code: AppErrorCode; refusals?: PartnerRefusal[]; from?: number },
  ) => {
    const view = await loadCoordination(deps, request.org!, request.params.id, viewerOf(request))
    if (!view) throw new HttpProblem('NOT_FOUND')
    const ctx = pageContext(request, reply)
    const lines = (problem?.refusals ?? []).map((r) => refusalLine(ctx.t, r, view.zone))
    if (problem?.from !== undefined)
      lines.push(ctx.t('partners.merge.tooEarly', { at: formatTime(new Date(problem.from).toISOString(), view.zone, ctx.t.locale) }))
    return reply.page(
      <CoordinationPage
        ctx={ctx}
        org={request.org!}
        role={request.role!}
        view={view}
        problem={problem ? problemTitle(ctx.t, problem.code) : undefined}
        refusals={lines}
      />,
      status,
    )
  }

  app.get<{ Params: AdvisoryParams }>(
    '/w/:org/advisories/:id/coordination',
    { config: read, schema: { params: AdvisoryParams } },
    (request, reply) => showCoordination(request, reply),
  )

  app.post<{ Params: AdvisoryParams; Body: ReleaseForm }>(
    '/w/:org/advisories/:id/release',
    { config: work, schema: { params: AdvisoryParams, body: ReleaseForm } },
    async (request, reply) => {
      const planned = await planRelease(deps, request.org!, request.params.id, request.body.at ?? '', viewerOf(request))
      if (planned.ok) return doneTo(request, reply, `/w/${request.params.org}/advisories/${request.params.id}/coordination`, 'release')
      if (planned.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
      return showCoordination(request, reply, problems[planned.error.code].status, { code: planned.error.code })
    },
  )

  app.post<{ Params: AdvisoryParams; Body: NoticeForm }>(
    '/w/:org/advisories/:id/notices',
    { config: work, schema: { params: AdvisoryParams, body: NoticeForm } },
    async (request, reply) => {
      const input = {
        partnerIds: asList(request.body.partners as string | string[] | undefined),
        scheduleLater: request.body.later === 'on',
      }
      const sent = await sendEarlyNotice(deps, request.org!, request.params.id, input, viewerOf(request))
      if (sent.ok)
        return reply.flashTo(`/w/${request.params.org}/advisories/${request.params.id}/coordination`, {
          tone: 'success',
          text: pageContext(request, reply).t('partners.done.notice', {
            sent: sent.value.sent.length,
            scheduled: sent.value.scheduled.length,
          }),
        })
      if (sent.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
      const error = sent.error
      return showCoordination(request, reply, problems[error.code].status, {
        code: error.code,
        ...(error.code === 'NOTICE_REFUSED' ? { refusals: error.refusals } : {}),
      })
    },
  )

  app.post<{ Params: AdvisoryParams; Body: MergeForm }>(
    '/w/:org/advisories/:id/merged',
    { config: work, schema: { params: AdvisoryParams, body: MergeForm } },
    async (request, reply) => {
      const merged = await recordPublicMerge(deps, request.org!, request.params.id, request.body.at ?? '', viewerOf(request))
      if (merged.ok) return doneTo(request, reply, `/w/${request.params.org}/advisories/${request.params.id}/coordination`, 'merged')
      const error = merged.error
      if (error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
      return showCoordination(request, reply, problems[error.code].status, {
        code: error.code,
        ...(error.code === 'MERGE_TOO_EARLY' ? { from: error.from } : {}),
      })
    },
  )

  // The partner's side: the capability link opens the notice; the form on it acknowledges.
  const limit = (max: number) => ({ access: 'public' as const, rateLimit: { max, timeWindow: '1 minute' } })
  app.get<{ Params: TokenParams; Querystring: DoneQuery }>(
    '/partner-notice/:token',
    { config: limit(30), schema: { params: TokenParams, querystring: DoneQuery } },
    async (request, reply) => {
      const opened = await openNotice(deps, request.params.token)
      if (!opened.ok) throw new HttpProblem('NOT_FOUND', pageContext(request, reply).t('partners.page.unknown'))
      return reply.page(
        <NoticePage
          ctx={pageContext(request, reply)}
          token={request.params.token}
          opened={opened.value}
          acknowledged={request.query.done === 'ack'}
        />,
      )
    },
  )

  app.post<{ Params: TokenParams }>(
    '/partner-notice/:token',
    { config: limit(10), schema: { params: TokenParams, body: EmptyForm } },
    async (request, reply) => {
      const acknowledged = await acknowledgeNotice(deps, request.params.token)
      if (!acknowledged.ok) throw new HttpProblem('NOT_FOUND', pageContext(request, reply).t('partners.page.unknown'))
      return reply.redirect(`/partner-notice/${request.params.token}?done=ack`, 303)
    },
  )
}
