import type { OrgCipher } from '../cipher.js'
import type { Executor } from '../db.js'

export interface QueueFilter {
  statuses: readonly string[]
  /** A user id, `'none'` for unclaimed reports, or undefined for everyone's. */
  assignee?: string | 'none' | undefined
  /** `due`: what falls due next first (reports with a running clock only), keyset on (next_due_at, id). */
  sort: 'newest' | 'oldest' | 'due'
  /** Opaque position from the previous page (keyset pagination: stable under inserts, no OFFSET scans). */
  after?: string | undefined
  limit: number
}

export interface QueueRow {
  id: string
  ref: string
  title: string
  status: string
  assigneeId: string | null
  assigneeName: string | null
  receivedAt: string
}

export interface QueuePage {
  rows: QueueRow[]
  next: string | undefined
}

const encodeCursor = (receivedAt: string, id: string) => Buffer.from(`${receivedAt}|${id}`, 'utf8').toString('base64url')

function decodeCursor(cursor: string): [string, string] | undefined {
  const [receivedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!receivedAt || !id || rest.length > 0 || Number.isNaN(Date.parse(receivedAt))) return undefined
  return [receivedAt, id]
}

/** One page of an organization's queue, titles opened for display. */
export async function listQueue(db: Executor, cipher: OrgCipher, orgId: string, f: QueueFilter): Promise<QueuePage> {
  const direction = f.sort === 'newest' ? 'desc' : 'asc'
  const key = f.sort === 'due' ? 'report.next_due_at' : 'report.received_at'
  let query = db
    .selectFrom('report')
    .leftJoin('user', 'user.id', 'report.assignee_id')
    .select([
      'report.id',
      'report.ref',
      'report.title_enc',
      'report.status',
      'report.assignee_id',
      'user.name as assignee_name',
      'report.received_at',
      'report.next_due_at',
    ])
    .where('report.org_id', '=', orgId)
  if (f.sort === 'due') query = query.where('report.next_due_at', 'is not', null)
  if (f.statuses.length > 0) query = query.where('report.status', 'in', [...f.statuses])
  if (f.assignee === 'none') query = query.where('report.assignee_id', 'is', null)
  else if (f.assignee) query = query.where('report.assignee_id', '=', f.assignee)
  const cursor = f.after ? decodeCursor(f.after) : undefined
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple(key, 'report.id'), direction === 'desc' ? '<' : '>', eb.tuple(cursor[0], cursor[1])))
  }
  const rows = await query
    .orderBy(key, direction)
    .orderBy('report.id', direction)
    .limit(f.limit + 1)
    .execute()
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  return {
    rows: page.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: cipher.decrypt(r.title_enc, `report.title|${r.id}`),
      status: r.status,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      receivedAt: r.received_at,
    })),
    next:
      rows.length > f.limit && last ? encodeCursor((f.sort === 'due' ? last.next_due_at : null) ?? last.received_at, last.id) : undefined,
  }
}
