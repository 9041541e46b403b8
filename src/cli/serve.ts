/**
 * `embargo serve`: one process of the instance, running what its role says (docs/operations.md,
 * "Roles"). Every part is safe to run in many processes on one PostgreSQL database: the outbox
 * claims rows with `FOR UPDATE SKIP LOCKED` and a lease, the clock and publication sweeps take a
 * report's or an advisory's row lock and skip what another process already did, and a stored
 * mail is claimed when it is ingested.
 *
 *   web    — the HTTP application; no background loop, no SMTP.
 *   worker — the outbox (mail, announcements), the clocks, scheduled publication, partner notices,
 *            public report versions, the CRA's clocks, and ingestion of stored mail not ingested yet
 *            (a crashed or failed ingestion is retried here). HTTP: `/healthz`, `/readyz`, `/metrics` only.
 *   mail   — the SMTP listener and the IMAP poller, ingesting what they accepted. HTTP as the worker.
 *   all    — all three in one process (the default).
 *
 * Stopping (SIGTERM, SIGINT): `/readyz` turns 503 at once; the HTTP server stops accepting and
 * finishes the requests under way, the SMTP listener stops accepting and lets open sessions
 * finish (after `smtpCloseMs` they get 421, which a sending MTA retries), each loop finishes the
 * job in hand, ingestion finishes what was accepted, then the database is closed.
 */
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { announcementHandlers } from '../announcements/index.js'
import { buildWeb, openApp } from '../app.js'
import { startClockScheduler } from '../clocks/index.js'
import type { Config, ServeRole } from '../config.js'
import { startPublicationScheduler } from '../disclosure/index.js'
import { type JobLoop, startJobLoop } from '../jobs/index.js'
import { createOutboxWorker, startInbound } from '../mail/index.js'
import { startNotificationJob } from '../notifications/index.js'
import { startPartnerNoticeJob } from '../partners/index.js'
import { startCraScheduler } from '../regulation/index.js'
import { startReportPublicationJob } from '../report-publication/index.js'
import { issueSetupLink } from '../setup/index.js'

export interface ServeOptions {
  role: ServeRole
  /** The clock (tests run several processes on one controllable clock); default the system's. */
  now?: () => Date
  logDestination?: NodeJS.WritableStream
  /** Longest wait of the timed jobs and the outbox between runs, ms (default 60 s and 2 s). */
  jobIntervalMs?: number
  outboxIntervalMs?: number
}

export interface Serving {
  role: ServeRole
  log: Logger
  /** The HTTP address (every role listens; worker and mail serve only the ops routes). */
  address: string
  /** The SMTP listener's port, when this role runs it and it is configured. */
  smtpPort: number | null
  /** Drain and close everything, in order; resolves when the database is closed. */
  stop(): Promise<void>
}

interface Part {
  stop(): Promise<void>
}

const runsWeb = (role: ServeRole) => role === 'web' || role === 'all'
const runsWorker = (role: ServeRole) => role === 'worker' || role === 'all'
const runsMail = (role: ServeRole) => role === 'mail' || role === 'all'

