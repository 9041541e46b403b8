import { mayReadReportText, type Reader } from '../../domain/access/need-to-know.js'
import { defaultScoring, type SeverityScoring, scoringOf } from '../../domain/severity/scoring.js'
import type { OrgCipher } from '../cipher.js'
import type { Executor } from '../db.js'
import { policyOfVersion, sharedWithOfVersions } from './policy-repository.js'

export interface QueueFilter {
  statuses: readonly string[]
  /** A user id, `'none'` for unclaimed reports, or undefined for everyone's. */
  assignee?: string | 'none' | undefined
  /**
   * `due`: what falls due next first, keyset on (next_due_at, id); reports without a running clock
   * come after those with one, keyset on id.
   */
  sort: 'newest' | 'oldest' | 'due'
  /** Opaque position from the previous page (keyset pagination: stable under inserts, no OFFSET scans). */
  after?: string | undefined
  limit: number
}

/** Who looks at the queue: the need-to-know rule (src/domain/access/need-to-know.ts) decides whose titles they read. */
export type QueueViewer = Reader

export interface QueueRow {
  id: string
  ref: string
  /** null: the viewer may not read it (need to know), and it was not decrypted. */
  title: string | null
  status: string
  assigneeId: string | null
  assigneeName: string | null
  receivedAt: string
  nextDueAt: string | null
  /** The severity, with the scoring of the report's policy; null for a viewer who may not read the report. */
  severity: { level: string | null; cvss31: string | null; cvss40: string | null; scoring: SeverityScoring } | null
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

/** The `due` order's position: the last row's due time, or `none` once past the reports with a running clock. */
const encodeDueCursor = (nextDueAt: string | null, id: string) =>
  Buffer.from(`due|${nextDueAt ?? 'none'}|${id}`, 'utf8').toString('base64url')

function decodeDueCursor(cursor: string): { due: string | null; id: string } | undefined {
  const [tag, due, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (tag !== 'due' || !due || id === undefined || rest.length > 0) return undefined
  // `none` with an empty id: the page boundary fell exactly where the reports without a clock begin.
  if (due === 'none') return { due: null, id }
  if (id === '') return undefined
  return Number.isNaN(Date.parse(due)) ? undefined : { due, id }
}

/**
 * One page of an organization's queue, titles opened for display — only those the viewer may
 * read under the need-to-know rule of each report's policy (`mayReadReportText`); the others are
 * not even decrypted.
 */
export async function listQueue(db: Executor, cipher: OrgCipher, orgId: string, f: QueueFilter, viewer: QueueViewer): Promise<QueuePage> {
  const base = () => {
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
        'report.policy_version_id',
        'report.severity',
        'report.cvss31_vector',
        'report.cvss40_vector',
      ])
      .where('report.org_id', '=', orgId)
    if (f.statuses.length > 0) query = query.where('report.status', 'in', [...f.statuses])
    if (f.assignee === 'none') query = query.where('report.assignee_id', 'is', null)
    else if (f.assignee) query = query.where('report.assignee_id', '=', f.assignee)
    return query
  }
  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number]

  let page: Row[]
  let next: string | undefined
  if (f.sort === 'due') {
    // Two index range scans instead of one sort of every open report: first the reports with a
    // running clock in (next_due_at, id) order, then — once those run out — the rest by id.
    const position = f.after ? decodeDueCursor(f.after) : undefined
    let withDue: Row[] = []
    if (position?.due !== null) {
      let query = base().where('report.next_due_at', 'is not', null)
      if (position)
        query = query.where((eb) => eb(eb.refTuple('report.next_due_at', 'report.id'), '>', eb.tuple(position.due as string, position.id)))
      withDue = await query
        .orderBy('report.next_due_at')
        .orderBy('report.id')
        .limit(f.limit + 1)
        .execute()
    }
    if (withDue.length > f.limit) {
      page = withDue.slice(0, f.limit)
      const last = page.at(-1)
      next = last ? encodeDueCursor(last.next_due_at, last.id) : undefined
    } else {
      const room = f.limit - withDue.length
      let query = base().where('report.next_due_at', 'is', null)
      if (position?.due === null && position.id !== '') query = query.where('report.id', '>', position.id)
      const withoutDue = await query
        .orderBy('report.id')
        .limit(room + 1)
        .execute()
      page = [...withDue, ...withoutDue.slice(0, room)]
      const lastWithout = withoutDue.slice(0, room).at(-1)
      next = withoutDue.length > room ? encodeDueCursor(null, lastWithout?.id ?? '') : undefined
    }
  } else {
    const direction = f.sort === 'newest' ? 'desc' : 'asc'
    let query = base()
    const cursor = f.after ? decodeCursor(f.after) : undefined
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple('report.received_at', 'report.id'), direction === 'desc' ? '<' : '>', eb.tuple(cursor[0], cursor[1])),
      )
    }
    const rows = await query
      .orderBy('report.received_at', direction)
      .orderBy('report.id', direction)
      .limit(f.limit + 1)
      .execute()
    page = rows.slice(0, f.limit)
    const last = page.at(-1)
    next = rows.length > f.limit && last ? encodeCursor(last.received_at, last.id) : undefined
  }

  const rules = await sharedWithOfVersions(
    db,
    orgId,
    page.map((r) => r.policy_version_id),
  )
  const scorings = new Map<string | null, SeverityScoring>([[null, defaultScoring]])
  for (const r of page) {
    if (scorings.has(r.policy_version_id)) continue
    // A version that cannot be read shows no number: failing closed, like the need-to-know rule.
    const policy = await policyOfVersion(db, orgId, r.policy_version_id).catch(() => undefined)
    scorings.set(r.policy_version_id, policy ? scoringOf(policy) : 'qualitative')
  }
  const readable = (r: Row) =>
    mayReadReportText(viewer, { assigneeId: r.assignee_id }, r.policy_version_id === null ? undefined : rules.get(r.policy_version_id))
  return {
    rows: page.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: readable(r) ? cipher.decrypt(r.title_enc, `report.title|${r.id}`) : null,
      status: r.status,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      receivedAt: r.received_at,
      nextDueAt: r.next_due_at,
      severity: readable(r)
        ? {
            level: r.severity,
            cvss31: r.cvss31_vector,
            cvss40: r.cvss40_vector,
            scoring: scorings.get(r.policy_version_id) ?? 'qualitative',
          }
        : null,
    })),
    next,
  }
}
