/** The organization's time zone for showing times: the policy calendar's, else undefined (shown as UTC). */

import type { Policy } from '../domain/policy/schema.js'
import { knownZone } from '../i18n/format-time.js'
import type { Executor } from './db.js'
import { listOrganizationsOfMember } from './repositories/mfa-repository.js'
import { currentPolicy, policyOfVersion } from './repositories/policy-repository.js'
import { findReportPolicyVersion } from './repositories/report-repository.js'

const zoneOf = (policy: Policy | undefined): string | undefined => knownZone(policy?.calendar?.timeZone)

/** The zone of the policy a report runs under (its own version), else of the organization's current policy. */
export async function orgTimeZone(db: Executor, orgId: string, reportId?: string): Promise<string | undefined> {
  if (reportId) {
    const report = await findReportPolicyVersion(db, orgId, reportId)
    const zone = zoneOf(await policyOfVersion(db, orgId, report?.policy_version_id ?? null))
    if (zone) return zone
  }
  return zoneOf((await currentPolicy(db, orgId))?.policy)
}

/**
 * The zone a person's own pages (/account…) show times in: their organizations' zone when they all
 * share one (a self-hosted instance usually has one organization), else undefined (shown as UTC).
 */
export async function userTimeZone(db: Executor, userId: string): Promise<string | undefined> {
  const orgs = await listOrganizationsOfMember(db, userId)
  const zones = new Set(await Promise.all(orgs.map((o) => orgTimeZone(db, o.id))))
  return zones.size === 1 ? [...zones][0] : undefined
}
