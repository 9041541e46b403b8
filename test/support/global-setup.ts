/**
 * Runs once per `vitest run`, before any test file: finds or starts a PostgreSQL server and finds
 * Chromium, then hands both to the test files (`project.provide`, read with `inject` in
 * `environment.ts`).
 *
 * PostgreSQL, in order:
 *   1. `EMBARGO_TEST_PG_URL`: a server you run; the role must be allowed to CREATE DATABASE.
 *   2. PostgreSQL's server binaries (`/usr/lib/postgresql/<version>/bin`): a throwaway cluster in a
 *      temp folder, on a free loopback port, with a random password, stopped and deleted at the end.
 *      As root it runs as the `postgres` system user (initdb refuses root).
 *   3. Neither (or `EMBARGO_TEST_PG=off`): PostgreSQL variants are skipped with a loud warning,
 *      except when CI=true, where the run fails: CI must prove both dialects.
 * Durability stays on (fsync, synchronous_commit, full_page_writes): the app refuses anything less.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import type {} from './environment.js'

const CI = process.env.CI === 'true'
const PG_ROOT = '/usr/lib/postgresql'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const warnings: string[] = []
  const cleanups: Array<() => void> = []
  const runCleanups = () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  }
  // If vitest exits without calling the teardown (a crash, Ctrl-C), still stop the cluster.
  process.once('exit', runCleanups)
  try {
    await prepare(project, warnings, cleanups)
  } catch (error) {
    runCleanups()
    throw error
  }
  shout(warnings)
  return async () => {
    runCleanups()
    process.off('exit', runCleanups)
    shout(warnings) // again, so it is next to the summary
  }
}

async function prepare(project: TestProject, warnings: string[], cleanups: Array<() => void>): Promise<void> {
  const postgres = await findPostgres(cleanups)
  if ('reason' in postgres) {
    if (CI) throw new Error(`CI=true but PostgreSQL tests cannot run: ${postgres.reason}`)
    warnings.push(`PostgreSQL tests are SKIPPED: ${postgres.reason}`)
  }
  project.provide('pgAdminUrl', 'url' in postgres ? postgres.url : null)
  project.provide('pgSkipReason', 'reason' in postgres ? postgres.reason : null)

  const chromium = findChromium()
  if ('reason' in chromium) {
    if (CI) throw new Error(`CI=true but browser tests cannot run: ${chromium.reason}`)
    warnings.push(`Browser tests are SKIPPED: ${chromium.reason}`)
  }
  project.provide('chromiumPath', 'path' in chromium ? chromium.path : null)
  project.provide('chromiumSkipReason', 'reason' in chromium ? chromium.reason : null)
}

type Found = { url: string } | { reason: string }

async function findPostgres(cleanups: Array<() => void>): Promise<Found> {
  const given = process.env.EMBARGO_TEST_PG_URL
  if (given) {
    await checkConnects(given, 'EMBARGO_TEST_PG_URL')
    return { url: given }
  }
  if (process.env.EMBARGO_TEST_PG === 'off') return { reason: 'EMBARGO_TEST_PG=off' }
  const bin = findPostgresBin()
  if (!bin) {
    return {
      reason: `EMBARGO_TEST_PG_URL is not set and no PostgreSQL server is installed (${PG_ROOT}/*/bin/initdb); apt-get install postgresql`,
    }
  }
  return { url: await startCluster(bin, cleanups) }
}

/** The newest installed PostgreSQL's bin folder. */
function findPostgresBin(): string | undefined {
  if (!fs.existsSync(PG_ROOT)) return undefined
  return fs
    .readdirSync(PG_ROOT)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(PG_ROOT, version, 'bin'))
    .find((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl')))
}

async function startCluster(bin: string, cleanups: Array<() => void>): Promise<string> {
  const started = Date.now()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-pg-'))
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }))
  const data = path.join(root, 'data')
  const log = path.join(root, 'postgres.log')
  const password = crypto.randomBytes(18).toString('base64url')
  fs.writeFileSync(path.join(root, 'pwfile'), `${password}\n`, { mode: 0o600 })
  const asRoot = process.getuid?.() === 0
  if (asRoot) run('chown', ['-R', 'postgres:postgres', root])

  const pgRun = (tool: string, args: string[], options?: { check: boolean }) => run(path.join(bin, tool), args, asRoot, options)
  pgRun('initdb', [
    '-D',
    data,
    '-U',
    'embargo',
    '-A',
    'scram-sha-256',
    `--pwfile=${path.join(root, 'pwfile')}`,
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ])

  let port = 0
  for (let attempt = 1; ; attempt++) {
    port = await freePort()
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${root}`,
      '-c fsync=on',
      '-c synchronous_commit=on',
      '-c full_page_writes=on',
      '-c max_connections=200',
    ].join(' ')
    const result = pgRun('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'], { check: false })
    if (result.status === 0) break
    // The port may have been taken between finding it free and binding it: try another.
    if (attempt === 3) throw new Error(`pg_ctl start failed:\n${result.output}\n${tail(log)}`)
  }
  cleanups.push(() => {
    const stopped = pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], { check: false })
    if (stopped.status !== 0) process.stderr.write(`pg_ctl stop failed:\n${stopped.output}\n`)
  })

  const url = `postgres://embargo:${password}@127.0.0.1:${port}/postgres`
  await checkConnects(url, 'the test cluster')
  process.stderr.write(`PostgreSQL test cluster (${bin}) on 127.0.0.1:${port}, started in ${Date.now() - started} ms\n`)
  return url
}

async function checkConnects(url: string, what: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new Error(`Cannot connect to ${what}: ${(error as Error).message}`)
  } finally {
    await client.end().catch(() => {})
  }
}

function findChromium(): { path: string } | { reason: string } {
  const file = process.env.EMBARGO_TEST_CHROMIUM ?? '/usr/bin/chromium'
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return { path: file }
  } catch {
    return { reason: `no executable Chromium at ${file}; apt-get install chromium` }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

interface RunResult {
  status: number | null
  output: string
}

/** Runs a command, as the `postgres` system user when `asPostgres`; throws on failure unless told not to. */
function run(command: string, args: string[], asPostgres = false, { check = true } = {}): RunResult {
  let [file, argv] = [command, args]
  if (asPostgres) {
    if (fs.existsSync('/usr/sbin/runuser') || fs.existsSync('/sbin/runuser'))
      [file, argv] = ['runuser', ['-u', 'postgres', '--', command, ...args]]
    else [file, argv] = ['su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')]]
  }
  const result = spawnSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
  if (check && result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (${result.status}):\n${output}`)
  return { status: result.status, output }
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')
  } catch {
    return ''
  }
}

function shout(warnings: string[]): void {
  if (warnings.length === 0) return
  const bar = '!'.repeat(100)
  const lines = [bar, ...warnings.map((w) => `!!! ${w}`), bar]
  const text = process.stderr.isTTY ? `\x1b[1;33m${lines.join('\n')}\x1b[0m` : lines.join('\n')
  process.stderr.write(`\n${text}\n\n`)
}
