/**
 * `npm run bench`: the figures of issue "Measured from the start", each beside the ceiling of a
 * bare Fastify route measured in the same run. Prints a table and writes bench/results/latest.json.
 *
 * The server under test is always `embargo serve` in a child process (the production build in
 * dist/, built first; the tsx sources only if the build fails); load comes from autocannon in this
 * process, over loopback. See bench/README.md for what each figure means and the knobs.
 */
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { CompiledQuery, createQueryId, type KyselyPlugin, type RootOperationNode, sql } from 'kysely'
import pg from 'pg'
import { addMember } from '../src/admin/use-cases/add-member.js'
import { createOrganization } from '../src/admin/use-cases/create-organization.js'
import { type App, openApp } from '../src/app.js'
import { startSession } from '../src/auth/sessions.js'
import { loadConfig } from '../src/config.js'
import { cipherFor } from '../src/deps.js'
import { intakePrograms } from '../src/domain/policy/programs.js'
import { submitReport } from '../src/intake/use-cases/submit-report.js'
import { acrossOrganizations } from '../src/storage/db.js'
import { currentPolicy } from '../src/storage/repositories/policy-repository.js'
import { listReportsToWake } from '../src/storage/repositories/report-clock-repository.js'
import { findReportByRef } from '../src/storage/repositories/report-repository.js'
import type { OrganizationRow } from '../src/storage/schema.js'
import {
  appEnv,
  benchMasterKey,
  distAvailable,
  type Entry,
  fdCountOf,
  freePort,
  type RunningApp,
  repoRoot,
  rssOf,
  startApp,
} from './lib/app-process.js'
import { diffHeaps, heapChangeTable, summarizeHeap } from './lib/heap-summary.js'
import { type LoadFigure, load } from './lib/load.js'
import { runMixedTraffic, seedSoakOrg } from './lib/mixed-traffic.js'
import { findOrStartPostgres, type PgServer } from './lib/pg-cluster.js'
import { hasDueColumn, seedDueBase, seedReports, seedTarget, seedThread, seedYear } from './lib/seed.js'
import { slowestPolicy } from './lib/slowest-policy.js'

type Dialect = 'sqlite' | 'postgres'

// ---------- knobs ------------------------------------------------------------------------------
const env = process.env
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback)
const knobs = {
  intakeSeconds: num('BENCH_INTAKE_SECONDS', 10),
  intakeConnections: num('BENCH_INTAKE_CONNECTIONS', 50),
  /** Intake runs once per count: submissions to one organization, then spread evenly over that many (a CERT's instance). */
  intakeOrgs: (env.BENCH_INTAKE_ORGS ?? '1,8').split(',').map((n) => Math.max(1, Math.round(Number(n)))),
  readSeconds: num('BENCH_READ_SECONDS', 4),
  /** Few connections, so client-observed latency is close to server time (no queueing in front). */
  readConnections: num('BENCH_READ_CONNECTIONS', 2),
  /** `auto`: 1e4 and 1e5, plus 1e6 when seeding it is projected to take under `seedBudgetSeconds`; `none`: the report page only. */
  queueSizes: env.BENCH_QUEUE_SIZES ?? 'auto',
  seedBudgetSeconds: num('BENCH_SEED_BUDGET_SECONDS', 180),
  dialects: (env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as Dialect[],
  threadLength: num('BENCH_THREAD_MESSAGES', 1000),
  sweepReports: num('BENCH_SWEEP_REPORTS', 2000),
  /** Repetitions of the scheduler's "what is due" query at each queue size. */
  dueFinderRuns: num('BENCH_DUE_FINDER_RUNS', 50),
  startupRuns: num('BENCH_STARTUP_RUNS', 3),
  /** The soak (phase `soak`, not in the default set): its length, its warm-up, and how many clients send mixed traffic. */
  soakMinutes: num('BENCH_SOAK_MINUTES', 30),
  soakWarmupSeconds: num('BENCH_SOAK_WARMUP_SECONDS', 180),
  soakClients: num('BENCH_SOAK_CLIENTS', 8),
  /** Which parts run: a subset of startup,commit,intake,reads,sweep,policy,soak (the soak only when named). */
  phases: (env.BENCH_PHASES ?? 'startup,commit,intake,reads,sweep,policy').split(',').map((p) => p.trim()),
  /** File name under bench/results/. */
  output: env.BENCH_OUTPUT ?? 'latest.json',
}

// ---------- output -----------------------------------------------------------------------------
interface Row {
  figure: string
  dialect: string
  value: string
  p50: string
  p99: string
  ceiling: string
  ratio: string
  notes: string
}
const rows: Row[] = []
const figures: Record<string, unknown>[] = []
const notes: string[] = []
// autocannon measures latency in whole milliseconds: 0 means under one.
const ms = (v: number) => (!Number.isFinite(v) ? '–' : v < 1 ? '<1 ms' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`)
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`)
const t0 = performance.now()

function httpRow(figure: string, dialect: string, unit: string, app: LoadFigure, ceiling: LoadFigure | undefined, note = '') {
  rows.push({
    figure,
    dialect,
    value: `${Math.round(app.rps)} ${unit}`,
    p50: ms(app.p50),
    p99: ms(app.p99),
    ceiling: ceiling ? `${Math.round(ceiling.rps)} req/s (p50 ${ms(ceiling.p50)}, p99 ${ms(ceiling.p99)})` : '–',
    ratio: ceiling ? `${((100 * app.rps) / ceiling.rps).toFixed(1)} %` : '–',
    notes: note,
  })
  figures.push({ figure, dialect, app, ceiling, ratio: ceiling ? app.rps / ceiling.rps : null, note })
}

function plainRow(figure: string, dialect: string, value: string, note: string, extra: Record<string, unknown> = {}) {
  rows.push({ figure, dialect, value, p50: '–', p99: '–', ceiling: '–', ratio: '–', notes: note })
  figures.push({ figure, dialect, value, note, ...extra })
}

function printTable() {
  const header: Row = {
    figure: 'figure',
    dialect: 'db',
    value: 'value',
    p50: 'p50',
    p99: 'p99',
    ceiling: 'ceiling',
    ratio: 'ratio',
    notes: 'notes',
  }
  const all = [header, ...rows]
  const keys = Object.keys(header) as (keyof Row)[]
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))])) as Record<keyof Row, number>
  const line = (r: Row) => `| ${keys.map((k) => r[k].padEnd(width[k])).join(' | ')} |`
  const out = [line(header), `|${keys.map((k) => '-'.repeat(width[k] + 2)).join('|')}|`, ...rows.map(line)]
  process.stdout.write(`\n${out.join('\n')}\n\n`)
}

