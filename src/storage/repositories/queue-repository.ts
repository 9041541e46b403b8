import { sql } from 'kysely'
import { mayReadReportText, type Reader } from '../../domain/access/need-to-know.js'
import type { SearchTerms } from '../../domain/search/tokens.js'
import { defaultScoring, type SeverityScoring, scoringOf } from '../../domain/severity/scoring.js'
import type { IndexingOrgCipher, OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'
import { isPostgres } from '../dialect.js'
import { policyOfVersion, sharedWithOfVersions } from './policy-repository.js'
import { searchKey } from './search-index-repository.js'

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
  /** A severity level, or `none` for reports not assessed yet. */
  severity?: string | undefined
  /** A program's slug. */
  program?: string | undefined
  /** A label's name. */
  label?: string | undefined
  channel?: string | undefined
  /**
   * By the next due time at `now`: `overdue` before now, `week` from now to `weekEnd`, `on-time`
   * from now on, `paused` waiting on the reporter (the last of the two events is the wait).
   */
  due?: { state: 'overdue' | 'week' | 'on-time' | 'paused'; now: string; weekEnd: string } | undefined
  /** The search box: a reference, or tokens that must all be in the report's blind index. */
  search?: SearchTerms | undefined
}

/**
 * Whether the filter looks into what the need-to-know rule withholds (text, severity, program,
 * labels, channel): then only reports the viewer may read can match, so a filter never tells a
 * member anything about a report they may not read — not even that it exists.
 */
const looksInside = (f: QueueFilter) =>
  f.severity !== undefined ||
  f.program !== undefined ||
  f.label !== undefined ||
  f.channel !== undefined ||
  (f.search !== undefined && f.search.kind === 'tokens')

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
  /** What the need-to-know rule withholds from a viewer who may not read the report: null for them. */
  about: { program: string | null; labels: string[]; channel: string } | null
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
/** Up to this many reports found for a word, the search starts from them; above it, from the sorted reports (see fewestMatches). */
const searchFromWordsUpTo = 1000

/**
 * The reports that hold the search's rarest word, when it is rare enough to start from: the
 * planner cannot tell a word in one report from a word in every tenth (SQLite keeps no statistics
 * unless analyzed, and analyzed it picks one plan for both), and either plan is slow for the other
 * kind of word. Walking the reports in the page's order and keeping those that hold the words reads
 * the whole table for a word in one report (73 ms at 10^5 on SQLite); starting from the word's
 * rows and sorting them reads every row of a common word (58 ms). So each word's rows are counted,
 * up to the limit, and a word under it is where the search starts. Undefined: no word is rare.
 */
async function fewestMatches(db: Executor, orgId: string, keys: readonly string[]): Promise<string[] | undefined> {
  let fewest: string[] | undefined
  for (const key of keys) {
    const rows = await db
      .selectFrom('report_search_token')
      .select('report_id')
      .where('org_id', '=', orgId)
      .where('token', '=', key)
      .limit(searchFromWordsUpTo + 1)
      .execute()
    if (rows.length <= searchFromWordsUpTo && (fewest === undefined || rows.length < fewest.length)) fewest = rows.map((r) => r.report_id)
    if (fewest?.length === 0) break
  }
  return fewest
}

