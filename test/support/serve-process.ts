/**
 * `embargo serve --role …` in another operating-system process, for tests of many processes on
 * one database and of graceful shutdown. The child runs the CLI's own `serve` and `stopOnSignals`
 * (src/cli/serve.ts) — the same code as `embargo serve` — with two things only a test needs: a
 * clock every process shares, read from a file the test moves (`ClockFile`), and short waits of
 * the timed jobs so a moved clock is noticed within a second. Configuration is the environment,
 * as in production.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServeRole } from '../../src/config.js'

const here = fileURLToPath(import.meta.url)
const repoRoot = path.resolve(path.dirname(here), '../..')

/** The instant all processes of a test read as "now"; `set` moves it for all of them. */
export interface ClockFile {
  path: string
  now(): Date
  set(at: Date): void
  advance(ms: number): void
}

export function clockFile(at: Date): ClockFile {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-clock-')), 'now')
  const clock: ClockFile = {
    path: file,
    now: () => new Date(fs.readFileSync(file, 'utf8').trim()),
    set: (to) => {
      // Written whole, then renamed: a reader never sees half an instant.
      fs.writeFileSync(`${file}.next`, to.toISOString())
      fs.renameSync(`${file}.next`, file)
    },
    advance: (ms) => clock.set(new Date(clock.now().getTime() + ms)),
  }
  clock.set(at)
  return clock
}

/** Reads the clock file at most every 20 ms (the instant it holds; time does not run between moves). */
function readingClock(file: string): () => Date {
  let cached = 0
  let readAt = 0
  return () => {
    const t = Date.now()
    if (t - readAt > 20) {
      cached = Date.parse(fs.readFileSync(file, 'utf8').trim())
      readAt = t
    }
    return new Date(cached)
  }
}

export interface ServeProcess {
  role: ServeRole
  pid: number
  baseUrl: string
  smtpPort: number | null
  /** Everything the child wrote so far. */
  output(): string
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>
  /** SIGKILL: no goodbye, as a crash or the OOM killer. */
  kill(): Promise<void>
  /** SIGTERM; resolves with the exit code. */
  terminate(): Promise<number | null>
}

/**
 * Starts one process with `env` (EMBARGO_* settings; the HTTP and SMTP ports are chosen here) and
 * waits until it says it serves.
 */
export async function startServeProcess(role: ServeRole, env: NodeJS.ProcessEnv, clock: ClockFile): Promise<ServeProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', here], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env,
      EMBARGO_PORT: '0',
      EMBARGO_TEST_SERVE_CHILD: '1',
      EMBARGO_TEST_ROLE: role,
      EMBARGO_TEST_CLOCK_FILE: clock.path,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (d: Buffer) => {
    output += d.toString('utf8')
    if (output.length > 400_000) output = output.slice(-200_000)
  }
  child.stderr.on('data', keep)
  let code: number | null | undefined
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (c) => {
      code = c
      resolve(c)
    }),
  )
  const serving = await new Promise<{ port: number; smtp: number | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${role} process did not start in 150 s:\n${output.slice(-3000)}`)), 150_000)
    child.stdout.on('data', (d: Buffer) => {
      keep(d)
      const m = /^serving (\d+) (\d+|-)$/m.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve({ port: Number(m[1]), smtp: m[2] === '-' ? null : Number(m[2]) })
      }
    })
    void exited.then((c) => {
      clearTimeout(timer)
      reject(new Error(`the ${role} process exited (${c}) before serving:\n${output.slice(-3000)}`))
    })
  })
  const pid = child.pid as number
  return {
    role,
    pid,
    baseUrl: `http://127.0.0.1:${serving.port}`,
    smtpPort: serving.smtp,
    output: () => output,
    exited,
    async kill() {
      if (code === undefined) child.kill('SIGKILL')
      await exited
    },
    async terminate() {
      if (code === undefined) child.kill('SIGTERM')
      return exited
    },
  }
}

if (process.env.EMBARGO_TEST_SERVE_CHILD === '1') {
  const { loadConfig } = await import('../../src/config.js')
  const { serve, stopOnSignals } = await import('../../src/cli/serve.js')
  const env = process.env
  const serving = await serve(loadConfig(env), {
    role: env.EMBARGO_TEST_ROLE as ServeRole,
    now: readingClock(env.EMBARGO_TEST_CLOCK_FILE as string),
    jobIntervalMs: 300,
    outboxIntervalMs: 200,
  })
  stopOnSignals(serving)
  const port = new URL(serving.address).port
  process.stdout.write(`serving ${port} ${serving.smtpPort ?? '-'}\n`)
}
