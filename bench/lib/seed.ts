/**
 * A fast generator of realistic rows, written straight into the database with the real cipher
 * (so the queue decrypts real AES-GCM titles), in big transactions of multi-row inserts. It
 * bypasses the HTTP path on purpose: seeding 10^6 reports through intake would take hours.
 */
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { cipherFor, type Deps } from '../../src/deps.js'
import { reportStatuses } from '../../src/domain/report/report.js'
import { reportTokens } from '../../src/domain/search/tokens.js'
import type { IndexingOrgCipher } from '../../src/storage/cipher.js'
import { newId } from '../../src/storage/ids.js'
import { fieldTexts, searchKey } from '../../src/storage/repositories/search-index-repository.js'
import type { OrganizationRow } from '../../src/storage/schema.js'

const components = ['search', 'login', 'profile', 'export', 'upload', 'billing', 'admin panel', 'API gateway', 'webhooks', 'SSO']
const kinds = ['SQL injection', 'Stored XSS', 'IDOR', 'SSRF', 'Open redirect', 'CSRF', 'Path traversal', 'RCE', 'XXE', 'Info leak']
/** Mostly open reports, as in a busy queue; about a fifth final. */
const statusCycle = [...reportStatuses, 'new', 'new', 'acknowledged', 'triaged', 'fixing'] as const

const description = (i: number) =>
  `The parameter \`q\` of request ${i} is concatenated into a query.\n\n1. Open the page\n2. Send \`' OR 1=1 --\`\n3. See every row.\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}`

export interface SeedOptions {
  /** Index of the first report (so several calls extend one data set). */
  from: number
  count: number
  /** Reports per transaction. */
  perTransaction?: number
  /** A member some reports are assigned to. */
  assigneeId?: string | null
  onProgress?: (done: number) => void
}

/** Year used in seeded references, far from the year live intake numbers in. */
export const seedYear = 2001

const reportColumns = [
  'id',
  'org_id',
  'ref',
  'program_id',
  'reporter_id',
  'status',
  'status_reason_enc',
  'duplicate_of',
  'title_enc',
  'fields_enc',
  'channel',
  'credit_preference',
  'assignee_id',
  'received_at',
  'updated_at',
] as const
const reporterColumns = ['id', 'org_id', 'name_enc', 'email_enc', 'created_at'] as const
type ReportValues = Record<(typeof reportColumns)[number], string | null> & { next_due_at?: string | null; wake_at?: string | null }
/** Open reports get a due time when the schema has the clock columns (they landed with the clock engine). */
const finalStatuses = new Set(['rejected', 'duplicate', 'closed'])
type ReporterValues = Record<(typeof reporterColumns)[number], string | null>
const tokenColumns = ['org_id', 'report_id', 'token'] as const
/** The queue's blind index: one row per distinct token of a report (src/storage/repositories/search-index-repository.ts). */
type TokenValues = Record<(typeof tokenColumns)[number], string>

const day = 86_400_000
/**
 * Seeded due times (`next_due_at`, and `wake_at` equal to it) lie in the 30 days after this moment:
 * the start of the next whole minute one year from now, so a server under test (whose clock
 * scheduler runs on the real time) never finds them due. The bench times the scheduler's finder at
 * `seedDueBase + 1 min`: the sweep that runs one minute after the previous one.
 */
export const seedDueBase = Math.ceil((Date.now() + 365 * day) / 60_000) * 60_000
/** Spread over 30 days without clustering: a Weyl sequence (golden ratio), so any minute holds ~1/43,200 of them. */
const dueOffset = (i: number) => Math.floor((((i + 1) * 0.6180339887498949) % 1) * 30 * day)

/** Where the rows go: a raw connection of its own, since the query builder costs more than the insert. */
export type SeedTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string }

export const seedTarget = (databaseUrl: string): SeedTarget =>
  databaseUrl.startsWith('sqlite:')
    ? { dialect: 'sqlite', file: databaseUrl.slice('sqlite:'.length) }
    : { dialect: 'postgres', url: databaseUrl }

interface Writer {
  write(reporters: ReporterValues[], reports: ReportValues[], tokens: TokenValues[]): Promise<void>
  /** Records that the organization's reports are indexed (`search_index_state`), as the first search's backfill would. */
  markIndexed(orgId: string, at: string): Promise<void>
  close(): Promise<void>
}

