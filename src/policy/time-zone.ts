/** The organization's time zone for showing times: the policy calendar's, else undefined (shown as UTC). */
import { knownZone } from '../i18n/format-time.js'
import type { Executor } from '../storage/db.js'
import { findCurrentPolicyVersion } from '../storage/repositories/policy-repository.js'
import { policyFromJson } from './report-clocks.js'

const zoneOf = (parsedJson: string | null | undefined): string | undefined => {
  if (!parsedJson) return undefined
  try {
    return knownZone(policyFromJson(parsedJson).calendar?.timeZone)
  } catch {
    return undefined
  }
}

/** The zone of the policy a report runs under (its own version), else of the organization's current policy. */
export async function orgTimeZone(db: Executor, orgId: string, reportId?: string): Promise<string | undefined> {
  if (reportId) {
    const row = await db
      .selectFrom('report')
      .innerJoin('policy_version', 'policy_version.id', 'report.policy_version_id')
      .select('policy_version.parsed_json')
      .where('report.org_id', '=', orgId)
      .where('report.id', '=', reportId)
      .executeTakeFirst()
    const zone = zoneOf(row?.parsed_json)
    if (zone) return zone
  }
  return zoneOf((await findCurrentPolicyVersion(db, orgId))?.parsed_json)
}
