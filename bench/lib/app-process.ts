/**
 * Runs `embargo serve` as a child process (the way operators run it), on a free loopback port,
 * and tells when it first answers. Used by `npm run bench` and by the crash and soak tests,
 * which need a server they can SIGKILL and whose memory they can sample from outside.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../../test/support/pg-cluster.js'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** How the CLI is started: the production build (`dist/`, from `npm run build`) or the sources through tsx. */
export type Entry = 'dist' | 'tsx'

export function cliCommand(entry: Entry): string[] {
  // `BENCH_SERVER_CPU_PROF=<dir>`: every process started here writes a V8 CPU profile there when it exits (not allowed in NODE_OPTIONS).
  const profile = process.env.BENCH_SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_CPU_PROF}`] : []
  return entry === 'dist'
    ? [...profile, path.join(repoRoot, 'dist/cli/index.js')]
    : [...profile, '--import', 'tsx', path.join(repoRoot, 'src/cli/index.ts')]
}

export const distAvailable = (): boolean => fs.existsSync(path.join(repoRoot, 'dist/cli/index.js'))

/** A fixed master key: every process of one run (seeder, server, checker) must share it. */
export const benchMasterKey = Buffer.alloc(32, 42).toString('base64')

export interface AppEnvOptions {
  databaseUrl: string
  dataDir: string
  port?: number
  logLevel?: string
}

/** The environment for a load run: rate limit and bot-trap off, quiet logs, a fixed key. */
export function appEnv(o: AppEnvOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    EMBARGO_DATABASE_URL: o.databaseUrl,
    EMBARGO_DATA_DIR: o.dataDir,
    EMBARGO_MASTER_KEY: benchMasterKey,
    EMBARGO_HOST: '127.0.0.1',
    EMBARGO_PORT: String(o.port ?? 0),
    EMBARGO_LOG_LEVEL: o.logLevel ?? 'warn',
    EMBARGO_INTAKE_RATE_LIMIT: '100000000',
    EMBARGO_FORM_MIN_SECONDS: '0',
  }
}

export { freePort }

export interface RunningApp {
  child: ChildProcess
  pid: number
  port: number
  baseUrl: string
  /** Milliseconds from spawning `node` to the first 200 from `/healthz`. */
  startupMs: number
  /** Everything the child wrote, for error messages. */
  output(): string
  /** SIGKILL, no goodbye: what a crash or the OOM killer does. */
  kill(): Promise<void>
  /** SIGTERM and wait for a clean exit (falls back to SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs a CLI command (`org create …`) to completion; throws with its output if it fails. */
export function runCli(entry: Entry, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliCommand(entry), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`embargo ${args.join(' ')} exited ${code}:\n${out}`))))
  })
}

/** Starts `embargo serve` and waits until `/healthz` answers 200 (or `timeoutMs` passes). */
export async function startApp(
  entry: Entry,
  env: NodeJS.ProcessEnv,
  {
    timeoutMs = 30_000,
    port,
    nodeArgs = [],
  }: { timeoutMs?: number; port?: number /** Options for node itself, e.g. `--heapsnapshot-signal=SIGUSR2`. */; nodeArgs?: string[] } = {},
): Promise<RunningApp> {
  const chosen = port ?? (await freePort())
  const started = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, ...cliCommand(entry), 'serve'], {
    cwd: repoRoot,
    env: { ...env, EMBARGO_PORT: String(chosen) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (d: Buffer) => {
    output += d.toString('utf8')
    if (output.length > 200_000) output = output.slice(-100_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let exited: number | null | undefined
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? -1 : null)
      resolve()
    })
  })
  const baseUrl = `http://127.0.0.1:${chosen}`
  let startupMs = Number.NaN
  for (;;) {
    if (exited !== undefined) throw new Error(`embargo serve exited (${exited}) before answering:\n${output}`)
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL')
      throw new Error(`embargo serve did not answer within ${timeoutMs} ms:\n${output}`)
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      if (res.status === 200) {
        startupMs = performance.now() - started
        break
      }
    } catch {
      // not listening yet
    }
    await sleep(5)
  }
  const pid = child.pid
  if (pid === undefined) throw new Error('no pid')
  return {
    child,
    pid,
    port: chosen,
    baseUrl,
    startupMs,
    output: () => output,
    kill: async () => {
      if (exited === undefined) child.kill('SIGKILL')
      await exit
    },
    stop: async (graceMs = 10_000) => {
      if (exited === undefined) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exit
      clearTimeout(timer)
    },
  }
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
  return kb ? Number(kb) * 1024 : Number.NaN
}

/** Open file descriptors of a process (Linux). */
export const fdCountOf = (pid: number): number => fs.readdirSync(`/proc/${pid}/fd`).length