export async function serve(config: Config, options: ServeOptions): Promise<Serving> {
  const { role } = options
  const app = await openApp(
    { ...config, role },
    { ...(options.now ? { now: options.now } : {}), ...(options.logDestination ? { logDestination: options.logDestination } : {}) },
  )
  const { deps } = app
  let draining = false
  let smtpListening = false
  let jobsRunning = false
  const server: FastifyInstance = await buildWeb(deps, {
    routes: runsWeb(role) ? 'all' : 'ops',
    processChecks: () => ({
      accepting: !draining,
      ...(runsMail(role) && deps.config.smtpListen ? { smtp: smtpListening && !draining } : {}),
      ...(runsWorker(role) ? { jobs: jobsRunning && !draining } : {}),
    }),
  })
  const address = await server.listen({ host: deps.config.host, port: deps.config.port })
  deps.log.info({ address, role, publicUrl: deps.config.publicUrl.href }, 'embargo is serving')

  // Inbound mail: the mail role listens (SMTP) and polls (IMAP) and ingests what it accepted; the
  // worker ingests what is stored and not yet ingested (a crash's or a failure's leftovers), at
  // start and then every run of its loop.
  const parts: Part[] = []
  let smtpPort: number | null = null
  if (runsMail(role) || runsWorker(role)) {
    const inbound = await startInbound(deps, runsMail(role) ? { smtp: deps.config.smtpListen, imap: true } : { smtp: null, imap: false })
    smtpPort = inbound.smtpPort
    smtpListening = smtpPort !== null
    if (role === 'mail' && !deps.config.smtpListen && !deps.config.imap)
      deps.log.warn({ event: 'serve.mail-idle' }, 'role mail without EMBARGO_SMTP_LISTEN or EMBARGO_IMAP_URL: nothing to receive')
    const retries = runsWorker(role)
      ? startJobLoop({
          // Queues what is left `received`; the ingestion itself runs on the service's own workers.
          run: async () => {
            await inbound.sweep()
          },
          nextAt: async () => undefined,
          onError: (error) => deps.log.error({ err: error, event: 'mail.sweep-failed' }, 'mail ingestion sweep failed'),
          now: () => deps.now(),
          intervalMs: options.jobIntervalMs,
        })
      : null
    retries?.start()
    // The sweep stops first, so nothing is queued after the service drained.
    parts.push({
      async stop() {
        await retries?.stop()
        await inbound.stop()
      },
    })
  }

  if (runsWorker(role)) {
    const interval = { intervalMs: options.jobIntervalMs }
    const loops: JobLoop[] = [
      // The outbox: announcements always, mail when a relay is configured; one delivery loop for both.
      createOutboxWorker(deps, {
        handlers: announcementHandlers(deps),
        ...(options.outboxIntervalMs ? { intervalMs: options.outboxIntervalMs } : {}),
      }),
      // Clocks: reminders, escalations and the reporter's notices as deadlines come.
      startClockScheduler(deps, interval),
      startPublicationScheduler(deps, interval),
      // Partners: scheduled early notices at the first moment they may go, and reminders of unacknowledged ones.
      startPartnerNoticeJob(deps, interval),
      // Public versions of reports, once the reporter's objection period has ended and the fix is out.
      startReportPublicationJob(deps, interval),
      // The Cyber Resilience Act's clocks: reminders and escalation to the whole team and the named contacts.
      startCraScheduler(deps, interval),
      // The in-app inbox: new events into notifications, and the daily digests members asked for.
      startNotificationJob(deps, options.jobIntervalMs ? { intervalMs: Math.min(options.jobIntervalMs, 15_000) } : {}),
    ]
    for (const loop of loops) loop.start()
    parts.push(...loops)
    jobsRunning = true
  }

  if (runsWeb(role)) {
    const setupLink = await issueSetupLink(deps)
    if (setupLink) {
      process.stdout.write(
        `\nEmbargo has no users yet. Open this one-time link to create the first administrator and organization:\n\n  ${setupLink}\n\n`,
      )
    }
  }

  let stopping: Promise<void> | null = null
  const stop = () => {
    stopping ??= (async () => {
      draining = true
      deps.log.info({ role, event: 'serve.stopping' }, 'stopping: finishing requests, sessions and the jobs in hand')
      // All at once: the HTTP server drains its requests while the loops finish their runs and the
      // SMTP listener its sessions (then ingestion what was accepted); the database closes last.
      const results = await Promise.allSettled([server.close(), ...parts.map((p) => p.stop())])
      for (const r of results)
        if (r.status === 'rejected') deps.log.error({ err: r.reason, event: 'serve.stop-failed' }, 'a part failed to stop')
      await app.close()
    })()
    return stopping
  }
  return { role, log: deps.log, address, smtpPort, stop }
}

/**
 * SIGTERM and SIGINT stop the process gracefully and exit 0; a second signal, or a drain longer
 * than `graceMs`, exits 1 at once (the orchestrator's own kill comes next anyway).
 */
export function stopOnSignals(serving: Serving, graceMs = 60_000): void {
  const { log } = serving
  let signalled = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1)
    signalled = true
    log.info({ signal, event: 'serve.signal' }, 'received a stop signal')
    setTimeout(() => process.exit(1), graceMs).unref()
    serving.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
