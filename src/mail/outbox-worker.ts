/**
 * Delivers queued mail: the outbox's `mail` handler (build each message, hand it to the relay) on
 * the shared delivery loop (`src/jobs/outbox-loop.ts`: claim, lease, backoff, dead letters that
 * admins see and can retry). Other features' handlers (announcements) run on the same loop.
 * Runs in `embargo serve`; mail rows are taken only when a relay is configured.
 */
import type { Deps } from '../deps.js'
import { createOutboxLoop, type OutboxHandler, type OutboxLoop } from '../jobs/index.js'
import type { OutboxRow } from '../storage/schema.js'
import { OutboundRefused } from './compose-outbound.js'
import { buildOutboundMail, NotSendable } from './outbound-mail.js'
import { classifyDeliveryError, createSmtpSender, type SmtpSender } from './smtp-sender.js'

export type OutboxWorker = OutboxLoop

/** The `mail` kind: one outbox row, one message to the relay. */
export function mailHandler(deps: Deps, sender: SmtpSender): OutboxHandler {
  return {
    async deliver(row: OutboxRow) {
      const mail = await buildOutboundMail(deps, row)
      await sender.send(mail)
      deps.log.info(
        { outboxId: row.id, orgId: row.org_id, encrypted: mail.encrypted, withheld: mail.withheld, event: 'mail.sent' },
        'mail sent',
      )
    },
    classify(error) {
      const permanent =
        error instanceof OutboundRefused || (!(error instanceof NotSendable) && classifyDeliveryError(error).kind === 'permanent')
      const reason = error instanceof OutboundRefused || error instanceof NotSendable ? error.message : classifyDeliveryError(error).message
      return { permanent, reason }
    },
  }
}

/**
 * The outbox worker: mail (with `sender`, or the configured relay) and any other handlers given.
 * Without a relay and without other handlers there is nothing to deliver.
 */
export function createOutboxWorker(
  deps: Deps,
  options: { sender?: SmtpSender; intervalMs?: number; batch?: number; handlers?: Record<string, OutboxHandler> } = {},
): OutboxWorker {
  const relay = deps.config.smtpRelay
  const sender =
    options.sender ??
    (relay
      ? createSmtpSender({ host: relay.host, port: relay.port, secure: relay.secure, ...(relay.auth ? { auth: relay.auth } : {}) })
      : null)
  const handlers: Record<string, OutboxHandler> = { ...options.handlers }
  if (sender) handlers.mail = mailHandler(deps, sender)
  if (Object.keys(handlers).length === 0) throw new Error('no relay configured (EMBARGO_SMTP_RELAY_URL)')
  const loop = createOutboxLoop(deps, handlers, options)
  return {
    ...loop,
    async stop() {
      await loop.stop()
      if (sender && !options.sender) sender.close()
    },
  }
}
