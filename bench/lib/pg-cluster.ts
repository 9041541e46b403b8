/**
 * PostgreSQL for the bench: the server in `EMBARGO_BENCH_PG_URL` (a role that may CREATE DATABASE),
 * else a throwaway cluster started like `test/support/global-setup.ts` does (initdb in a temp
 * folder, loopback only, fsync on), else nothing and the PostgreSQL rows are skipped with a reason.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from './app-process.js'

const PG_ROOT = '/usr/lib/postgresql'

export interface PgServer {
  adminUrl: string
  origin: string
  /** A new empty database on the server; returns its URL. */
  createDatabase(name: string): Promise<string>
  dropDatabase(name: string): Promise<void>
  stop(): void
}

function findBin(): string | undefined {
  if (!fs.existsSync(PG_ROOT)) return undefined
  return fs
    .readdirSync(PG_ROOT)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(PG_ROOT, v, 'bin'))
    .find((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl')))
}

function run(command: string, args: string[], asPostgres: boolean): { status: number | null; output: string } {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  const r = spawnSync(file, argv, { encoding: 'utf8', cwd: os.tmpdir() })
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

function server(adminUrl: string, origin: string, stop: () => void): PgServer {
  return {
    adminUrl,
    origin,
    async createDatabase(name) {
      await admin(adminUrl, `create database ${name}`)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return url.href
    },
    async dropDatabase(name) {
      await admin(adminUrl, `drop database if exists ${name} with (force)`)
    },
    stop,
  }
}

/** The PostgreSQL server to bench against, or the reason there is none. */
export async function findOrStartPostgres(): Promise<PgServer | { skip: string }> {
  const given = process.env.EMBARGO_BENCH_PG_URL
  if (given) return server(given, 'EMBARGO_BENCH_PG_URL', () => {})
  const bin = findBin()
  if (!bin) return { skip: `EMBARGO_BENCH_PG_URL is not set and no PostgreSQL is installed under ${PG_ROOT} (apt-get install postgresql)` }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-bench-pg-'))
  const asRoot = process.getuid?.() === 0
  const password = crypto.randomBytes(18).toString('base64url')
  fs.writeFileSync(path.join(root, 'pwfile'), `${password}\n`, { mode: 0o600 })
  if (asRoot) run('chown', ['-R', 'postgres:postgres', root], false)
  const data = path.join(root, 'data')
  const init = run(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'embargo', '-A', 'scram-sha-256', `--pwfile=${path.join(root, 'pwfile')}`, '-E', 'UTF8', '--locale=C', '--no-sync'],
    asRoot,
  )
  if (init.status !== 0) return { skip: `initdb failed: ${init.output.slice(-500)}` }
  const port = await freePort()
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-p ${port}`,
    `-k ${root}`,
    '-c fsync=on',
    '-c synchronous_commit=on',
    '-c full_page_writes=on',
    '-c max_connections=200',
    '-c shared_buffers=512MB',
  ].join(' ')
  const started = run(
    path.join(bin, 'pg_ctl'),
    ['-D', data, '-l', path.join(root, 'pg.log'), '-w', '-t', '60', '-o', options, 'start'],
    asRoot,
  )
  if (started.status !== 0) return { skip: `pg_ctl start failed: ${started.output.slice(-500)}` }
  const stop = () => {
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], asRoot)
    fs.rmSync(root, { recursive: true, force: true })
  }
  process.once('exit', stop)
  return server(`postgres://embargo:${password}@127.0.0.1:${port}/postgres`, `throwaway cluster (${bin})`, () => {
    process.off('exit', stop)
    stop()
  })
}
