/**
 * A throwaway PostgreSQL cluster on loopback, for the tests (global-setup.ts) and the bench
 * (bench/lib/pg-cluster.ts): initdb into a temp folder (as the `postgres` user when we are root,
 * since initdb refuses root), a random password, durability settings on, a free port.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const PG_ROOT = '/usr/lib/postgresql'

/** The newest installed PostgreSQL's bin folder. */
export function findPostgresBin(): string | undefined {
  if (!fs.existsSync(PG_ROOT)) return undefined
  return fs
    .readdirSync(PG_ROOT)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(PG_ROOT, version, 'bin'))
    .find((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl')))
}

export interface Cluster {
  /** Admin URL (role `embargo`, database `postgres`). */
  url: string
  port: number
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): void
}

/**
 * Starts a cluster and returns its admin URL. Durability stays on (fsync, synchronous_commit,
 * full_page_writes): Embargo refuses to open a PostgreSQL without them. Throws with initdb's or
 * pg_ctl's output (and the server log) when it cannot start.
 */
export async function startCluster(bin: string, options: { folderPrefix: string; settings?: string[] }): Promise<Cluster> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), options.folderPrefix))
  const data = path.join(root, 'data')
  const log = path.join(root, 'postgres.log')
  const password = crypto.randomBytes(18).toString('base64url')
  fs.writeFileSync(path.join(root, 'pwfile'), `${password}\n`, { mode: 0o600 })
  const asRoot = process.getuid?.() === 0
  const removeFolder = () => fs.rmSync(root, { recursive: true, force: true })
  try {
    if (asRoot) run('chown', ['-R', 'postgres:postgres', root])
    const pgRun = (tool: string, args: string[], check = true) => run(path.join(bin, tool), args, asRoot, { check })
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
      const settings = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-k ${root}`,
        '-c fsync=on',
        '-c synchronous_commit=on',
        '-c full_page_writes=on',
        '-c max_connections=200',
        ...(options.settings ?? []),
      ].join(' ')
      const result = pgRun('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', settings, 'start'], false)
      if (result.status === 0) break
      // The port may have been taken between finding it free and binding it: try another.
      if (attempt === 3) throw new Error(`pg_ctl start failed:\n${result.output}\n${tail(log)}`)
    }
    let stopped = false
    return {
      url: `postgres://embargo:${password}@127.0.0.1:${port}/postgres`,
      port,
      stop: () => {
        if (stopped) return
        stopped = true
        const result = pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], false)
        if (result.status !== 0) process.stderr.write(`pg_ctl stop failed:\n${result.output}\n`)
        removeFolder()
      },
    }
  } catch (error) {
    removeFolder()
    throw error
  }
}

export function freePort(): Promise<number> {
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
