/**
 * "When we receive a security report, we will assign it to a member of our security team"
 * (`team.assignment: on-receipt`): the report goes to the active responder or admin holding the
 * fewest open reports (ties: the longest-standing member), recorded as a system assignment.
 */
import { newEvent } from '../domain/events.js'
import type { Policy } from '../domain/policy/schema.js'
import { assignableMembersByLoad, assignUnheldReport } from '../storage/repositories/assignment-repository.js'
import type { Unit } from '../storage/unit-of-work.js'

/** `policy`: the one the report was just received under (receiveReport read it in the same commit). */
export async function assignOnReceipt(u: Unit, reportId: string, policy: Policy | undefined): Promise<void> {
  if (policy?.team?.assignment !== 'on-receipt') return
  const candidates = await assignableMembersByLoad(u.tx, u.orgId)
  const chosen = [...candidates].sort((a, b) => a.open - b.open)[0]
  if (!chosen) return
  if (!(await assignUnheldReport(u.tx, u.orgId, reportId, chosen.id))) return
  u.record(newEvent('report.assigned', { kind: 'system' }, u.at, reportId, { from: null, to: chosen.id, rule: 'on-receipt' }))
}