/**
 * Issue 15 item 3's targets, each with what this run measured, whether it is met and the figure's
 * ratio to the ceiling measured in the same run. A target whose figure this run did not measure
 * says so (another phase, size or dialect measures it).
 */
const targets: Array<{
  name: string
  dialect: Dialect
  match: (f: Record<string, unknown>) => boolean
  unit: 'subm/s' | 'p50'
  bound: number
}> = [
  {
    name: 'intake ≥ 1,000 durable subm/s',
    dialect: 'sqlite',
    match: (f) => String(f.figure).startsWith('intake') && !String(f.figure).includes('organizations'),
    unit: 'subm/s',
    bound: 1000,
  },
  {
    name: 'intake ≥ 500 durable subm/s',
    dialect: 'postgres',
    match: (f) => String(f.figure).startsWith('intake') && !String(f.figure).includes('organizations'),
    unit: 'subm/s',
    bound: 500,
  },
  ...(['sqlite', 'postgres'] as const).map((dialect) => ({
    name: 'report page, 1,000-message thread, p50 ≤ 50 ms',
    dialect,
    match: (f: Record<string, unknown>) => /^report page, \d+-message thread$/.test(String(f.figure)),
    unit: 'p50' as const,
    bound: 50,
  })),
  {
    name: 'queue at 10^6, p50 ≤ 20 ms',
    dialect: 'postgres',
    match: (f) => String(f.figure) === 'queue page (50 rows) open, newest, 1e+6 reports',
    unit: 'p50',
    bound: 20,
  },
]

function printTargets() {
  const lines = ['| target | db | measured | met | ratio to ceiling (same run) |', '| --- | --- | --- | --- | --- |']
  for (const t of targets) {
    const f = figures.find((x) => x.dialect === t.dialect && t.match(x)) as { app: LoadFigure; ratio: number | null } | undefined
    if (!f) {
      lines.push(`| ${t.name} | ${t.dialect} | not measured in this run | – | – |`)
      continue
    }
    const value = t.unit === 'subm/s' ? f.app.rps : f.app.p50
    const met = t.unit === 'subm/s' ? value >= t.bound : value <= t.bound
    const shown = t.unit === 'subm/s' ? `${Math.round(value)} subm/s` : `p50 ${ms(value)}`
    lines.push(
      `| ${t.name} | ${t.dialect} | ${shown} | ${met ? 'met' : 'MISSED'} | ${f.ratio === null ? '–' : `${(100 * f.ratio).toFixed(1)} %`} |`,
    )
  }
  lines.push(
    '| mail made into reports ≥ 200/s, plain and PGP/MIME | both | `npx tsx bench/mail-throughput.ts` (not part of this run) | – | – |',
  )
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const soak = figures.find((x) => x.dialect === dialect && x.figure === 'soak') as SoakFigure | undefined
    lines.push(
      soak
        ? `| soak: RSS growth after warm-up ≤ 10 % | ${dialect} | ${(100 * soak.growth).toFixed(1)} % over ${soak.minutes} min (${soak.requests} requests, ${soak.errors} errors) | ${soak.growth <= 0.1 && soak.errors === 0 ? 'met' : 'MISSED'} | – |`
        : `| soak: RSS growth after warm-up ≤ 10 % | ${dialect} | not measured in this run (\`BENCH_PHASES=soak\`, ${knobs.soakMinutes} min) | – | – |`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

// ---------- processes --------------------------------------------------------------------------
const children = new Set<{ kill(): Promise<void> }>()
const cleanups: Array<() => void | Promise<void>> = []
process.once('exit', () => {
  for (const c of children) void c.kill()
})
process.once('SIGINT', () => process.exit(130))

async function serve(entry: Entry, databaseUrl: string, dataDir: string): Promise<RunningApp> {
  const app = await startApp(entry, appEnv({ databaseUrl, dataDir }))
  children.add(app)
  return app
}

async function stopApp(app: RunningApp) {
  await app.stop()
  children.delete(app)
}

interface Ceiling {
  baseUrl: string
  stop(): Promise<void>
}

async function startCeiling(): Promise<Ceiling> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/lib/ceiling-server.ts')], {
    cwd: repoRoot,
    env: { PATH: env.PATH, CEILING_PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => (d.toString().includes('listening') ? resolve() : undefined))
    child.once('exit', (code) => reject(new Error(`ceiling server exited ${code}`)))
  })
  const handle = {
    kill: async () => {
      child.kill('SIGKILL')
      await exit
    },
  }
  children.add(handle)
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM')
      await exit
      children.delete(handle)
    },
  }
}

