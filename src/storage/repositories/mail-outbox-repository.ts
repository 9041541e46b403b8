import type { Executor } from '../db.js'

export const listDeadMail = (db: Executor, orgId: string, limit = 100) =>
  db
    .selectFrom('outbox')
    .select(['id', 'attempts', 'last_error', 'dead_at', 'created_at'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'mail')
    .where('done_at', 'is', null)
    .where('dead_at', 'is not', null)
    .orderBy('dead_at', 'desc')
    .limit(limit)
    .execute()

export async function countQueuedMail(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('kind', '=', 'mail')
    .where('done_at', 'is', null)
    .where('dead_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Puts a dead letter back in the queue with a fresh attempt count. False when it is not a dead letter of this organization. */
export async function retryDeadMail(db: Executor, orgId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ dead_at: null, attempts: 0, next_attempt_at: at, last_error: null })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .where('dead_at', 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
