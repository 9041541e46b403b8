import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { publicVersionLimits } from '../domain/report-publication/report-publication.js'
import type { Result } from '../domain/result.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { type AppErrorCode, HttpProblem } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { loadPublicReport, loadPublicReports } from './load-public-version.js'
import { approvePublicVersion } from './use-cases/approve-public-version.js'
import { objectToPublicVersion } from './use-cases/object-to-public-version.js'
import { preparePublicVersion } from './use-cases/prepare-public-version.js'
import { withdrawPublicVersion } from './use-cases/withdraw-public-version.js'
import { PublicReportListPage } from './views/public-report-list-page.js'
import { PublicReportPage } from './views/public-report-page.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
type OrgParams = Static<typeof OrgParams>
const ReportParams = Type.Object({ org: Type.String({ maxLength: 64 }), ref: Type.String({ maxLength: 40 }) })
type ReportParams = Static<typeof ReportParams>

/** Schema bounds are the outer limit (code points, with room for what the use case trims); the domain names a text that is too long. */
const PrepareForm = Form({
  publicTitle: Form.text(publicVersionLimits.title * 2),
  publicBody: Form.text(publicVersionLimits.body * 2),
  publicReason: Form.text(publicVersionLimits.reason * 2),
  afterAdvisory: Form.text(100),
})
type PrepareForm = Static<typeof PrepareForm>
const ApproveForm = Form({ confirm: Form.checkbox() })
type ApproveForm = Static<typeof ApproveForm>
/** `objection`, not `reason`: field ids follow names, and the follow-up page has other forms. */
const ObjectForm = Form({ objection: Form.text(publicVersionLimits.objection * 2) })
type ObjectForm = Static<typeof ObjectForm>

/**
 * The public version of a report: the team's forms on the report page (prepare, approve,
 * withdraw), the reporter's objection on the follow-up page, and the public pages of published
 * reports (no script, the look of the advisory pages).
 */
export async function reportPublicationRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const work = { access: 'report.work' } as const
  const viewer = (request: FastifyRequest) => memberOf(request)

  /** Back to the report's public-version panel, or the refusal from the problem catalogue. */
  const back = (
    request: FastifyRequest<{ Params: ReportParams }>,
    reply: FastifyReply,
    result: Result<unknown, { code: AppErrorCode }>,
  ) => {
    if (!result.ok) throw new HttpProblem(result.error.code)
    return reply.redirect(`/w/${request.params.org}/reports/${request.params.ref}#public-version`, 303)
  }

  app.post<{ Params: ReportParams; Body: PrepareForm }>(
    '/w/:org/reports/:ref/public-version',
    { config: work, schema: { params: ReportParams, body: PrepareForm } },
    async (request, reply) => {
      const b = request.body
      const input = {
        title: b.publicTitle ?? '',
        body: b.publicBody ?? '',
        reason: b.publicReason ?? '',
        afterAdvisory: b.afterAdvisory ?? '',
      }
      return back(request, reply, await preparePublicVersion(deps, request.org!, request.params.ref, viewer(request), input))
    },
  )

  app.post<{ Params: ReportParams; Body: ApproveForm }>(
    '/w/:org/reports/:ref/public-version/approve',
    { config: work, schema: { params: ReportParams, body: ApproveForm } },
    async (request, reply) => {
      const confirmed = request.body.confirm === 'on'
      return back(request, reply, await approvePublicVersion(deps, request.org!, request.params.ref, viewer(request), confirmed))
    },
  )

  app.post<{ Params: ReportParams }>(
    '/w/:org/reports/:ref/public-version/withdraw',
    { config: work, schema: { params: ReportParams, body: EmptyForm } },
    async (request, reply) => back(request, reply, await withdrawPublicVersion(deps, request.org!, request.params.ref, viewer(request))),
  )

  app.post<{ Body: ObjectForm }>(
    '/follow-up/public-version/object',
    { config: { access: 'reporter', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { body: ObjectForm } },
    async (request, reply) => {
      const result = await objectToPublicVersion(deps, request.reportAccess!, request.body.objection ?? '')
      if (!result.ok) throw new HttpProblem(result.error.code)
      return reply.redirect('/follow-up#public-version', 303)
    },
  )

  app.get<{ Params: OrgParams }>(
    '/o/:org/reports',
    { config: { access: 'public' }, schema: { params: OrgParams } },
    async (request, reply) => {
      const found = await loadPublicReports(deps, request.params.org)
      if (!found) throw new HttpProblem('NOT_FOUND')
      return reply.page(<PublicReportListPage ctx={pageContext(request, reply)} org={found.org} reports={found.reports} />)
    },
  )

  app.get<{ Params: ReportParams }>(
    '/o/:org/reports/:ref',
    { config: { access: 'public' }, schema: { params: ReportParams } },
    async (request, reply) => {
      const found = await loadPublicReport(deps, request.params.org, request.params.ref)
      if (!found) throw new HttpProblem('NOT_FOUND')
      return reply.page(<PublicReportPage ctx={pageContext(request, reply)} org={found.org} report={found.report} />)
    },
  )
}
