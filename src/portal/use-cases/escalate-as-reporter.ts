import { recipientsFor } from '../../clocks/index.js'
import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { type EscalationOffer, offerAt, type ReporterAccess } from '../reporter-escalation.js'

/** The step is not open now; `offer` says what the reporter may do instead. */
export type EscalateAsReporterError = { code: 'ESCALATION_NOT_AVAILABLE'; offer: EscalationOffer }

/**
 * Takes the next escalation step, if the policy allows it now: a `reporter.escalated` event and
 * mail to the step's target, in one unit of work (the offer is re-read there, locked).
 */
export async function escalateAsReporter(deps: Deps, access: ReporterAccess): Promise<Result<EscalationOffer, EscalateAsReporterError>> {
  const org = await findOrganizationById(deps.db, access.orgId)
  if (!org) return fail({ code: 'ESCALATION_NOT_AVAILABLE', offer: { state: 'not-offered' } })
  return runUnit(deps, org, async (u) => {
    const { found, offer } = await offerAt(u.tx, access, u.at, true)
    if (offer.state !== 'available' || !found) return fail({ code: 'ESCALATION_NOT_AVAILABLE' as const, offer })
    const recipients = await recipientsFor(u.tx, found.policy, access.orgId, found.report.assignee_id, offer.target)
    const target = offer.target.kind === 'contact' ? `contact:${offer.target.contactId}` : offer.target.kind
    u.record(newEvent('reporter.escalated', { kind: 'reporter' }, u.at, access.reportId, { step: offer.step, target }))
    const link = new URL(`/w/${org.slug}/reports/${found.report.ref}`, deps.config.publicUrl).href
    u.send(
      ...recipients.map((r) => ({
        kind: 'mail',
        payload: {
          template: 'team.reporter-escalation',
          to: r.to,
          as: r.as,
          ref: found.report.ref,
          orgName: org.name,
          step: offer.step,
          link,
        },
      })),
    )
    return ok(offer)
  })
}
