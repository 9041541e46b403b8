import { acrossOrganizations, type Db, type Dialect, type Executor } from '../db.js'
import type { OutboxRow } from '../schema.js'

/**
 * Takes up to `limit` due mail rows and leases them until `leaseUntil` (their next_attempt_at moves
 * there), so a crashed worker's rows come back by themselves. PostgreSQL: several workers never
 * take the same row (`FOR UPDATE SKIP LOCKED`); SQLite has one writer and one process.
 */
export async function claimDueMail(db: Db, dialect: Dialect, now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
  // The worker delivers every organization's mail: it claims due rows across organizations.
  return acrossOrganizations(db)
    .transaction()
    .execute(async (tx) => {
      let query = tx
        .selectFrom('outbox')
        .selectAll()
        .where('kind', '=', 'mail')
        .where('done_at', 'is', null)
        .where('dead_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
      if (dialect === 'postgres') query = query.forUpdate().skipLocked()
      const rows = await query.execute()
      if (rows.length === 0) return rows
      await tx
        .updateTable('outbox')
        .set({ next_attempt_at: leaseUntil })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
      return rows
    })
}

export async function markMailSent(db: Executor, orgId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ done_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

/** A failed attempt: try again at `next`, or (null) give up and keep it as a dead letter. */
export async function markMailFailed(
  db: Executor,
  orgId: string,
  id: string,
  error: string,
  next: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 500),
      ...(next === null ? { dead_at: at } : { next_attempt_at: next }),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

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
