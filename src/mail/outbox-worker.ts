/**
 * Delivers queued mail: claims due outbox rows, builds each message, hands it to the relay, and
 * marks it sent, or schedules the next attempt (exponential backoff with a cap), or keeps it as a
 * dead letter that admins see and can retry. Runs in `embargo serve` when a relay is configured.
 */
import type { Deps } from '../deps.js'
import { claimDueMail, markMailFailed, markMailSent } from '../storage/repositories/mail-outbox-repository.js'
import type { OutboxRow } from '../storage/schema.js'
import { nextAttemptAt } from './backoff.js'
import { OutboundRefused } from './compose-outbound.js'
import { buildOutboundMail, NotSendable } from './outbound-mail.js'
import { classifyDeliveryError, createSmtpSender, type SmtpSender } from './smtp-sender.js'

export interface OutboxWorker {
  /** One pass: every due row, in batches. Returns how many rows were handled. */
  runOnce(): Promise<number>
  start(): void
  stop(): Promise<void>
}

/** A row whose worker died is taken again after this lease. */
const leaseMs = 5 * 60_000

export function createOutboxWorker(deps: Deps, options: { sender?: SmtpSender; intervalMs?: number; batch?: number } = {}): OutboxWorker {
  const relay = deps.config.smtpRelay
  const sender =
    options.sender ??
    (relay
      ? createSmtpSender({ host: relay.host, port: relay.port, secure: relay.secure, ...(relay.auth ? { auth: relay.auth } : {}) })
      : null)
  if (!sender) throw new Error('no relay configured (EMBARGO_SMTP_RELAY_URL)')
  const interval = options.intervalMs ?? 2000
  let running = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null

  async function deliver(row: OutboxRow): Promise<void> {
    const at = () => deps.now().toISOString()
    try {
      const mail = await buildOutboundMail(deps, row)
      await sender!.send(mail)
      await markMailSent(deps.db, row.org_id, row.id, at())
      deps.log.info(
        { outboxId: row.id, orgId: row.org_id, encrypted: mail.encrypted, withheld: mail.withheld, event: 'mail.sent' },
        'mail sent',
      )
    } catch (error) {
      const attempts = Number(row.attempts) + 1
      const permanent =
        error instanceof OutboundRefused || (!(error instanceof NotSendable) && classifyDeliveryError(error).kind === 'permanent')
      const reason = error instanceof OutboundRefused || error instanceof NotSendable ? error.message : classifyDeliveryError(error).message
      const next = permanent ? null : nextAttemptAt(attempts, deps.now())
      await markMailFailed(deps.db, row.org_id, row.id, reason, next?.toISOString() ?? null, at())
      deps.log.warn(
        { outboxId: row.id, orgId: row.org_id, attempts, dead: next === null, reason, event: 'mail.failed' },
        'mail delivery failed',
      )
    }
  }

  async function runOnce(): Promise<number> {
    let handled = 0
    for (;;) {
      const now = deps.now()
      const rows = await claimDueMail(
        deps.db,
        deps.dialect,
        now.toISOString(),
        new Date(now.getTime() + leaseMs).toISOString(),
        options.batch ?? 20,
      )
      if (rows.length === 0) return handled
      for (const row of rows) await deliver(row)
      handled += rows.length
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await runOnce()
      } catch (error) {
        deps.log.error(
          { err: { message: error instanceof Error ? error.message : 'error' }, event: 'outbox.error' },
          'outbox worker pass failed',
        )
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = null
    }
  }

  return {
    runOnce,
    start() {
      if (running) return
      running = true
      loop = run()
    },
    async stop() {
      running = false
      wake?.()
      await loop
      if (!options.sender) sender.close()
    },
  }
}