/** Whether the report table has the clock engine's `next_due_at` column (the queue's "due" sort). */
export async function hasDueColumn(target: SeedTarget): Promise<boolean> {
  if (target.dialect === 'sqlite') {
    const db = new SQLite(target.file, { readonly: true })
    try {
      return (db.pragma('table_info(report)') as Array<{ name: string }>).some((c) => c.name === 'next_due_at')
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: target.url })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select 1 from information_schema.columns where table_name = 'report' and column_name = 'next_due_at'",
    )
    return rows.length > 0
  } finally {
    await client.end()
  }
}

function sqliteWriter(file: string, due: boolean): Writer {
  const db = new SQLite(file)
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // A big page cache: the indexes of 10^6 reports do not fit SQLite's default 2 MB.
  db.pragma('cache_size = -400000')
  const insertReporter = db.prepare(
    `insert into reporter (${reporterColumns.join(', ')}) values (${reporterColumns.map(() => '?').join(', ')})`,
  )
  const columns: Array<keyof ReportValues> = due ? [...reportColumns, 'next_due_at', 'wake_at'] : [...reportColumns]
  const insertReport = db.prepare(`insert into report (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`)
  const insertToken = db.prepare('insert into report_search_token (org_id, report_id, token) values (?, ?, ?)')
  const batch = db.transaction((reporters: ReporterValues[], reports: ReportValues[], tokens: TokenValues[]) => {
    for (const r of reporters) insertReporter.run(reporterColumns.map((c) => r[c]))
    for (const r of reports) insertReport.run(columns.map((c) => r[c] ?? null))
    for (const t of tokens) insertToken.run(t.org_id, t.report_id, t.token)
  })
  return {
    write: async (reporters, reports, tokens) => {
      batch(reporters, reports, tokens)
    },
    markIndexed: async (orgId, at) => {
      db.prepare('insert into search_index_state (org_id, backfilled_at) values (?, ?) on conflict (org_id) do nothing').run(orgId, at)
    },
    close: async () => {
      db.close()
    },
  }
}

function postgresWriter(url: string, due: boolean): Writer {
  const client = new pg.Client({ connectionString: url })
  const connected = client.connect()
  const time = new Set(['received_at', 'updated_at', 'created_at', 'next_due_at', 'wake_at'])
  const columns: Array<keyof ReportValues> = due ? [...reportColumns, 'next_due_at', 'wake_at'] : [...reportColumns]
  // One statement per table and batch: each column travels as one array parameter (`unnest`).
  const unnest = (table: string, columns: readonly string[]) =>
    `insert into ${table} (${columns.join(', ')}) select * from unnest(${columns
      .map((c, i) => `$${i + 1}::${time.has(c) ? 'timestamptz' : 'text'}[]`)
      .join(', ')})`
  const reporterSql = unnest('reporter', reporterColumns)
  const reportSql = unnest('report', columns)
  const tokenSql = unnest('report_search_token', tokenColumns)
  return {
    write: async (reporters, reports, tokens) => {
      await connected
      await client.query('begin')
      await client.query(
        reporterSql,
        reporterColumns.map((c) => reporters.map((r) => r[c])),
      )
      await client.query(
        reportSql,
        columns.map((c) => reports.map((r) => r[c] ?? null)),
      )
      for (let i = 0; i < tokens.length; i += 100_000) {
        const part = tokens.slice(i, i + 100_000)
        await client.query(
          tokenSql,
          tokenColumns.map((c) => part.map((t) => t[c])),
        )
      }
      await client.query('commit')
    },
    markIndexed: async (orgId, at) => {
      await connected
      await client.query('insert into search_index_state (org_id, backfilled_at) values ($1, $2) on conflict (org_id) do nothing', [
        orgId,
        at,
      ])
    },
    close: async () => {
      await connected
      await client.end()
    },
  }
}

/**
 * Writes `count` reports (and their reporter rows) for `org`. Received times are spaced
 * 5 minutes apart going back from 2026-01-01, so "newest" and "oldest" both have work to do.
 * Open reports (when the schema has the clock columns) fall due, and wake the scheduler, at a
 * moment spread over the 30 days after `seedDueBase`; final ones have neither.
 * Titles and fields are sealed with the organization's real data key and the same contexts as
 * `report-repository.ts` (the bench decrypts a sample through the repository to prove it), and
 * indexed for the queue's search as intake indexes them: the same tokens of the title, the fields
 * and the reporter's address, under the organization's real blind-index key (`searchKey`). The
 * organization is then marked as indexed, so a search does not start the backfill of old reports.
 */
