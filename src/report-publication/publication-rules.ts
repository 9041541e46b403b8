import { cipherFor, type Deps } from '../deps.js'
import type { Role } from '../domain/access/roles.js'
import { businessCalendar } from '../domain/clock/business-calendar.js'
import type { Policy } from '../domain/policy/schema.js'
import { objectionPeriod } from '../domain/report-publication/report-publication.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { findReportForReader } from '../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export interface Viewer {
  userId: string
  role: Role
}

/** What the organization's current policy says about public versions. */
export interface PublicationRules {
  publishAllReports: boolean
  reviewRequired: boolean
  /** The policy's objection period as written (or the default). */
  objection: string
  /** When the objection period of a version shown at `shownAt` ends (the organization's calendar). */
  objectionEndsAt: (shownAt: string) => string
}

export function rulesOf(policy: Policy | undefined): PublicationRules {
  const written = policy?.disclosure?.reporterObjection
  const period = objectionPeriod(written)
  const calendar = businessCalendar(policy?.calendar ?? { timeZone: 'UTC' })
  return {
    publishAllReports: policy?.disclosure?.publishAllReports === true,
    // The same review rule as advisories: what the organization publishes is approved by a second member.
    reviewRequired: policy?.advisories?.review === 'required',
    objection: written ?? `${period.amount} days`,
    objectionEndsAt: (shownAt) => new Date(calendar.addDuration(Date.parse(shownAt), period)).toISOString(),
  }
}

export const publicationRules = async (deps: Deps, orgId: string) => rulesOf((await currentPolicy(deps.db, orgId))?.policy)

/**
 * A report as the acting member may see it: the public version is written from the report, so
 * only a member who may read the report text (need to know) may see or change it. Undefined when
 * the organization has no such report.
 */
export async function teamReport(deps: Deps, org: OrganizationRow, ref: string, viewer: Viewer) {
  const cipher = cipherFor(deps, org)
  const found = await findReportForReader(deps.db, cipher, org.id, ref, viewer)
  return found && { cipher, report: found.report, readable: found.readable }
}
