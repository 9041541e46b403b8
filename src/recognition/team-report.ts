import { cipherFor, type Deps } from '../deps.js'
import type { Role } from '../domain/access/roles.js'
import type { Policy } from '../domain/policy/schema.js'
import { currentPolicy, policyOfVersion } from '../storage/repositories/policy-repository.js'
import { findReportForReader, findReportPolicyVersion } from '../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export interface Viewer {
  userId: string
  role: Role
}

/**
 * A report as the acting member may see it, for recognition: credits name the reporter, so only a
 * member who may read the report text (need to know) may see or change them. Undefined when the
 * organization has no such report.
 */
export async function teamReport(deps: Deps, org: OrganizationRow, ref: string, viewer: Viewer) {
  const cipher = cipherFor(deps, org)
  const found = await findReportForReader(deps.db, cipher, org.id, ref, viewer)
  return found && { cipher, report: found.report, readable: found.readable }
}

/** The policy the report was received under (its promised rewards), else the organization's current one. */
export async function reportPolicy(deps: Deps, orgId: string, reportId: string): Promise<Policy | undefined> {
  const version = await findReportPolicyVersion(deps.db, orgId, reportId)
  return (await policyOfVersion(deps.db, orgId, version?.policy_version_id ?? null)) ?? (await currentPolicy(deps.db, orgId))?.policy
}