// ---------- databases --------------------------------------------------------------------------
interface Target {
  dialect: Dialect
  url: string
  dataDir: string
  drop(): Promise<void>
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-bench-'))
cleanups.push(() => fs.rmSync(workDir, { recursive: true, force: true }))
let pgServer: PgServer | undefined
let pgSkip: string | undefined

async function freshTarget(dialect: Dialect, label: string): Promise<Target> {
  const dataDir = path.join(workDir, `${label}-${dialect}`)
  fs.mkdirSync(dataDir, { recursive: true })
  if (dialect === 'sqlite') {
    return {
      dialect,
      url: `sqlite:${path.join(dataDir, 'embargo.db')}`,
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  if (!pgServer) throw new Error('no PostgreSQL')
  const server = pgServer
  const name = `embargo_bench_${label.replace(/\W/g, '_')}_${crypto.randomBytes(4).toString('hex')}`
  const url = await server.createDatabase(name)
  return { dialect, url, dataDir, drop: () => server.dropDatabase(name) }
}

const configFor = (t: Target) =>
  loadConfig({ ...appEnv({ databaseUrl: t.url, dataDir: t.dataDir }), EMBARGO_LOG_LEVEL: 'warn', EMBARGO_MASTER_KEY: benchMasterKey })

async function openBenchApp(t: Target): Promise<App> {
  return openApp(configFor(t))
}

async function newOrg(app: App): Promise<OrganizationRow> {
  const org = await createOrganization(app.deps, { slug: 'acme', name: 'ACME Corp' })
  if (!org.ok) throw new Error(`org create: ${JSON.stringify(org.error)}`)
  return org.value
}

/** A responder and a live session for them: the cookie autocannon sends. */
async function signedInResponder(app: App, org: OrganizationRow): Promise<{ userId: string; cookie: string }> {
  const added = await addMember(
    app.deps,
    org.id,
    { email: 'bench@example.org', name: 'Bench Responder', password: 'correct horse battery staple', role: 'responder' },
    null,
  )
  if (!added.ok) throw new Error(`member: ${JSON.stringify(added.error)}`)
  const token = await startSession(app.deps, added.value)
  return { userId: added.value, cookie: `embargo_session=${token}` }
}

/** Rows in all organizations (the bench's own count, so it opts out of the organization-scope guard). */
async function countRows(app: App, table: 'report' | 'outbox' | 'event'): Promise<number> {
  const row = await acrossOrganizations(app.deps.db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A policy with programs asks which one a report is about, and that program's fields: the first, answered. */
async function aboutFirstProgram(app: App, org: OrganizationRow): Promise<{ program?: string; programFields?: Record<string, string> }> {
  const program = intakePrograms((await currentPolicy(app.deps.db, org.id))?.policy)[0]
  if (!program) return {}
  const answer = (type: string) => (type === 'url' ? 'https://app.example.org/profile' : type === 'version' ? '2.4.1' : 'Firefox 133')
  return { program: program.slug, programFields: Object.fromEntries(program.fields.map((f) => [f.key, answer(f.type)])) }
}

// ---------- figures ----------------------------------------------------------------------------
const description = `## Summary\n\nThe \`q\` parameter of /search is concatenated into SQL.\n\n${'Steps and details that make a typical report about two kilobytes long. '.repeat(20)}`

/**
 * Intake through the JSON API. With `orgCount` > 1 the submissions go to that many organizations in
 * turn: one organization's submissions serialize on its reference counter and its event chain (both
 * row locks on PostgreSQL), different organizations' do not.
 */
async function benchIntake(entry: Entry, dialect: Dialect, ceiling: Ceiling, orgCount = 1) {
  const t = await freshTarget(dialect, `intake${orgCount}`)
  const setup = await openBenchApp(t)
  const org = await newOrg(setup)
  const orgs = [org]
  for (let k = 1; k < orgCount; k++) {
    const more = await createOrganization(setup.deps, { slug: `org${k}`, name: `Organization ${k}` })
    if (!more.ok) throw new Error(`org create: ${JSON.stringify(more.error)}`)
    orgs.push(more.value)
  }
  const server = await serve(entry, t.url, t.dataDir)
  const run = crypto.randomBytes(3).toString('hex')
  let n = 0
  const acked: string[] = []
  const bodyFor = (i: number) =>
    JSON.stringify({
      title: `bench ${run} ${i}`,
      description,
      steps: '1. Open /search\n2. Type a quote',
      impact: 'All customer rows readable',
      affectedVersion: '4.2.0',
      reporterName: 'Load Test',
      reporterEmail: `load${i}@example.net`,
      creditPreference: 'name',
    })
  const sample = bodyFor(-1)
  // One request first: proves the route works and gives the response size for the ceiling.
  const probe = await fetch(`${server.baseUrl}/api/v1/orgs/acme/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: sample,
  })
  const probeBody = await probe.text()
  if (probe.status !== 201) throw new Error(`intake probe answered ${probe.status}: ${probeBody}`)
  const before = await countRows(setup, 'report')
  log(`intake [${dialect}]: ${knobs.intakeConnections} connections × ${knobs.intakeSeconds} s, body ${sample.length} bytes`)
  const figure = await load({
    url: `${server.baseUrl}/api/v1/orgs/acme/reports`,
    method: 'POST',
    connections: knobs.intakeConnections,
    seconds: knobs.intakeSeconds,
    headers: { 'content-type': 'application/json' },
    body: sample,
    setupRequest: (request) => {
      const i = n++
      return { ...request, path: `/api/v1/orgs/${orgs[i % orgs.length]?.slug}/reports`, body: bodyFor(i) }
    },
    onResponse: (status, body) => {
      if (status >= 200 && status < 300) acked.push((JSON.parse(body) as { ref: string }).ref)
    },
  })
  // Requests still in flight when autocannon stopped may commit after it: let them land.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const stored = (await countRows(setup, 'report')) - before
  const refs = new Set<string>()
  for (const o of orgs) {
    const own = acked.filter((ref) => ref.startsWith(`${o.ref_prefix}-`))
    for (let i = 0; i < own.length; i += 5000) {
      const found = await setup.deps.db
        .selectFrom('report')
        .select('ref')
        .where('org_id', '=', o.id)
        .where('ref', 'in', own.slice(i, i + 5000))
        .execute()
      for (const r of found) refs.add(r.ref)
    }
  }
  const missing = acked.filter((ref) => !refs.has(ref)).length
  const outbox = (await countRows(setup, 'outbox')) - 1 // the probe's acknowledgment
  const verdict = `acked ${acked.length} (${figure.ok2xx} 2xx seen), stored ${stored}, acked-but-missing ${missing}, stored-but-unacked ${stored - acked.length + missing} (in flight at stop), outbox rows ${outbox}; non-2xx ${figure.non2xx}, errors ${figure.errors}`
  await stopApp(server)
  log(`intake ceiling: same body, ${knobs.intakeConnections} connections × ${knobs.intakeSeconds} s`)
  const ceil = await load({
    url: `${ceiling.baseUrl}/json/${Buffer.byteLength(probeBody)}`,
    method: 'POST',
    connections: knobs.intakeConnections,
    seconds: knobs.intakeSeconds,
    headers: { 'content-type': 'application/json' },
    body: sample,
  })
  const spread = orgCount > 1 ? `, ${orgCount} organizations` : ''
  httpRow(
    `intake (JSON API, ${knobs.intakeConnections} conns, ${knobs.intakeSeconds} s${spread})`,
    dialect,
    'subm/s',
    figure,
    ceil,
    verdict,
  )
  const last = figures.at(-1)
  if (last) Object.assign(last, { acked: acked.length, stored, ackedButMissing: missing, outbox })
  if (missing > 0) notes.push(`INTAKE [${dialect}]: ${missing} acknowledged submissions are missing from the database!`)
  await setup.close()
  await t.drop()
}

const queueVariants = [
  { name: 'open, newest', query: 'status=open&assignee=anyone&sort=newest', due: false },
  { name: 'open, oldest', query: 'status=open&assignee=anyone&sort=oldest', due: false },
  { name: 'new, unassigned, oldest', query: 'status=new&assignee=none&sort=oldest', due: false },
  { name: 'open, what falls due first', query: 'status=open&assignee=anyone&sort=due', due: true },
  // The queue's search (blind index): a word in a tenth of the titles, and a word of one report only.
  { name: 'search a common word (1 in 10), open, newest', query: 'status=open&assignee=anyone&sort=newest&q=ssrf', due: false },
  { name: 'search a rare word (1 report), any status', query: 'status=all&assignee=anyone&sort=newest&q=5000', due: false },
]

async function readFigure(url: string, cookie: string): Promise<{ figure: LoadFigure; bytes: number }> {
  const probe = await fetch(url, { headers: { cookie } })
  const html = await probe.text()
  if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}`)
  const figure = await load({ url, connections: knobs.readConnections, seconds: knobs.readSeconds, headers: { cookie } })
  return { figure, bytes: Buffer.byteLength(html) }
}

/**
 * The clock scheduler's finder at a queue size: exactly the query `runClockSweep` runs to find due
 * work (`listReportsToWake`, batch of 100, the scheduler's own), in-process against the seeded
 * database, at the moment one minute after the start of the seeded due times (`seedDueBase`): the
 * sweep that follows the previous one by a minute finds what fell due in that minute, ~1/43,200 of
 * the open reports. One cold call, then `dueFinderRuns` timed ones; the plan goes in the notes.
 */
async function benchDueFinder(app: App, dialect: Dialect, size: number) {
  const now = new Date(seedDueBase + 60_000).toISOString()
  let node: RootOperationNode | undefined
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      node = args.node
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  const coldStart = performance.now()
  const found = await listReportsToWake(app.deps.db.withPlugin(capture), now, 100)
  const coldMs = performance.now() - coldStart
  const times: number[] = []
  for (let i = 0; i < knobs.dueFinderRuns; i++) {
    const s = performance.now()
    await listReportsToWake(app.deps.db, now, 100)
    times.push(performance.now() - s)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN
  // The finder runs across organizations (`acrossOrganizations` lifts every plugin, this capture too): then no plan.
  const compiled = node ? app.deps.db.getExecutor().compileQuery(node, createQueryId()) : undefined
  const explained = compiled
    ? await app.deps.db.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(`${dialect === 'sqlite' ? 'explain query plan' : 'explain'} ${compiled.sql}`, [...compiled.parameters]),
      )
    : { rows: [] as Record<string, unknown>[] }
  const plan = !compiled
    ? 'not captured (the finder lifts the query plugins)'
    : dialect === 'sqlite'
      ? explained.rows.map((r) => String(r.detail)).join('; ')
      : explained.rows.map((r) => String(r['QUERY PLAN']).trim()).join('; ')
  const fmt = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0))
  rows.push({
    figure: `clock sweep: find what falls due in the next minute, ${size.toExponential(0)} reports`,
    dialect,
    value: `${found.length} found`,
    p50: `${fmt(at(0.5))} ms`,
    p99: `${fmt(at(0.99))} ms`,
    ceiling: '–',
    ratio: '–',
    notes: `listReportsToWake(now = due base + 1 min, limit 100), in-process, ${times.length} runs, cold ${fmt(coldMs)} ms; plan: ${plan}`,
  })
  figures.push({
    figure: 'clock sweep: find what falls due in the next minute',
    dialect,
    size,
    found: found.length,
    now,
    runs: times.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: times.at(-1),
    coldMs,
    sql: compiled?.sql ?? null,
    plan: explained.rows,
    loadAverage: os.loadavg(),
  })
  log(`due finder [${dialect}] ${size}: ${found.length} found, p50 ${fmt(at(0.5))} ms p99 ${fmt(at(0.99))} ms; ${plan}`)
}

async function benchReads(entry: Entry, dialect: Dialect, ceiling: Ceiling) {
  const t = await freshTarget(dialect, 'reads')
  const setup = await openBenchApp(t)
  const org = await newOrg(setup)
  const { userId, cookie } = await signedInResponder(setup, org)
  const cipher = cipherFor(setup.deps, org)
  const target = seedTarget(t.url)

  // Report page with a long thread first (on the empty database, so the page stands alone).
  const made = await submitReport(
    setup.deps,
    org,
    { title: 'Thread bench', description: 'A report with a long conversation.', reporterEmail: 'r@example.net' },
    'api',
  )
  if (!made.ok) throw new Error('thread report')
  const threadReport = await findReportByRef(setup.deps.db, cipher, org.id, made.value.ref)
  if (!threadReport) throw new Error('thread report vanished')
  await seedThread(setup.deps, org, threadReport.id, knobs.threadLength, userId)

  let server = await serve(entry, t.url, t.dataDir)
  {
    const { figure, bytes } = await readFigure(`${server.baseUrl}/w/acme/reports/${made.value.ref}`, cookie)
    const ceil = await load({ url: `${ceiling.baseUrl}/html/${bytes}`, connections: knobs.readConnections, seconds: knobs.readSeconds })
    httpRow(
      `report page, ${knobs.threadLength}-message thread`,
      dialect,
      'req/s',
      figure,
      ceil,
      `${Math.round(bytes / 1024)} KB of HTML; ${knobs.readConnections} conns`,
    )
    log(`report page [${dialect}]: p50 ${ms(figure.p50)} p99 ${ms(figure.p99)}, ${Math.round(bytes / 1024)} KB`)
    // The whole thread on one page (`?thread=all`): every message decrypted and rendered as Markdown.
    const all = await readFigure(`${server.baseUrl}/w/acme/reports/${made.value.ref}?thread=all`, cookie)
    const allCeiling = await load({
      url: `${ceiling.baseUrl}/html/${all.bytes}`,
      connections: knobs.readConnections,
      seconds: knobs.readSeconds,
    })
    httpRow(
      `report page, ${knobs.threadLength}-message thread, ?thread=all`,
      dialect,
      'req/s',
      all.figure,
      allCeiling,
      `${Math.round(all.bytes / 1024)} KB of HTML; ${knobs.readConnections} conns`,
    )
    log(`report page ?thread=all [${dialect}]: p50 ${ms(all.figure.p50)} p99 ${ms(all.figure.p99)}, ${Math.round(all.bytes / 1024)} KB`)
  }

  // Queue at growing sizes: each size extends the same data set.
  let seeded = 0
  const explicit =
    knobs.queueSizes === 'auto'
      ? undefined
      : knobs.queueSizes === 'none'
        ? []
        : knobs.queueSizes.split(',').map((s) => Math.round(Number(s.trim())))
  const sizes = explicit ?? [1e4, 1e5, 1e6]
  let seedRate = 0
  for (const size of sizes) {
    if (!explicit && size === 1e6) {
      const projected = (size - seeded) / seedRate
      if (projected > knobs.seedBudgetSeconds) {
        plainRow(
          'queue page, 10^6 reports',
          dialect,
          'skipped',
          `seeding the other 900,000 was projected at ${Math.round(projected)} s (measured ${Math.round(seedRate)} reports/s) > ${knobs.seedBudgetSeconds} s budget; BENCH_QUEUE_SIZES=1e4,1e5,1e6 forces it`,
        )
        log(`queue [${dialect}]: skipping 10^6, projected seeding ${Math.round(projected)} s`)
        continue
      }
    }
    const started = performance.now()
    const added = size - seeded
    log(`queue [${dialect}]: seeding ${seeded} → ${size} reports`)
    await seedReports(target, cipher, org, { from: seeded, count: added, assigneeId: userId })
    const seconds = (performance.now() - started) / 1000
    seedRate = added / seconds
    seeded = size
    // Autovacuum would analyze a table this size within minutes in production; do it now.
    if (dialect === 'postgres') await sql`analyze`.execute(setup.deps.db)
    plainRow(
      `seed to ${size.toExponential(0)} reports`,
      dialect,
      `${Math.round(seedRate)} reports/s`,
      `${seconds.toFixed(1)} s for ${added} reports + their reporter rows, real AES-GCM, direct inserts, 20k per transaction`,
      { size, added, seconds, rate: seedRate },
    )
    // A sample decrypts through the real repository, proving the seeder seals like the app.
    const sample = await findReportByRef(setup.deps.db, cipher, org.id, `${org.ref_prefix}-${seedYear}-${String(size).padStart(7, '0')}`)
    if (!sample?.title.includes(`#${size - 1}`)) throw new Error('seeded report does not read back through the repository')
    // Restart so the server's caches start equally cold at every size.
    await stopApp(server)
    server = await serve(entry, t.url, t.dataDir)
    const due = await hasDueColumn(target)
    if (due) await benchDueFinder(setup, dialect, size)
    for (const v of queueVariants.filter((q) => due || !q.due)) {
      const { figure, bytes } = await readFigure(`${server.baseUrl}/w/acme/reports?${v.query}`, cookie)
      log(`queue [${dialect}] ${size} ${v.name}: p50 ${ms(figure.p50)} p99 ${ms(figure.p99)}`)
      const ceil =
        v === queueVariants[0]
          ? await load({ url: `${ceiling.baseUrl}/html/${bytes}`, connections: knobs.readConnections, seconds: knobs.readSeconds })
          : undefined
      httpRow(
        `queue page (50 rows) ${v.name}, ${size.toExponential(0)} reports`,
        dialect,
        'req/s',
        figure,
        ceil,
        `${Math.round(bytes / 1024)} KB; ${knobs.readConnections} conns${ceil ? '' : '; ceiling as the row above'}`,
      )
    }
  }
  await stopApp(server)
  await setup.close()
  await t.drop()
}

async function benchStartup(entry: Entry, dialect: Dialect) {
  const t = await freshTarget(dialect, 'startup')
  const setup = await openBenchApp(t) // migrated, with an org: a steady-state start
  await newOrg(setup)
  await setup.close()
  const times: number[] = []
  for (let i = 0; i < knobs.startupRuns; i++) {
    const app = await serve(entry, t.url, t.dataDir)
    times.push(app.startupMs)
    await stopApp(app)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN
  plainRow(
    `start-up, node → first served request (${entry === 'dist' ? 'dist/' : 'tsx src/'})`,
    dialect,
    ms(median),
    `median of ${times.length}: ${times.map((x) => Math.round(x)).join(', ')} ms; migrated database`,
    { times, median },
  )
  await t.drop()
}

/**
 * The storage ceiling under intake: how many durable commits per second the database takes from
 * one connection, one ~2 KB row each, versus the same rows 1,000 to a commit (group commit).
 */
async function benchCommitCeiling(dialect: Dialect) {
  const seconds = 2
  const row = 'x'.repeat(2000)
  const measure = async (commit: (rows: number) => Promise<void> | void, perCommit: number) => {
    let rows = 0
    const start = performance.now()
    while (performance.now() - start < seconds * 1000) {
      await commit(perCommit)
      rows += perCommit
    }
    return rows / ((performance.now() - start) / 1000)
  }
  if (dialect === 'sqlite') {
    const dir = path.join(workDir, 'commit-sqlite')
    fs.mkdirSync(dir, { recursive: true })
    const db = new SQLite(path.join(dir, 'c.db'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec('create table t (id integer primary key, body text)')
    const insert = db.prepare('insert into t (body) values (?)')
    const many = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run(row)
    })
    const single = await measure(() => void insert.run(row), 1)
    const grouped = await measure((n) => many(n), 1000)
    db.close()
    plainRow(
      'durable commits, 1 row each (storage ceiling)',
      dialect,
      `${Math.round(single)} commits/s`,
      `raw better-sqlite3, WAL + synchronous=FULL, 2 KB rows; 1,000 rows per commit: ${Math.round(grouped)} rows/s`,
      { single, grouped },
    )
    return
  }
  const t = await freshTarget(dialect, 'commit')
  const client = new pg.Client({ connectionString: t.url })
  await client.connect()
  await client.query('create table t (id serial primary key, body text)')
  const single = await measure(async () => void (await client.query('insert into t (body) values ($1)', [row])), 1)
  const grouped = await measure(async (n) => {
    await client.query('insert into t (body) select $1 from generate_series(1, $2)', [row, n])
  }, 1000)
  await client.end()
  await t.drop()
  plainRow(
    'durable commits, 1 row each (storage ceiling)',
    dialect,
    `${Math.round(single)} commits/s`,
    `one pg connection, fsync + synchronous_commit on, 2 KB rows; 1,000 rows per commit: ${Math.round(grouped)} rows/s`,
    { single, grouped },
  )
}

/**
 * The clock sweep, in-process (no HTTP: the scheduler is a timer inside `serve`): reports received
 * under a seed policy, then one `runClockSweep` at a moment when every clock of every report has
 * run out, then a second sweep with nothing due. Skipped with the reason when the clock engine
 * (src/jobs/clock-scheduler.ts, landing concurrently) is not there or fails.
 */
async function benchClockSweep(dialect: Dialect) {
  const count = knobs.sweepReports
  let t: Target | undefined
  let app: App | undefined
  try {
    const scheduler = (await import('../src/clocks/clock-sweep.js')) as {
      runClockSweep(deps: App['deps'], now?: Date): Promise<{ reports: number; actions: number }>
    }
    const policy = (await import(
      '../src/policy-admin/use-cases/import-policy.js'
    )) as typeof import('../src/policy-admin/use-cases/import-policy.js')
    const presets = (await import('../src/policy-admin/presets.js')) as typeof import('../src/policy-admin/presets.js')
    t = await freshTarget(dialect, 'sweep')
    app = await openBenchApp(t)
    const org = await newOrg(app)
    const presetName = presets.listPresets()[0]
    const preset = presetName ? presets.readPreset(presetName) : undefined
    if (!preset) throw new Error('no seed policy preset found')
    const imported = await policy.importPolicy(app.deps, org, preset.source, preset.fileName, null)
    if (!imported.ok) throw new Error(`policy import: ${JSON.stringify(imported.error)}`)
    const about = await aboutFirstProgram(app, org)
    const fill = performance.now()
    for (let i = 0; i < count; i += 20) {
      const results = await Promise.all(
        Array.from({ length: Math.min(20, count - i) }, (_, j) =>
          submitReport(
            app!.deps,
            org,
            { title: `sweep ${i + j}`, description: 'Clock sweep bench', reporterEmail: `s${i + j}@example.net`, ...about },
            'api',
          ),
        ),
      )
      const refused = results.find((r) => !r.ok)
      if (refused && !refused.ok) throw new Error(`a sweep report was refused: ${JSON.stringify(refused.error).slice(0, 300)}`)
    }
    const fillSeconds = (performance.now() - fill) / 1000
    const later = new Date(Date.now() + 400 * 86_400_000)
    const started = performance.now()
    const swept = await scheduler.runClockSweep(app.deps, later)
    const seconds = (performance.now() - started) / 1000
    const idleStart = performance.now()
    const idle = await scheduler.runClockSweep(app.deps, later)
    const idleMs = performance.now() - idleStart
    plainRow(
      `clock sweep, ${count} reports all due (in-process)`,
      dialect,
      `${Math.round(swept.reports / seconds)} reports/s`,
      `${swept.reports} reports, ${swept.actions} actions (events + outbox mail) in ${seconds.toFixed(1)} s, one transaction per report; a second sweep with nothing due: ${idleMs.toFixed(0)} ms (${idle.reports} reports); preset ${presetName}; ${count} reports received in ${fillSeconds.toFixed(0)} s through submitReport`,
      { count, swept, seconds, idleMs, preset: presetName },
    )
  } catch (error) {
    plainRow(
      'clock sweep',
      dialect,
      'not measured',
      `${clockSweepStatus()}; attempt failed: ${String((error as Error).message ?? error).slice(0, 200)}`,
    )
  } finally {
    await app?.close()
    await t?.drop()
  }
}

/**
 * "Slowest policy an admin can save" (finding 4): an organization running `bench/lib/slowest-policy.ts`
 * (every limit reached) beside one running the first preset, on the same server: the three public
 * pages and a submission through the JSON API, each `readConnections` × `readSeconds`, p50/p99 side by side.
 */
async function benchSlowestPolicy(entry: Entry, dialect: Dialect) {
  const policy = (await import(
    '../src/policy-admin/use-cases/import-policy.js'
  )) as typeof import('../src/policy-admin/use-cases/import-policy.js')
  const presets = (await import('../src/policy-admin/presets.js')) as typeof import('../src/policy-admin/presets.js')
  const { bodyLimit } = await import('../src/http/server.js')
  const t = await freshTarget(dialect, 'policy')
  const setup = await openBenchApp(t)
  const presetName = presets.listPresets()[0] ?? ''
  const preset = presets.readPreset(presetName)
  if (!preset) throw new Error('no seed policy preset found')
  const slowest = slowestPolicy()
  // What the admin form would send: the source, the intent and a CSRF token, URL-encoded.
  const formBytes = new URLSearchParams({ _csrf: 'x'.repeat(100), source: slowest, intent: 'save' }).toString().length
  if (formBytes > bodyLimit) throw new Error(`the slowest policy is ${formBytes} bytes as a form, over the ${bodyLimit}-byte body limit`)
  const orgs = { preset: await newOrg(setup), slowest: undefined as OrganizationRow | undefined }
  const created = await createOrganization(setup.deps, { slug: 'slowest', name: 'Slowest Policy' })
  if (!created.ok) throw new Error(`org create: ${JSON.stringify(created.error)}`)
  orgs.slowest = created.value
  for (const [org, source, file] of [
    [orgs.preset, preset.source, preset.fileName],
    [orgs.slowest, slowest, 'slowest.yaml'],
  ] as const) {
    const imported = await policy.importPolicy(setup.deps, org, source, file, null)
    if (!imported.ok) throw new Error(`policy import ${file}: ${JSON.stringify(imported.error).slice(0, 500)}`)
  }
  const server = await serve(entry, t.url, t.dataDir)
  let n = 0
  const about = { acme: await aboutFirstProgram(setup, orgs.preset), slowest: await aboutFirstProgram(setup, orgs.slowest) }
  const submission = (slug: string, i: number) =>
    JSON.stringify({
      title: `policy bench ${i}`,
      description,
      reporterEmail: `p${i}@example.net`,
      creditPreference: 'anonymous',
      ...about[slug as keyof typeof about],
    })
  const measure = async (slug: string, what: string) => {
    if (what === 'submission') {
      const url = `${server.baseUrl}/api/v1/orgs/${slug}/reports`
      const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: submission(slug, -1) })
      if (probe.status !== 201) throw new Error(`${slug} submission answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`)
      const figure = await load({
        url,
        method: 'POST',
        connections: knobs.readConnections,
        seconds: knobs.readSeconds,
        headers: { 'content-type': 'application/json' },
        body: submission(slug, -2),
        setupRequest: (request) => ({ ...request, body: submission(slug, n++) }),
      })
      return { figure, bytes: 0 }
    }
    return readFigure(`${server.baseUrl}/o/${slug}/${what}`, '')
  }
  log(`slowest policy [${dialect}]: source ${slowest.length} bytes (${formBytes} as the admin form), preset ${presetName}`)
  for (const what of ['policy', 'SECURITY.md', 'security.txt', 'submission']) {
    const a = await measure('acme', what)
    const b = await measure('slowest', what)
    const label = what === 'submission' ? 'POST /api/v1/orgs/:org/reports' : `GET /o/:org/${what}`
    const side = (f: LoadFigure) => `${ms(f.p50)} / ${ms(f.p99)} (${Math.round(f.rps)} req/s)`
    plainRow(
      `slowest policy an admin can save: ${label}, ${knobs.readConnections} conns × ${knobs.readSeconds} s`,
      dialect,
      `preset ${side(a.figure)} · slowest ${side(b.figure)}`,
      `p50 / p99; slowest/preset p50 ratio ${(b.figure.p50 / Math.max(a.figure.p50, 1)).toFixed(1)}×; bytes ${a.bytes} vs ${b.bytes}; non-2xx ${a.figure.non2xx} vs ${b.figure.non2xx}; preset ${presetName}, slowest policy ${slowest.length} bytes`,
      { preset: a, slowest: b, presetName, sourceBytes: slowest.length, formBytes },
    )
  }
  await stopApp(server)
  await setup.close()
  await t.drop()
}

function clockSweepStatus(): string {
  const dir = path.join(repoRoot, 'src/storage/migrations')
  const text = fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n')
  const jobs = fs.existsSync(path.join(repoRoot, 'src/jobs')) ? fs.readdirSync(path.join(repoRoot, 'src/jobs')) : []
  if (!/due_at|clock/i.test(text)) {
    return `not yet measurable: no clock due-date columns in storage (migrations) and no scheduler in src/jobs (${jobs.length} files); src/domain/clock computes clocks but nothing stores or sweeps them`
  }
  return 'clock due-date columns exist in storage (the clock engine is landing concurrently)'
}

interface SoakFigure {
  figure: 'soak'
  dialect: Dialect
  minutes: number
  requests: number
  errors: number
  growth: number
}

/** Sends SIGUSR2 to a server started with `--heapsnapshot-signal=SIGUSR2` and waits for the file it writes. */
async function heapSnapshot(app: RunningApp, dir: string): Promise<string> {
  const before = new Set(fs.readdirSync(dir))
  process.kill(app.pid, 'SIGUSR2')
  const deadline = performance.now() + 600_000
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const written = fs.readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f))
    if (!written) continue
    // The server writes the snapshot on its main thread: once it answers again, the file is whole.
    try {
      const res = await fetch(`${app.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.ok) return path.join(dir, written)
    } catch {
      // still writing
    }
  }
  throw new Error('no heap snapshot within 10 minutes')
}

/**
 * The soak: `knobs.soakMinutes` of mixed traffic (bench/lib/mixed-traffic.ts) against one server,
 * its RSS sampled every 5 s, a heap snapshot halfway through the warm-up and one at the end (both
 * while the traffic runs), and what grew between them by kind of object. The target: RSS growth after
 * warm-up ≤ 10 %, and nothing in the heap that grows with requests.
 */
async function benchSoak(entry: Entry, dialect: Dialect) {
  const t = await freshTarget(dialect, 'soak')
  const app = await openBenchApp(t)
  const soak = await seedSoakOrg(app.deps)
  const heapDir = path.join(t.dataDir, 'heap')
  fs.mkdirSync(heapDir, { recursive: true })
  const server = await startApp(entry, appEnv({ databaseUrl: t.url, dataDir: t.dataDir }), {
    nodeArgs: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${heapDir}`],
  })
  children.add(server)
  const samples: Array<{ at: number; rss: number; fds: number }> = []
  const sample = () => samples.push({ at: performance.now(), rss: rssOf(server.pid), fds: fdCountOf(server.pid) })
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
  const lastRss = () => median(samples.slice(-3).map((x) => x.rss))
  sample()
  const sampler = setInterval(sample, 5000)
  let stop = false
  const started = performance.now()
  const traffic = runMixedTraffic(server.baseUrl, soak, { clients: knobs.soakClients, until: () => stop })
  const until = async (ms: number) => {
    while (performance.now() - started < ms) await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  try {
    // The first snapshot halfway through the warm-up, the RSS baseline at its end: writing a snapshot
    // takes memory (hundreds of MB of native allocations) that the allocator keeps for a while, so a
    // baseline taken before it and compared with one after would count the snapshot as growth.
    await until((knobs.soakWarmupSeconds * 1000) / 2)
    const beforeSnapshotRss = lastRss()
    log(`soak ${dialect}: first heap snapshot, RSS ${(beforeSnapshotRss / 2 ** 20).toFixed(0)} MB`)
    const first = await heapSnapshot(server, heapDir)
    await until(knobs.soakWarmupSeconds * 1000)
    const warmRss = lastRss()
    log(`soak ${dialect}: warm-up over, RSS ${(warmRss / 2 ** 20).toFixed(0)} MB`)
    await until(knobs.soakMinutes * 60_000)
    const endRss = lastRss()
    log(`soak ${dialect}: ${knobs.soakMinutes} min over, RSS ${(endRss / 2 ** 20).toFixed(0)} MB; last heap snapshot`)
    const last = await heapSnapshot(server, heapDir)
    stop = true
    const outcome = await traffic
    clearInterval(sampler)
    const before = summarizeHeap(first)
    const after = summarizeHeap(last)
    const { grew, shrank } = diffHeaps(before, after, 12)
    const growth = (endRss - warmRss) / warmRss
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`
    const p99 = outcome.latencies[Math.floor(outcome.latencies.length * 0.99)] ?? Number.NaN
    const p50 = outcome.latencies[Math.floor(outcome.latencies.length * 0.5)] ?? Number.NaN
    const reports = await countRows(app, 'report')
    const value = `RSS ${mb(samples[0]?.rss ?? 0)} at start, ${mb(beforeSnapshotRss)} before the first heap snapshot, ${mb(warmRss)} after warm-up (with it), ${mb(endRss)} at the end: ${growth >= 0 ? '+' : '−'}${mb(Math.abs(endRss - warmRss))}, ${(100 * growth).toFixed(1)} %; JS heap ${mb(before.bytes)} → ${mb(after.bytes)}`
    const note = `${knobs.soakMinutes} min, ${knobs.soakClients} clients, ${outcome.total} requests (${JSON.stringify(outcome.counts)}), ${outcome.errorCount} errors${outcome.errors.length > 0 ? ` (first: ${outcome.errors.slice(0, 3).join('; ')})` : ''}; client p50 ${ms(p50)}, p99 ${ms(p99)}; peak RSS ${mb(Math.max(...samples.map((x) => x.rss)))}; fds ${samples[0]?.fds} → ${samples.at(-1)?.fds}; ${reports} reports stored (60 seeded + ${outcome.counts.submit} submitted)`
    rows.push({
      figure: 'soak: mixed traffic, RSS after warm-up',
      dialect,
      value,
      p50: ms(p50),
      p99: ms(p99),
      ceiling: '–',
      ratio: '–',
      notes: note,
    })
    const figure: SoakFigure & Record<string, unknown> = {
      figure: 'soak',
      dialect,
      minutes: knobs.soakMinutes,
      requests: outcome.total,
      errors: outcome.errorCount,
      growth,
      counts: outcome.counts,
      rss: {
        start: samples[0]?.rss,
        beforeSnapshot: beforeSnapshotRss,
        warm: warmRss,
        end: endRss,
        samples: samples.map((x) => [Math.round((x.at - started) / 1000), x.rss]),
      },
      heap: { before: { bytes: before.bytes, nodes: before.nodes }, after: { bytes: after.bytes, nodes: after.nodes }, grew, shrank },
      reports,
    }
    figures.push(figure)
    const report = [
      `## Soak on ${dialect}`,
      '',
      value,
      '',
      note,
      '',
      `Heap snapshots: ${mb(before.fileBytes)} file, ${before.nodes} nodes, ${mb(before.bytes)} after warm-up; ${mb(after.fileBytes)} file, ${after.nodes} nodes, ${mb(after.bytes)} at the end.`,
      '',
      '### Grew most',
      '',
      heapChangeTable(grew),
      '',
      '### Shrank most',
      '',
      heapChangeTable(shrank),
      '',
    ].join('\n')
    fs.mkdirSync(path.join(repoRoot, 'bench/results'), { recursive: true })
    fs.writeFileSync(path.join(repoRoot, 'bench/results', `soak-${dialect}.md`), report)
    log(`soak ${dialect}: ${value}; written bench/results/soak-${dialect}.md`)
  } finally {
    stop = true
    clearInterval(sampler)
    await traffic.catch(() => undefined)
    await stopApp(server)
    await app.close()
    await t.drop()
  }
}

