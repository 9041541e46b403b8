import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify'
import type { Deps } from '../deps.js'
import { acceptsThrough, channelStates } from '../domain/policy/channels.js'
import { intakePrograms, policyPrograms } from '../domain/policy/programs.js'
import { multipartForms } from '../http/multipart-form.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { hasHallOfFame } from '../recognition/index.js'
import { hasPublicReports } from '../report-publication/index.js'
import { findOrganizationBySlug } from '../storage/repositories/organization-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { acceptedChannelsText } from './channels-view.js'
import { applyCreditDefault, orgCreditDefault } from './credit-default.js'
import { secondsSinceServed, signFormTime } from './form-timing.js'
import { receiptKeeper } from './receipt.js'
import { OrgParams, programFieldsOf, ReportForm, ReportFormQuery, SubmitReportBody } from './schemas.js'
import { submitReport } from './use-cases/submit-report.js'
import {
  ChannelClosedPage,
  type FileNotice,
  formValues,
  OrgPage,
  ReportFormPage,
  ReportSentPage,
  sizeText,
  type TrapReason,
} from './views.js'

/** Submissions per client address per minute, on the form and the API alike. */
const submissionLimit = (deps: Deps) => ({ rateLimit: { max: deps.config.intakeRateLimit, timeWindow: '1 minute' } })

