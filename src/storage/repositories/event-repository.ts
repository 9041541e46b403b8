import crypto from 'node:crypto'
import type { Executor, Tx } from '../db.js'
import { isPostgres } from '../dialect.js'
import { newId } from '../ids.js'
import type { EventRow } from '../schema.js'

export interface NewEvent {
  reportId: string | null
  actorKind: EventRow['actor_kind']
  actorId: string | null
  type: string
  data: Record<string, unknown>
  at: string
}

const chainHash = (prev: string, e: Omit<EventRow, 'hash' | 'prev_hash' | 'id'>): string =>
  crypto
    .createHash('sha256')
    .update(prev)
    .update(JSON.stringify([e.org_id, e.seq, e.report_id, e.actor_kind, e.actor_id, e.type, e.data, e.at]))
    .digest('hex')

/**
 * Appends events to the organization's audit log. Each event carries the hash of the one before,
 * so an edit or a deletion anywhere breaks the chain (`verifyEventChain`). Must run inside the
 * transaction of the change it records; the organization row is locked so appends serialize.
 */
export async function appendEvents(tx: Tx, orgId: string, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return
  let query = tx.selectFrom('organization').select(['event_seq', 'event_head']).where('id', '=', orgId)
  if (isPostgres(tx)) query = query.forNoKeyUpdate()
  const head = await query.executeTakeFirstOrThrow()
  let seq = Number(head.event_seq)
  let prev = head.event_head
  const rows: EventRow[] = []
  for (const e of events) {
    seq += 1
    const base = {
      org_id: orgId,
      seq,
      report_id: e.reportId,
      actor_kind: e.actorKind,
      actor_id: e.actorId,
      type: e.type,
      data: JSON.stringify(e.data),
      at: e.at,
    }
    const hash = chainHash(prev, base)
    rows.push({ id: newId(), ...base, prev_hash: prev, hash })
    prev = hash
  }
  await tx.insertInto('event').values(rows).execute()
  await tx.updateTable('organization').set({ event_seq: seq, event_head: prev }).where('id', '=', orgId).execute()
}

export const listReportEvents = (db: Executor, orgId: string, reportId: string): Promise<EventRow[]> =>
  db.selectFrom('event').selectAll().where('org_id', '=', orgId).where('report_id', '=', reportId).orderBy('seq').execute()

/** Recomputes the organization's chain; returns the first sequence number that does not verify, or null. */
export async function verifyEventChain(db: Executor, orgId: string): Promise<number | null> {
  const rows = await db.selectFrom('event').selectAll().where('org_id', '=', orgId).orderBy('seq').execute()
  let prev = ''
  for (const row of rows) {
    const { id: _id, hash, prev_hash, ...base } = row
    if (prev_hash !== prev || chainHash(prev, { ...base, seq: Number(base.seq) }) !== hash) return Number(row.seq)
    prev = hash
  }
  return null
}
