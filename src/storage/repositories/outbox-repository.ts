import type { OrgCipher } from '../cipher.js'
import { acrossOrganizations, type Db, type Dialect, type Executor, type Tx } from '../db.js'
import { newId } from '../ids.js'
import type { OutboxRow } from '../schema.js'

export interface OutboxItem {
  /** Chosen by the caller when another row must name this delivery (an announcement); otherwise a new id. */
  id?: string
  kind: string
  payload: Record<string, unknown>
}

/**
 * Queues side effects (mail, webhooks) in the same transaction as the change that causes them,
 * so a crash can neither send for a change that rolled back nor lose one that committed.
 * Payloads name recipients and may quote report text, so they are sealed like report text.
 */
export async function enqueueOutbox(tx: Tx, orgId: string, cipher: OrgCipher, items: OutboxItem[], now: string): Promise<void> {
  if (items.length === 0) return
  await tx
    .insertInto('outbox')
    .values(
      items.map((item) => {
        const id = item.id ?? newId()
        return {
          id,
          org_id: orgId,
          kind: item.kind,
          payload_enc: cipher.encrypt(JSON.stringify(item.payload), `outbox.payload|${id}`),
          next_attempt_at: now,
          done_at: null,
          last_error: null,
          created_at: now,
        }
      }),
    )
    .execute()
}

/**
 * Takes up to `limit` due rows of these kinds and leases them until `leaseUntil` (their
 * next_attempt_at moves there), so a crashed worker's rows come back by themselves. One statement,
 * `UPDATE … WHERE id IN (due rows) RETURNING *`: on PostgreSQL the due rows are chosen
 * `FOR UPDATE SKIP LOCKED`, so workers in several processes never take the same row; on SQLite the
 * statement takes the write lock at once (a read-then-write transaction would fail with "database
 * is locked" when a second process claims at the same moment instead of waiting its turn).
 */
export async function claimDueOutbox(
  db: Db,
  dialect: Dialect,
  kinds: readonly string[],
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxRow[]> {
  if (kinds.length === 0) return []
  // The worker delivers every organization's rows: it claims due rows across organizations.
  const all = acrossOrganizations(db)
  let due = all
    .selectFrom('outbox')
    .select('id')
    .where('kind', 'in', kinds)
    .where('done_at', 'is', null)
    .where('dead_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
  if (dialect === 'postgres') due = due.forUpdate().skipLocked()
  const rows = await all
    .updateTable('outbox')
    .set({ next_attempt_at: leaseUntil })
    .where('id', 'in', due)
    // A row another worker leased between the choice and the update is left to it.
    .where('next_attempt_at', '<=', now)
    .returningAll()
    .execute()
  return rows.sort((x, y) => (x.created_at < y.created_at ? -1 : x.created_at > y.created_at ? 1 : x.id < y.id ? -1 : 1))
}

export async function markOutboxSent(db: Executor, orgId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ done_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

/** A failed attempt: try again at `next`, or (null) give up and keep it as a dead letter. */
export async function markOutboxFailed(
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