async function machineFacts(): Promise<Record<string, unknown>> {
  const cpus = os.cpus()
  const sqlite = new SQLite(':memory:')
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v
  sqlite.close()
  let postgresVersion: string | null = null
  if (pgServer) {
    const client = new pg.Client({ connectionString: pgServer.adminUrl })
    await client.connect()
    postgresVersion = String((await client.query('show server_version')).rows[0]?.server_version)
    await client.end()
  }
  return {
    cpuModel: cpus[0]?.model,
    cpuCount: cpus.length,
    ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    sqlite: sqliteVersion,
    sqliteSettings: 'WAL, synchronous=FULL (what the app enforces)',
    postgres: postgresVersion,
    postgresOrigin: pgServer?.origin ?? pgSkip,
    loadAverageAtStart: os.loadavg(),
  }
}

// ---------- main -------------------------------------------------------------------------------
async function main() {
  let entry: Entry = 'dist'
  try {
    log('building dist/ (npm run build)')
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(repoRoot, 'tsconfig.build.json')],
      { cwd: repoRoot, stdio: 'inherit' },
    )
  } catch {
    notes.push('the production build failed; the server ran from the sources through tsx (slower start-up)')
  }
  if (!distAvailable()) entry = 'tsx'

  if (knobs.dialects.includes('postgres')) {
    const found = await findOrStartPostgres()
    if ('skip' in found) {
      pgSkip = found.skip
      notes.push(`PostgreSQL figures SKIPPED: ${found.skip}`)
      log(`PostgreSQL SKIPPED: ${found.skip}`)
    } else {
      pgServer = found
      cleanups.push(() => found.stop())
      log(`PostgreSQL: ${found.origin}`)
    }
  }
  const dialects = knobs.dialects.filter((d) => d === 'sqlite' || pgServer)
  const machine = await machineFacts()
  log(`machine: ${JSON.stringify(machine)}`)
  const ceiling = await startCeiling()

  const timings: Record<string, number> = {}
  const failures: string[] = []
  // A phase that fails is reported and the run goes on: the other phases' figures still print.
  const timed = async (name: string, fn: () => Promise<void>) => {
    const s = performance.now()
    try {
      await fn()
    } catch (error) {
      failures.push(`${name}: ${String(error).slice(0, 500)}`)
      log(`FAILED ${name}: ${String(error).slice(0, 500)}`)
    }
    timings[name] = Math.round((performance.now() - s) / 1000)
  }
  const runs = (phase: string) => knobs.phases.includes(phase)
  if (runs('startup')) {
    for (const d of dialects) await timed(`startup ${d}`, () => benchStartup(entry, d))
    if (entry === 'dist') await timed('startup tsx', () => benchStartup('tsx', 'sqlite'))
  }
  if (runs('commit')) for (const d of dialects) await timed(`commit ceiling ${d}`, () => benchCommitCeiling(d))
  if (runs('intake'))
    for (const d of dialects)
      for (const orgCount of knobs.intakeOrgs) await timed(`intake ${d} ×${orgCount}`, () => benchIntake(entry, d, ceiling, orgCount))
  if (runs('reads')) for (const d of dialects) await timed(`reads ${d}`, () => benchReads(entry, d, ceiling))
  if (runs('sweep')) for (const d of dialects) await timed(`clock sweep ${d}`, () => benchClockSweep(d))
  if (runs('policy')) for (const d of dialects) await timed(`slowest policy ${d}`, () => benchSlowestPolicy(entry, d))
  // Both databases at once: half an hour each would otherwise be an hour (the figure is memory, not speed).
  if (runs('soak')) await timed('soak', async () => void (await Promise.all(dialects.map((d) => benchSoak(entry, d)))))
  notes.push(
    'queue sort "what falls due" (sort=due) is measured only when the schema has report.next_due_at (the clock engine landed during this work); the seeder then gives open reports a due time (next_due_at = wake_at) spread over the 30 days after a moment one year ahead, which the scheduler\'s finder is timed against, one minute in',
    'queue and report-page latency: autocannon, client-observed on loopback with few connections (≈ server time plus ~0.1 ms of loopback), signed-in session cookie',
  )
  await ceiling.stop()

  printTable()
  printTargets()
  for (const f of failures) process.stdout.write(`PHASE FAILED: ${f}\n`)
  if (failures.length > 0) process.exitCode = 1
  for (const n of notes) process.stdout.write(`note: ${n}\n`)
  const result = {
    when: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: os.loadavg() },
    server: entry === 'dist' ? 'node dist/cli/index.js serve (production build)' : 'node --import tsx src/cli/index.ts serve',
    knobs,
    figures,
    notes,
    phaseSeconds: timings,
    failures,
    totalSeconds: Math.round((performance.now() - t0) / 1000),
  }
  fs.mkdirSync(path.join(repoRoot, 'bench/results'), { recursive: true })
  fs.writeFileSync(path.join(repoRoot, 'bench/results', knobs.output), `${JSON.stringify(result, null, 2)}\n`)
  process.stdout.write(`\nwritten bench/results/${knobs.output} (total ${result.totalSeconds} s)\n`)
}

try {
  await main()
} finally {
  for (const c of [...children]) await c.kill()
  for (const cleanup of cleanups.reverse()) await cleanup()
}
