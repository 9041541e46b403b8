import { mayReadReportText, type Reader } from '../domain/access/need-to-know.js'
import type { Executor } from '../storage/db.js'
import { listAdvisoryReports } from '../storage/repositories/advisory-repository.js'
import { sharedWithOfVersions } from '../storage/repositories/policy-repository.js'

/**
 * Need to know for advisories: an advisory is made of what its reports say, so a member reads (and
 * works on) it only when they may read the text of every report it is linked to
 * (src/domain/access/need-to-know.ts). Others do not learn it exists: its pages answer 404 and
 * the list leaves it out.
 */
export async function mayReadAdvisory(db: Executor, orgId: string, advisoryId: string, reader: Reader): Promise<boolean> {
  const reports = await listAdvisoryReports(db, orgId, advisoryId)
  const rules = await sharedWithOfVersions(
    db,
    orgId,
    reports.map((r) => r.policy_version_id),
  )
  return reports.every((r) => mayReadReportText(reader, { assigneeId: r.assignee_id }, rules.get(r.policy_version_id ?? '')))
}
