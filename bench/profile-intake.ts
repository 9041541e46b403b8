/**
 * Intake in-process, without HTTP: `submitReport` N times, C at a time, against a fresh database,
 * counting the SQL statements each submission runs (by shape). Run it under `node --cpu-prof` to
 * see where a submission's CPU goes (`bench/README.md`, "Intake profile").
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-intake.ts [sqlite|postgres] [N=2000] [C=50]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createOrganization } from '../src/admin/use-cases/create-organization.js'
import { openApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { submitReport } from '../src/intake/use-cases/submit-report.js'
import { appEnv, benchMasterKey } from './lib/app-process.js'
import { findOrStartPostgres } from './lib/pg-cluster.js'

const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite'
const N = Number(process.argv[3] ?? 2000)
const C = Number(process.argv[4] ?? 50)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-prof-'))
let stop = (): void => {}
let url = `sqlite:${path.join(dir, 'embargo.db')}`
if (dialect === 'postgres') {
  const pg = await findOrStartPostgres()
  if ('skip' in pg) throw new Error(pg.skip)
  url = await pg.createDatabase(`embargo_prof_${process.pid}`)
  stop = () => pg.stop()
}
const app = await openApp(
  loadConfig({ ...appEnv({ databaseUrl: url, dataDir: dir }), EMBARGO_LOG_LEVEL: 'warn', EMBARGO_MASTER_KEY: benchMasterKey }),
)
const created = await createOrganization(app.deps, { slug: 'acme', name: 'ACME Corp' })
if (!created.ok) throw new Error('org')
const org = created.value
const description = `## Summary\n\nThe \`q\` parameter of /search is concatenated into SQL.\n\n${'Steps and details that make a typical report about two kilobytes long. '.repeat(20)}`
const submit = (i: number) =>
  submitReport(
    app.deps,
    org,
    {
      title: `bench ${i}`,
      description,
      steps: '1. Open /search\n2. Type a quote',
      impact: 'All customer rows readable',
      affectedVersion: '4.2.0',
      reporterName: 'Load Test',
      reporterEmail: `load${i}@example.net`,
      creditPreference: 'name',
    },
    'api',
  )

// Count statements of one submission, alone, by wrapping the driver's connection.
const shapes: string[] = []
const executor = app.deps.db.getExecutor() as unknown as { provideConnection: (fn: (c: unknown) => Promise<unknown>) => Promise<unknown> }
const original = executor.provideConnection.bind(executor)
const wrapped = new WeakMap<object, (q: { sql: string }) => Promise<unknown>>()
let counting = true
/** Synchronous time in the driver by statement shape (on SQLite: the statement's whole execution, the commit's fsync included). */
const timeByShape = new Map<string, { ms: number; n: number }>()
executor.provideConnection = (fn) =>
  original((c) => {
    const conn = c as { executeQuery: (q: { sql: string }) => Promise<unknown> }
    if (!wrapped.has(conn)) {
      const exec = conn.executeQuery.bind(conn)
      wrapped.set(conn, exec)
      conn.executeQuery = (q) => {
        const shape = q.sql.replace(/\s+/g, ' ').slice(0, 70)
        if (counting) shapes.push(shape)
        const s = performance.now()
        const result = exec(q)
        const spent = timeByShape.get(shape) ?? { ms: 0, n: 0 }
        spent.ms += performance.now() - s
        spent.n += 1
        timeByShape.set(shape, spent)
        return result
      }
    }
    return fn(conn)
  })
await submit(-1)
shapes.length = 0
await submit(-2)
process.stderr.write(`one submission, alone: ${shapes.length} statements\n${shapes.map((s) => `  ${s}`).join('\n')}\n`)
counting = false
timeByShape.clear()

const started = performance.now()
let next = 0
await Promise.all(
  Array.from({ length: C }, async () => {
    while (next < N) {
      const i = next++
      const r = await submit(i)
      if (!r.ok) throw new Error(JSON.stringify(r.error))
    }
  }),
)
const seconds = (performance.now() - started) / 1000
process.stdout.write(
  `${dialect}: ${N} submissions, ${C} at a time, in ${seconds.toFixed(2)} s = ${Math.round(N / seconds)} subm/s (load ${os.loadavg()[0]?.toFixed(1)})\n`,
)
if (dialect === 'sqlite') {
  const rowsOut = [...timeByShape].sort((a, b) => b[1].ms - a[1].ms)
  const all = rowsOut.reduce((t, [, v]) => t + v.ms, 0)
  process.stdout.write(
    `driver time ${Math.round(all)} ms = ${((1000 * all) / N).toFixed(0)} µs per submission; by statement (total ms, calls):\n`,
  )
  for (const [shape, v] of rowsOut.slice(0, 20))
    process.stdout.write(`  ${Math.round(v.ms).toString().padStart(6)} ms ${String(v.n).padStart(6)}  ${shape}\n`)
}
await app.close()
stop()
fs.rmSync(dir, { recursive: true, force: true })
