/**
 * The two questions every timed job with a `wake_at` column asks (report clocks, CRA cases): which
 * rows are due by `now`, oldest first (a range scan on the wake index), and when the next one is,
 * so the job loop can sleep until then. Both serve every organization: the job finds what is due
 * across the instance, then works on each row within its organization.
 */
import { acrossOrganizations, type Executor } from '../db.js'

export type WakeTable = 'report' | 'cra_case'

export const listDueWakes = (db: Executor, table: WakeTable, now: string, limit: number) =>
  acrossOrganizations(db)
    .selectFrom(table)
    .select(['id', 'org_id', 'wake_at'])
    .where('wake_at', 'is not', null)
    .where('wake_at', '<=', now)
    .orderBy('wake_at')
    .orderBy('id')
    .limit(limit)
    .execute()

export const earliestWakeIn = async (db: Executor, table: WakeTable): Promise<string | undefined> => {
  const row = await acrossOrganizations(db)
    .selectFrom(table)
    .select('wake_at')
    .where('wake_at', 'is not', null)
    .orderBy('wake_at')
    .limit(1)
    .executeTakeFirst()
  return row?.wake_at ?? undefined
}