export async function listQueue(
  db: Executor,
  cipher: OrgCipher | IndexingOrgCipher,
  orgId: string,
  f: QueueFilter,
  viewer: QueueViewer,
): Promise<QueuePage> {
  // A search for nothing searchable (only short words) finds nothing.
  if (f.search?.kind === 'tokens' && f.search.tokens.length === 0) return { rows: [], next: undefined }
  // The policy versions whose rule keeps this viewer out of reports they do not hold.
  const closed = viewer.role === 'admin' || !looksInside(f) ? [] : await closedVersions(db, orgId, viewer)
  const tokens = f.search?.kind === 'tokens' ? f.search.tokens : []
  if (tokens.length > 0 && !('blindIndex' in cipher))
    throw new TypeError('searching the queue needs the organization cipher with its blind index')
  const keys = tokens.map((t) => searchKey(cipher as IndexingOrgCipher, t))
  const few = await fewestMatches(db, orgId, keys)
  if (few?.length === 0) return { rows: [], next: undefined }
  const base = () => {
    let query = db
      .selectFrom('report')
      .leftJoin('user', 'user.id', 'report.assignee_id')
      .leftJoin('program', (j) => j.onRef('program.id', '=', 'report.program_id').onRef('program.org_id', '=', 'report.org_id'))
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
        'report.labels',
        'report.channel',
        'program.name as program_name',
      ])
      .where('report.org_id', '=', orgId)
    if (f.statuses.length > 0) query = query.where('report.status', 'in', [...f.statuses])
    if (f.assignee === 'none') query = query.where('report.assignee_id', 'is', null)
    else if (f.assignee) query = query.where('report.assignee_id', '=', f.assignee)
    if (f.severity === 'none') query = query.where('report.severity', 'is', null)
    else if (f.severity) query = query.where('report.severity', '=', f.severity as 'low')
    if (f.channel) query = query.where('report.channel', '=', f.channel as 'web')
    if (f.program) {
      const slug = f.program
      query = query.where('report.program_id', 'in', (eb) =>
        eb.selectFrom('program as p').select('p.id').where('p.org_id', '=', orgId).where('p.slug', '=', slug),
      )
    }
    if (f.label) {
      const label = f.label
      query = isPostgres(db)
        ? query.where(sql<boolean>`(report.labels)::jsonb @> ${JSON.stringify([label])}::jsonb`)
        : query.where(sql<boolean>`exists (select 1 from json_each(report.labels) where json_each.value = ${label})`)
    }
    if (f.due) {
      const { state, now, weekEnd } = f.due
      if (state === 'overdue') query = query.where('report.next_due_at', '<', now)
      else if (state === 'week') query = query.where('report.next_due_at', '>=', now).where('report.next_due_at', '<', weekEnd)
      else if (state === 'on-time') query = query.where('report.next_due_at', '>=', now)
      else query = query.where(sql<boolean>`${waitingOnReporter(orgId)}`)
    }
    if (f.search?.kind === 'reference') query = query.where('report.ref', '=', f.search.ref)
    if (few) query = query.where('report.id', 'in', few)
    for (const key of keys) {
      query = query.where('report.id', 'in', (eb) =>
        eb.selectFrom('report_search_token as s').select('s.report_id').where('s.org_id', '=', orgId).where('s.token', '=', key),
      )
    }
    if (closed.length > 0) {
      query = query.where((eb) =>
        eb.or([
          eb('report.policy_version_id', 'is', null),
          eb('report.policy_version_id', 'not in', closed),
          eb('report.assignee_id', '=', viewer.userId),
        ]),
      )
    }
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
      about: readable(r) ? { program: r.program_name, labels: parseLabels(r.labels), channel: r.channel } : null,
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

/** The policy versions of the organization under which a non-administrator reads only what they hold. */
async function closedVersions(db: Executor, orgId: string, viewer: QueueViewer): Promise<string[]> {
  const versions = await db.selectFrom('policy_version').select('id').where('org_id', '=', orgId).execute()
  const rules = await sharedWithOfVersions(
    db,
    orgId,
    versions.map((v) => v.id),
  )
  return [...rules].filter(([, rule]) => !mayReadReportText(viewer, { assigneeId: null }, rule)).map(([id]) => id)
}

/**
 * The report waits on its reporter (its pausable clocks stand still): its last wait event is not
 * followed by a reply. Driven by the organization's wait events (index `event_org_type`), few
 * beside all reports, then each checked for a later reply on the events' (report_id, seq) index.
 */
const waitingOnReporter = (orgId: string) => sql`report.id in (
  select w.report_id from event w
  where w.org_id = ${orgId} and w.type = 'report.waiting_on_reporter'
    and not exists (
      select 1 from event r
      where r.org_id = w.org_id and r.report_id = w.report_id and r.type = 'reporter.replied' and r.seq > w.seq
    )
)`

function parseLabels(json: string): string[] {
  try {
    const labels: unknown = JSON.parse(json)
    return Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : []
  } catch {
    return []
  }
}

/** A member's named queue view: the queue's address query (`status=all&label=…`). */
export interface SavedView {
  id: string
  name: string
  query: string
}

const viewContext = (id: string) => `saved_view.query|${id}`

/** The member's own saved views, by name. */
export async function listSavedViews(db: Executor, cipher: OrgCipher, orgId: string, userId: string): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('saved_view')
    .select(['id', 'name', 'query_enc'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, query: cipher.decrypt(r.query_enc, viewContext(r.id)) }))
}

/** Saves a view under its name, replacing the member's view of the same name. The query is sealed: it may hold search words. */
export async function saveView(tx: Tx, cipher: OrgCipher, orgId: string, userId: string, v: SavedView, at: string): Promise<void> {
  await tx.deleteFrom('saved_view').where('org_id', '=', orgId).where('user_id', '=', userId).where('name', '=', v.name).execute()
  await tx
    .insertInto('saved_view')
    .values({
      id: v.id,
      org_id: orgId,
      user_id: userId,
      name: v.name,
      query_enc: cipher.encrypt(v.query, viewContext(v.id)),
      created_at: at,
    })
    .execute()
}

/** Deletes one of the member's own views and returns its name; undefined when they have no such view. */
export async function deleteSavedView(tx: Tx, orgId: string, userId: string, id: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('saved_view')
    .select('name')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  await tx.deleteFrom('saved_view').where('org_id', '=', orgId).where('user_id', '=', userId).where('id', '=', id).execute()
  return row.name
}
