/**
 * "When we receive a security report, we will assign it to a member of our security team"
 * (`team.assignment: on-receipt`): the report goes to the active responder or admin holding the
 * fewest open reports (ties: the longest-standing member), recorded as a system assignment.
 */
import { finalStatuses } from '../domain/report/report.js'
import type { Tx } from '../storage/db.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { policyOfVersion } from '../storage/repositories/policy-repository.js'
import { readReportForClocks } from '../storage/repositories/report-clock-repository.js'

export async function assignOnReceipt(tx: Tx, orgId: string, reportId: string, at: string): Promise<void> {
  const report = await readReportForClocks(tx, orgId, reportId)
  if (!report || report.assignee_id) return
  if ((await policyOfVersion(tx, orgId, report.policy_version_id))?.team?.assignment !== 'on-receipt') return
  const candidates = await tx
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select((eb) => [
      'user.id',
      eb
        .selectFrom('report')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('report.assignee_id', '=', 'user.id')
        .where('report.org_id', '=', orgId)
        .where('report.status', 'not in', [...finalStatuses])
        .as('open'),
    ])
    .where('membership.org_id', '=', orgId)
    .where('membership.role', 'in', ['admin', 'responder'])
    .where('user.disabled_at', 'is', null)
    .orderBy('membership.created_at')
    .orderBy('user.id')
    .execute()
  const chosen = [...candidates].sort((a, b) => Number(a.open) - Number(b.open))[0]
  if (!chosen) return
  await tx.updateTable('report').set({ assignee_id: chosen.id }).where('org_id', '=', orgId).where('id', '=', reportId).execute()
  await appendEvents(tx, orgId, [
    { reportId, actorKind: 'system', actorId: null, type: 'report.assigned', data: { from: null, to: chosen.id, rule: 'on-receipt' }, at },
  ])
}
