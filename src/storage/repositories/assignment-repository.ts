import { finalStatuses } from '../../domain/report/report.js'
import type { Executor, Tx } from '../db.js'

/**
 * Who may receive a report on arrival (`team.assignment: on-receipt`): the active responders and
 * admins of the organization with the number of open reports each holds, longest-standing first.
 */
export async function assignableMembersByLoad(db: Executor, orgId: string): Promise<Array<{ id: string; open: number }>> {
  const rows = await db
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
  return rows.map((r) => ({ id: r.id, open: Number(r.open) }))
}

/** Gives a report that nobody holds yet to `userId` (assignment on receipt); false when someone already holds it. */
export async function assignUnheldReport(tx: Tx, orgId: string, reportId: string, userId: string): Promise<boolean> {
  const result = await tx
    .updateTable('report')
    .set({ assignee_id: userId })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .where('assignee_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
