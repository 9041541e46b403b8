import crypto from 'node:crypto'
import type { Executor, Tx } from '../db.js'
import { isPostgres } from '../dialect.js'
import { newId } from '../ids.js'
import type { EventRow } from '../schema.js'
import { commitScopeOf } from '../write-queue.js'

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
 *
 * The chain's head (the organization's `event_seq`, `event_head`) is read once per commit and
 * written once, just before it (`CommitScope`): the units of one SQLite group commit carry it from
 * one to the next in memory instead of reading and rewriting the organization row for each. A
 * unit that rolls back restores the head it found. Outside the write queue it is written at once.
 */
interface ChainHead {
  seq: number
  head: string
}

export async function appendEvents(tx: Tx, orgId: string, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return
  const scope = commitScopeOf(tx)
  const key = `event-chain-head|${orgId}`
  let known = scope?.get<ChainHead>(key)
  if (!known) {
    let query = tx.selectFrom('organization').select(['event_seq', 'event_head']).where('id', '=', orgId)
    if (isPostgres(tx)) query = query.forNoKeyUpdate()
    const row = await query.executeTakeFirstOrThrow()
    known = { seq: Number(row.event_seq), head: row.event_head }
  }
  let seq = known.seq
  let prev = known.head
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
  if (!scope) {
    await writeChainHead(tx, orgId, { seq, head: prev })
    return
  }
  scope.set<ChainHead>(key, { seq, head: prev })
  scope.beforeCommit(key, (t, value) => writeChainHead(t, orgId, value as ChainHead))
}

const writeChainHead = async (tx: Tx, orgId: string, h: ChainHead): Promise<void> => {
  await tx.updateTable('organization').set({ event_seq: h.seq, event_head: h.head }).where('id', '=', orgId).execute()
}

export const listReportEvents = (db: Executor, orgId: string, reportId: string): Promise<EventRow[]> =>
  db.selectFrom('event').selectAll().where('org_id', '=', orgId).where('report_id', '=', reportId).orderBy('seq').execute()

/**
 * A report's timeline as the team's page shows it: every event but reads (those are in the audit
 * log), oldest first; with `newest`, only that many of the latest. Also how many there are in all.
 */
export async function listReportTimeline(
  db: Executor,
  orgId: string,
  reportId: string,
  newest?: number,
): Promise<{ events: EventRow[]; total: number }> {
  const base = db.selectFrom('event').where('org_id', '=', orgId).where('report_id', '=', reportId).where('type', '!=', 'report.read')
  const events =
    newest === undefined
      ? await base.selectAll().orderBy('seq').execute()
      : (await base.selectAll().orderBy('seq', 'desc').limit(newest).execute()).reverse()
  if (newest === undefined || events.length < newest) return { events, total: events.length }
  const row = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst()
  return { events, total: Number(row?.n ?? 0) }
}

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

/** Where an organization's chain breaks: the first row that does not verify (or the end, when rows were cut off). */
export interface ChainBreak {
  seq: number
  /** The row's id; null when the break is at the end (the organization's head names a row that is gone). */
  id: string | null
  reason: 'hash' | 'link' | 'head'
}

/**
 * Recomputes the organization's whole chain, and checks that the last row is the head the
 * organization row records (so removing the newest rows is a break too). Null when it all holds.
 */
export async function findChainBreak(db: Executor, orgId: string): Promise<ChainBreak | null> {
  const rows = await db.selectFrom('event').selectAll().where('org_id', '=', orgId).orderBy('seq').execute()
  let prev = ''
  let expected = 1
  for (const row of rows) {
    const { id, hash, prev_hash, ...base } = row
    const seq = Number(base.seq)
    if (prev_hash !== prev || seq !== expected) return { seq, id, reason: 'link' }
    if (chainHash(prev, { ...base, seq }) !== hash) return { seq, id, reason: 'hash' }
    prev = hash
    expected += 1
  }
  const head = await db.selectFrom('organization').select(['event_seq', 'event_head']).where('id', '=', orgId).executeTakeFirst()
  if (head && (head.event_head !== prev || Number(head.event_seq) !== expected - 1)) return { seq: expected, id: null, reason: 'head' }
  return null
}

/** What the audit page asks of the log; every field narrows it. */
export interface AuditFilter {
  actorId?: string | undefined
  reportId?: string | undefined
  type?: string | undefined
  /** The report's reference (ACME-2026-0001). */
  ref?: string | undefined
  /** Inclusive ISO instants. */
  from?: string | undefined
  to?: string | undefined
  /** Entries older than this sequence number (the next page). */
  beforeSeq?: number | undefined
  limit: number
}

/** The organization's log, newest first, as the audit page filters it, each entry with its report's reference. */
export function listAuditEvents(db: Executor, orgId: string, f: AuditFilter): Promise<(EventRow & { ref: string | null })[]> {
  let q = db
    .selectFrom('event')
    .leftJoin('report', (j) => j.onRef('report.id', '=', 'event.report_id').on('report.org_id', '=', orgId))
    .selectAll('event')
    .select('report.ref')
    .where('event.org_id', '=', orgId)
  if (f.actorId) q = q.where('event.actor_id', '=', f.actorId)
  if (f.ref) q = q.where('report.ref', '=', f.ref)
  if (f.type) q = q.where('event.type', '=', f.type)
  if (f.from) q = q.where('event.at', '>=', f.from)
  if (f.to) q = q.where('event.at', '<=', f.to)
  if (f.beforeSeq !== undefined) q = q.where('event.seq', '<', f.beforeSeq)
  return q.orderBy('event.seq', 'desc').limit(f.limit).execute()
}
