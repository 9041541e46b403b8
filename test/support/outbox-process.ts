/**
 * Another Embargo process, for tests that must show "exactly once" across operating-system
 * processes: its own app on the same database (own connections, own write queue) running the
 * outbox's delivery loop — mail through the test relay, announcements to whatever the channels
 * name. Driven line by line on stdin: `drain` runs two passes and answers `drained <rows>`;
 * `stop` closes it. Started by `startOutboxProcess` below.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Config } from '../../src/config.js'

export interface OutboxProcess {
  /** Two delivery passes in the other process; resolves with the rows it handled. */
  drain(): Promise<number>
  stop(): Promise<void>
}

const here = fileURLToPath(import.meta.url)

/** Spawns the other process on `databaseUrl` with the app's clock at `now`. */
export async function startOutboxProcess(
  databaseUrl: string,
  relayPort: number,
  now: Date,
  overrides: Partial<Config>,
): Promise<OutboxProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', here], {
    env: {
      ...process.env,
      EMBARGO_TEST_CHILD: '1',
      EMBARGO_TEST_DB: databaseUrl,
      EMBARGO_TEST_RELAY_PORT: String(relayPort),
      EMBARGO_TEST_NOW: now.toISOString(),
      EMBARGO_TEST_OVERRIDES: JSON.stringify(overrides),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr += String(d)
  })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const next = async (): Promise<string> => {
    const line = await lines.next()
    if (line.done) throw new Error(`the outbox process ended: ${stderr.slice(-2000)}`)
    return line.value
  }
  const ready = await next()
  if (ready !== 'ready') throw new Error(`the outbox process said ${ready}: ${stderr.slice(-2000)}`)
  return {
    async drain() {
      child.stdin.write('drain\n')
      const answer = await next()
      const m = /^drained (\d+)$/.exec(answer)
      if (!m) throw new Error(`the outbox process said ${answer}: ${stderr.slice(-2000)}`)
      return Number(m[1])
    },
    async stop() {
      child.stdin.write('stop\n')
      await new Promise<void>((resolve) => child.once('exit', () => resolve()))
    },
  }
}

if (process.env.EMBARGO_TEST_CHILD === '1') {
  const { startTestApp } = await import('./app.js')
  const { announcementHandlers } = await import('../../src/announcements/index.js')
  const { createOutboxWorker } = await import('../../src/mail/outbox-worker.js')
  const { createSmtpSender } = await import('../../src/mail/smtp-sender.js')
  const env = process.env
  const t = await startTestApp(env.EMBARGO_TEST_DB!, JSON.parse(env.EMBARGO_TEST_OVERRIDES ?? '{}') as Partial<Config>)
  t.clock.current = new Date(env.EMBARGO_TEST_NOW!)
  const worker = createOutboxWorker(t.deps, {
    sender: createSmtpSender({ host: '127.0.0.1', port: Number(env.EMBARGO_TEST_RELAY_PORT) }),
    handlers: announcementHandlers(t.deps),
  })
  process.stdout.write('ready\n')
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'drain') {
      const handled = (await worker.runOnce()) + (await worker.runOnce())
      process.stdout.write(`drained ${handled}\n`)
    } else if (line === 'stop') break
  }
  await worker.stop()
  await t.close()
  process.exit(0)
}
