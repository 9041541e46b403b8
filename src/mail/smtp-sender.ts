/**
 * Outbound delivery to the organization's relay, for the outbox worker.
 *
 * `send` either resolves (the relay took responsibility: 250) or throws a `DeliveryError` that says
 * whether trying again can help. 5xx replies are permanent (dead-letter, tell a human); 4xx, 503,
 * timeouts and connection failures are temporary (retry with `backoff.ts`). Because the Message-ID
 * is fixed when the outbox row is written, a retry after a lost 250 is a recognizable duplicate
 * (SECURITY-ANCHORS F-7).
 */
import nodemailer from 'nodemailer'
import type { ComposedMail } from './compose-outbound.js'

export interface SmtpSenderConfig {
  host: string
  port: number
  /** Implicit TLS (port 465). */
  secure?: boolean
  /** Refuse to send unless STARTTLS succeeds (recommended whenever the relay is not on localhost). */
  requireTLS?: boolean
  auth?: { user: string; pass: string }
  /** Name used in EHLO. */
  name?: string
  /** Accept a self-signed relay certificate (tests, private relays only). */
  allowSelfSignedCert?: boolean
  /** Timeouts, ms: connect and greeting default 15 s, idle socket 60 s. */
  connectionTimeoutMs?: number
  socketTimeoutMs?: number
}

export interface DeliveryResult {
  accepted: string[]
  messageId: string
  /** The relay's final reply, e.g. `250 2.0.0 Ok: queued as …` (no content). */
  response: string
}

export type DeliveryFailure = 'permanent' | 'temporary'

/** A failed delivery, classified for the outbox worker. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailure,
    readonly responseCode: number | null,
    message: string,
  ) {
    super(message)
    this.name = 'DeliveryError'
  }
}

export interface SmtpSender {
  send(mail: ComposedMail): Promise<DeliveryResult>
  /** Checks connection and credentials (for a health/readiness probe). */
  verify(): Promise<void>
  close(): void
}

/** Build a sender from config. No connection is opened until the first `send`. */
export function createSmtpSender(config: SmtpSenderConfig): SmtpSender {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? false,
    requireTLS: config.requireTLS ?? false,
    ignoreTLS: false,
    ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
    ...(config.name ? { name: config.name } : {}),
    connectionTimeout: config.connectionTimeoutMs ?? 15_000,
    greetingTimeout: config.connectionTimeoutMs ?? 15_000,
    socketTimeout: config.socketTimeoutMs ?? 60_000,
    tls: { rejectUnauthorized: !config.allowSelfSignedCert },
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  })
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({ envelope: mail.envelope, raw: mail.raw })
        const accepted = info.accepted.map(String)
        if (accepted.length === 0) throw new DeliveryError('permanent', null, 'the relay accepted no recipient')
        return { accepted, messageId: mail.messageId, response: String(info.response ?? '') }
      } catch (err) {
        throw classifyDeliveryError(err)
      }
    },
    async verify() {
      try {
        await transport.verify()
      } catch (err) {
        throw classifyDeliveryError(err)
      }
    },
    close() {
      transport.close()
    },
  }
}

/**
 * 5xx (except 503, a session-state error) → permanent; 4xx, 503 and anything without a reply code
 * (DNS, refused connection, timeout, TLS) → temporary. Authentication failures (535) are permanent
 * for this message too, but they need an operator, so the message says so.
 */
export function classifyDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err
  const e = (err ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown }
  const code = typeof e.responseCode === 'number' ? e.responseCode : null
  const what = typeof e.code === 'string' ? e.code : 'error'
  const text = `${what}${code ? ` ${code}` : ''}: ${String(e.message ?? err)
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 300)}`
  if (code !== null && code >= 500 && code < 600 && code !== 503) return new DeliveryError('permanent', code, text)
  return new DeliveryError('temporary', code, text)
}
