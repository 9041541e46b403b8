/**
 * "When we receive a security report, we will assign it to a member of our security team"
 * (`team.assignment: on-receipt`): the report goes to the active responder or admin holding the
 * fewest open reports (ties: the longest-standing member), recorded as a system assignment.
 */
import { newEvent } from '../domain/events.js'
import { assignableMembersByLoad, assignUnheldReport } from '../storage/repositories/assignment-repository.js'
import { policyOfVersion } from '../storage/repositories/policy-repository.js'
import { readReportForClocks } from '../storage/repositories/report-clock-repository.js'
import type { Unit } from '../storage/unit-of-work.js'

export async function assignOnReceipt(u: Unit, reportId: string): Promise<void> {
  const report = await readReportForClocks(u.tx, u.orgId, reportId)
  if (!report || report.assignee_id) return
  if ((await policyOfVersion(u.tx, u.orgId, report.policy_version_id))?.team?.assignment !== 'on-receipt') return
  const candidates = await assignableMembersByLoad(u.tx, u.orgId)
  const chosen = [...candidates].sort((a, b) => a.open - b.open)[0]
  if (!chosen) return
  if (!(await assignUnheldReport(u.tx, u.orgId, reportId, chosen.id))) return
  u.record(newEvent('report.assigned', { kind: 'system' }, u.at, reportId, { from: null, to: chosen.id, rule: 'on-receipt' }))
}