/** Public intake: the organization's page, the report form (no JavaScript needed) and the JSON API. */
export async function intakeRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const timingKey = deps.keyring.derive('form-timing')
  const receipts = receiptKeeper(deps)
  const attachmentLimits = deps.config.attachmentLimits
  // The form with a file input and the API's report with file parts (streamed, within these limits).
  await multipartForms(app, deps.config)

  async function orgOr404(slug: string): Promise<OrganizationRow> {
    const org = await findOrganizationBySlug(deps.db, slug)
    if (!org) throw new HttpProblem('NOT_FOUND')
    return org
  }

  const policyOf = async (orgId: string) => (await currentPolicy(deps.db, orgId))?.policy

  app.get<{ Params: OrgParams }>('/o/:org', { config: { access: 'public' }, schema: { params: OrgParams } }, async (request, reply) => {
    const org = await orgOr404(request.params.org)
    const policy = await policyOf(org.id)
    const hallOfFame = await hasHallOfFame(deps, org.id)
    const publicReports = await hasPublicReports(deps, org.id)
    return reply.page(
      <OrgPage
        ctx={pageContext(request, reply)}
        org={org}
        programs={policyPrograms(policy)}
        channels={channelStates(policy)}
        hallOfFame={hallOfFame}
        publicReports={publicReports}
      />,
    )
  })

  app.get<{ Params: OrgParams; Querystring: ReportFormQuery }>(
    '/o/:org/report',
    { config: { access: 'public' }, schema: { params: OrgParams, querystring: ReportFormQuery } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const policy = await policyOf(org.id)
      if (!acceptsThrough(policy, 'web-form')) {
        return reply.page(<ChannelClosedPage ctx={pageContext(request, reply)} org={org} channels={channelStates(policy)} />, 403)
      }
      const programs = intakePrograms(policy)
      const servedAt = signFormTime(timingKey, deps.now())
      const creditDefault = await orgCreditDefault(deps.db, org.id)
      return reply.page(
        <ReportFormPage
          ctx={pageContext(request, reply)}
          org={org}
          programs={programs}
          values={programs.some((p) => p.slug === request.query.program) ? { program: request.query.program } : {}}
          errors={{}}
          servedAt={servedAt}
          creditDefault={creditDefault}
          attachmentLimits={attachmentLimits}
        />,
      )
    },
  )

  app.post<{ Params: OrgParams; Body: ReportForm }>(
    '/o/:org/report',
    {
      config: { access: 'public', ...submissionLimit(deps) },
      schema: { params: OrgParams, body: ReportForm },
      // A body outside the schema (a field too long, sent twice) still reaches the handler: the
      // use case's validation names each field on the form, as for any other mistake.
      attachValidation: true,
    },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      // Typed by the schema when it validated; otherwise read field by field as untrusted values.
      const body: Record<string, unknown> = request.body ?? {}
      const values = formValues(body)
      const creditDefault = await orgCreditDefault(deps.db, org.id)
      const policy = await policyOf(org.id)
      if (!acceptsThrough(policy, 'web-form')) {
        return reply.page(<ChannelClosedPage ctx={pageContext(request, reply)} org={org} channels={channelStates(policy)} />, 403)
      }
      const uploads = request.uploads ?? { files: [], refusal: null }
      const again = async (status: number, errors = {}, trapped?: TrapReason, fileNotice?: FileNotice) => {
        const programs = intakePrograms(policy)
        const servedAt = signFormTime(timingKey, deps.now())
        const page = (
          <ReportFormPage
            ctx={pageContext(request, reply)}
            org={org}
            programs={programs}
            values={values}
            errors={errors}
            servedAt={servedAt}
            trapped={trapped}
            creditDefault={creditDefault}
            attachmentLimits={attachmentLimits}
            fileNotice={fileNotice}
            filesDropped={uploads.files.length > 0 || uploads.refusal !== null}
          />
        )
        return reply.page(page, status)
      }
      const elapsed = secondsSinceServed(timingKey, body._served, deps.now())
      const trapFilled = typeof body.contact_website === 'string' && body.contact_website !== ''
      if (trapFilled || elapsed === null || elapsed < deps.config.formMinSeconds) {
        request.log.info({ event: 'intake.bot_trap', orgId: org.id }, 'report form held by the bot trap')
        // Name what actually happened: a person who was simply quick never touched the hidden field.
        return again(400, {}, trapFilled ? 'filled' : elapsed === null ? 'stale' : 'fast')
      }
      // A file over a limit: nothing is sent, the typed text comes back, and the page names the file and the limit.
      if (uploads.refusal) {
        const { file, limit, max } = uploads.refusal
        return again(413, {}, undefined, { file, reason: limit, max })
      }
      const credit = applyCreditDefault(body, creditDefault)
      const result = await submitReport(deps, org, { ...credit.input, programFields: programFieldsOf(body) }, 'web', uploads.files)
      if (!result.ok) {
        if (result.error.code === 'CHANNEL_REFUSED') {
          return reply.page(<ChannelClosedPage ctx={pageContext(request, reply)} org={org} channels={channelStates(policy)} />, 403)
        }
        if (result.error.code === 'FILE_REFUSED')
          return again(415, {}, undefined, { file: result.error.file, reason: result.error.problem })
        return again(422, result.error.errors)
      }
      // Post/redirect/get: the link travels in a sealed cookie, never in the address, and a reload of
      // the confirmation repeats nothing.
      const { ref, followUpUrl, files } = result.value
      receipts.keep(reply, { org: org.slug, ref, followUpUrl, notCredited: credit.notCredited, files })
      return reply.redirect(`/o/${org.slug}/report/received`, 303)
    },
  )

  app.get<{ Params: OrgParams }>(
    '/o/:org/report/received',
    { config: { access: 'public' }, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const receipt = receipts.take(request, reply, org.slug)
      return reply.page(
        <ReportSentPage
          ctx={pageContext(request, reply)}
          org={org}
          receipt={
            receipt && {
              ref: receipt.ref,
              followUpUrl: receipt.followUpUrl,
              notCredited: receipt.notCredited === true,
              files: receipt.files,
            }
          }
        />,
      )
    },
  )

  app.post<{ Params: OrgParams; Body: SubmitReportBody }>(
    '/api/v1/orgs/:org/reports',
    {
      config: { access: 'public', ...submissionLimit(deps) },
      // JSON, or multipart/form-data with the same JSON as a part named `report` and the files as
      // parts named `files` (docs: the OpenAPI description of this endpoint).
      // `summary` and `description` are for the OpenAPI document (src/api-tokens/openapi.ts).
      schema: {
        summary: 'Submit a report',
        description:
          "A reporter's report, as JSON; or, to attach files (for a program whose policy fields have an `attachments` field), as `multipart/form-data` with the same JSON in a part named `report` and each file in a part named `files`, within the instance's limits per file, per report and in number (413 problem naming the file and the limit). Answers 201 with the reference, the follow-up link and the files stored (name, size).",
        params: OrgParams,
        body: { content: { 'application/json': { schema: SubmitReportBody }, 'multipart/form-data': { schema: SubmitReportBody } } },
      } as FastifySchema,
      preValidation: async (request: FastifyRequest) => {
        const type = String(request.headers['content-type'] ?? '')
        if (type.startsWith('multipart/form-data')) request.body = reportPart(request.body)
        else if (!type.startsWith('application/json')) throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE')
      },
    },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const uploads = request.uploads ?? { files: [], refusal: null }
      if (uploads.refusal) {
        const { file, limit, max } = uploads.refusal
        const t = pageContext(request, reply).t
        throw new HttpProblem(
          'PAYLOAD_TOO_LARGE',
          t(`report.files.refused.${limit}`, { file, max: limit === 'files' ? String(max) : sizeText(t, max) }),
          { file, limit, max },
        )
      }
      const credit = applyCreditDefault(request.body, await orgCreditDefault(deps.db, org.id))
      const result = await submitReport(deps, org, credit.input, 'api', uploads.files)
      if (!result.ok) {
        const refusal = result.error
        if (refusal.code === 'VALIDATION_FAILED') throw new HttpProblem('VALIDATION_FAILED', undefined, { errors: refusal.errors })
        if (refusal.code === 'FILE_REFUSED') {
          const t = pageContext(request, reply).t
          const detail = t(`report.files.refused.${refusal.problem}`, { file: refusal.file, max: '' })
          throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', detail, { file: refusal.file })
        }
        const accepted = refusal.accepted
        const t = pageContext(request, reply).t
        const detail = t('channels.closed.api', {
          org: org.name,
          channels: acceptedChannelsText({ t }, org.slug, deps.config.publicUrl, accepted).replaceAll('\n', '; '),
        })
        throw new HttpProblem('CHANNEL_REFUSED', detail, {
          acceptedChannels: accepted.map((ch) => ({
            id: ch.id,
            kind: ch.kind,
            name: ch.name,
            url: ch.url,
            address: ch.address,
            note: ch.note,
          })),
        })
      }
      const { ref, followUpUrl, files } = result.value
      return reply.code(201).send({ ref, followUpUrl, files })
    },
  )
}

/** The `report` part of a multipart API submission: JSON (declared `application/json` or not), else a 400 that says so. */
function reportPart(body: unknown): unknown {
  const parts = (body ?? {}) as Record<string, unknown>
  const extra = Object.keys(parts).filter((k) => k !== 'report')
  if (extra.length > 0)
    throw new HttpProblem(
      'BAD_REQUEST',
      `Unknown part(s): ${extra.join(', ')}. Send the report as a part named "report" and the files as parts named "files".`,
    )
  const report = parts.report
  if (typeof report !== 'string') {
    if (report !== null && typeof report === 'object' && !Array.isArray(report)) return report
    throw new HttpProblem('BAD_REQUEST', 'The multipart body needs one part named "report" holding the report as JSON.')
  }
  try {
    return JSON.parse(report)
  } catch {
    throw new HttpProblem('BAD_REQUEST', 'The "report" part is not valid JSON.')
  }
}