export async function seedReports(target: SeedTarget, cipher: IndexingOrgCipher, org: OrganizationRow, o: SeedOptions): Promise<void> {
  const due = await hasDueColumn(target)
  const writer = target.dialect === 'sqlite' ? sqliteWriter(target.file, due) : postgresWriter(target.url, due)
  const perTx = o.perTransaction ?? 20_000
  const base = Date.parse('2026-01-01T00:00:00.000Z')
  try {
    for (let start = o.from; start < o.from + o.count; start += perTx) {
      const end = Math.min(start + perTx, o.from + o.count)
      const reporters: ReporterValues[] = []
      const reports: ReportValues[] = []
      const tokens: TokenValues[] = []
      // Most words recur from report to report: their keyed hashes are computed once per batch.
      const hashes = new Map<string, string>()
      const hashOf = (token: string) => {
        let h = hashes.get(token)
        if (h === undefined) {
          h = searchKey(cipher, token)
          hashes.set(token, h)
        }
        return h
      }
      for (let i = start; i < end; i++) {
        const id = newId()
        const reporterId = newId()
        const at = new Date(base - i * 300_000).toISOString()
        const named = i % 3 === 0
        reporters.push({
          id: reporterId,
          org_id: org.id,
          name_enc: named ? cipher.encrypt(`Reporter ${i}`, `reporter.name|${reporterId}`) : null,
          email_enc: named ? cipher.encrypt(email(i), `reporter.email|${reporterId}`) : null,
          created_at: at,
        })
        const title = `${kinds[i % kinds.length]} in ${components[(i * 7) % components.length]} (#${i})`
        const fields = { description: description(i), steps: '', impact: 'Data exposure', affectedVersion: `2.${i % 10}` }
        const dueAt = finalStatuses.has(statusCycle[i % statusCycle.length] as string)
          ? null
          : new Date(seedDueBase + dueOffset(i)).toISOString()
        reports.push({
          id,
          org_id: org.id,
          ref: `${org.ref_prefix}-${seedYear}-${String(i + 1).padStart(7, '0')}`,
          program_id: null,
          reporter_id: reporterId,
          status: statusCycle[i % statusCycle.length] as string,
          status_reason_enc: null,
          duplicate_of: null,
          title_enc: cipher.encrypt(title, `report.title|${id}`),
          fields_enc: cipher.encrypt(JSON.stringify(fields), `report.fields|${id}`),
          channel: 'api',
          credit_preference: 'anonymous',
          assignee_id: o.assigneeId && i % 4 === 0 ? o.assigneeId : null,
          received_at: at,
          updated_at: at,
          next_due_at: dueAt,
          wake_at: dueAt,
        })
        for (const token of reportTokens([title, ...fieldTexts(fields)], named ? email(i) : null))
          tokens.push({ org_id: org.id, report_id: id, token: hashOf(token) })
      }
      await writer.write(reporters, reports, tokens)
      o.onProgress?.(end - o.from)
    }
    await writer.markIndexed(org.id, new Date().toISOString())
  } finally {
    await writer.close()
  }
}

const email = (i: number) => `reporter${i}@example.net`

/** Writes a thread of `count` messages (alternating reporter and responder, some internal) on one report. */
export async function seedThread(deps: Deps, org: OrganizationRow, reportId: string, count: number, userId: string): Promise<void> {
  const cipher = cipherFor(deps, org)
  const base = Date.parse('2026-02-01T00:00:00.000Z')
  await deps.db.transaction().execute(async (tx) => {
    for (let s = 0; s < count; s += 500) {
      const rows = []
      for (let i = s; i < Math.min(s + 500, count); i++) {
        const id = newId()
        const responder = i % 2 === 1
        rows.push({
          id,
          org_id: org.id,
          report_id: reportId,
          author_kind: responder ? ('responder' as const) : ('reporter' as const),
          author_user_id: responder ? userId : null,
          visibility: responder && i % 10 === 1 ? ('internal' as const) : ('reporter' as const),
          body_enc: cipher.encrypt(
            `Message ${i}: **thanks**, see [the advisory](https://example.org/a/${i}).\n\n- point one\n- point two\n\n\`code ${i}\``,
            `message.body|${id}`,
          ),
          created_at: new Date(base + i * 60_000).toISOString(),
        })
      }
      await tx.insertInto('message').values(rows).execute()
    }
  })
}
