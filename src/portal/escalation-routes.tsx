import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { EmptyForm } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { EscalationPage, targetLabel } from './escalation-page.js'
import { escalationOffer } from './reporter-escalation.js'
import { escalateAsReporter } from './use-cases/escalate-as-reporter.js'

/** The reporter's escalation ("no answer in 7 business days: tell the CEO"), with the follow-up capability. */
export async function escalationRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const reporter = { access: 'reporter' } as const
  const escalationPage = async (request: FastifyRequest, reply: FastifyReply, sent?: string, status = 200) => {
    const access = request.reportAccess!
    const org = await findOrganizationById(deps.db, access.orgId)
    if (!org) throw new HttpProblem('NOT_FOUND')
    const [offer, zone] = await Promise.all([escalationOffer(deps, access), orgTimeZone(deps.db, org.id, access.reportId)])
    return reply.page(<EscalationPage ctx={pageContext(request, reply)} org={org} offer={offer} sent={sent} zone={zone} />, status)
  }
  app.get('/follow-up/escalate', { config: reporter }, (request, reply) => escalationPage(request, reply))
  app.post(
    '/follow-up/escalate',
    { config: { ...reporter, rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { body: EmptyForm } },
    async (request, reply) => {
      const result = await escalateAsReporter(deps, request.reportAccess!)
      if (!result.ok) return escalationPage(request, reply, undefined, 409)
      const offer = result.value
      return escalationPage(request, reply, offer.state === 'available' ? targetLabel(pageContext(request, reply), offer) : undefined)
    },
  )
}
