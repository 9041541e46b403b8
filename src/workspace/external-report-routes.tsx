import type { Static } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { intakePrograms } from '../domain/policy/programs.js'
import type { ExternalReportErrors } from '../domain/report/external-report.js'
import { Form } from '../http/form-body.js'
import { problems } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { ExternalReportPage, type ExternalReportValues, localNow } from './external-report-view.js'
import { OrgParams } from './report-params.js'
import { registerExternalReport } from './use-cases/register-external-report.js'

/** Bounds for the body only; the use case names each field that is too long, with what was typed kept. */
const ExternalReportForm = Form({
  platform: Form.text(100),
  platformName: Form.text(1_000),
  reference: Form.text(1_000),
  url: Form.text(10_000),
  receivedAt: Form.text(100),
  title: Form.text(1_000),
  text: Form.text(200_000),
  program: Form.text(100),
})
type ExternalReportForm = Static<typeof ExternalReportForm>

/** Registering a report the organization received on another platform (a bug-bounty platform, a forge). */
export async function externalReportRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const work = { access: 'report.work' } as const
  const page = '/w/:org/reports/external/new'

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    values: ExternalReportValues,
    errors: ExternalReportErrors,
    status = 200,
  ) {
    const org = request.org!
    const policy = (await currentPolicy(deps.db, org.id))?.policy
    const timeZone = (await orgTimeZone(deps.db, org.id)) ?? 'UTC'
    return reply.page(
      <ExternalReportPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        platforms={policy?.channels?.platforms ?? []}
        programs={intakePrograms(policy)}
        timeZone={timeZone}
        values={values.receivedAt === undefined ? { ...values, receivedAt: localNow(deps.now(), timeZone) } : values}
        errors={errors}
      />,
      status,
    )
  }

  app.get(page, { config: work, schema: { params: OrgParams } }, (request, reply) => show(request, reply, {}, {}))

  app.post<{ Body: ExternalReportForm }>(
    page,
    { config: work, schema: { params: OrgParams, body: ExternalReportForm } },
    async (request, reply) => {
      const result = await registerExternalReport(deps, request.org!, request.body, request.user!.id)
      if (!result.ok) return show(request, reply, request.body, result.error.errors, problems[result.error.code].status)
      return reply.redirect(`/w/${request.org!.slug}/reports/${result.value.ref}`, 303)
    },
  )
}
