/**
 * Inbound SMTP: the organization's MX-facing listener.
 *
 * The guarantee (nothing acknowledged is lost): the 250 reply to DATA is sent only after the
 * injected `accept()` resolved, and `accept()` stores the raw mail durably first. If it rejects we
 * answer 451 and the sending MTA keeps the mail and retries. It is not a relay: recipients other
 * than the configured addresses (and their `+tag` sub-addresses) get 550 at RCPT time. Inbound mail
 * needs no AUTH, so AUTH is disabled; STARTTLS is offered only when a key and certificate are set.
 */
import diagnostics from 'node:diagnostics_channel'
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import { normalizeAddress } from '../domain/text-hygiene.js'

export interface InboundEnvelope {
  /** MAIL FROM, lowercase; null for the null reverse-path `<>` (bounces). */
  mailFrom: string | null
  /** Accepted RCPT TO addresses, lowercase. */
  rcptTo: string[]
}

export interface SmtpListenerOptions {
  /** Addresses we receive for, e.g. `security@acme.example`. */
  addresses: readonly string[]
  /** Also accept `local+tag@domain` for each address (reply addresses). Default true. */
  allowSubaddress?: boolean
  /** Store the raw mail durably, then resolve. Rejecting makes the sender retry (451). */
  accept: (raw: Buffer, envelope: InboundEnvelope) => Promise<void>
  /** Message size limit in bytes (advertised with SIZE and enforced while streaming). Default 30 MiB. */
  maxMessageBytes?: number
  /** PEM key and certificate: enables STARTTLS. */
  tls?: { key: string | Buffer; cert: string | Buffer }
  /** Host name in the greeting. */
  hostname?: string
  /** Concurrent connections. Default 50. */
  maxClients?: number
  /** Idle socket timeout, ms. Default 60 s. */
  socketTimeoutMs?: number
  /** Concurrent connections from one client address; more get 421. Default 5. */
  maxClientsPerAddress?: number
  /** Longest session, ms, however busy (a NOOP resets the idle timeout, not this). Then 421. Default 10 min. */
  maxSessionMs?: number
  /** Recipients per message. Default 20. */
  maxRecipients?: number
}

export interface SmtpListener {
  /** Start listening; resolves with the bound port (pass 0 for a free one). */
  listen(port: number, host?: string): Promise<number>
  /** Stop accepting, let open sessions finish (bounded by closeTimeout), then resolve. */
  close(): Promise<void>
}

type SmtpError = Error & { responseCode: number }

/**
 * Each mail the listener answers for, accepted (250 after storing) or refused, told on a
 * process-wide diagnostics channel: `/metrics` counts them (src/ops) without the mail code knowing.
 * The reason is one of a fixed few words, never an address.
 */
export const smtpOutcomes = diagnostics.channel('embargo:smtp')
export type SmtpOutcome =
  | { outcome: 'accepted' }
  | { outcome: 'refused'; reason: 'connections' | 'recipient' | 'size' | 'transfer' | 'storage' }
const tell = (o: SmtpOutcome) => {
  if (smtpOutcomes.hasSubscribers) smtpOutcomes.publish(o)
}

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code })
}

/** Whether `address` is one we receive for. Exported for the lead's reply-address routing and tests. */
export function isLocalRecipient(address: string, ours: readonly string[], allowSubaddress = true): boolean {
  const addr = normalizeAddress(address)
  if (!addr) return false
  const at = addr.lastIndexOf('@')
  const local = addr.slice(0, at)
  const domain = addr.slice(at)
  return ours.some((o) => {
    const base = normalizeAddress(o)
    if (!base) return false
    if (addr === base) return true
    if (!allowSubaddress) return false
    const bAt = base.lastIndexOf('@')
    const plus = local.indexOf('+')
    return plus > 0 && plus < local.length - 1 && local.slice(0, plus) === base.slice(0, bAt) && domain === base.slice(bAt)
  })
}

/** Build (not start) a listener. */
export function createSmtpListener(opts: SmtpListenerOptions): SmtpListener {
  const maxBytes = opts.maxMessageBytes ?? 30 * 1024 * 1024
  const allowSub = opts.allowSubaddress ?? true
  const disabled = ['AUTH']
  if (!opts.tls) disabled.push('STARTTLS')

  // Fairness (issue 8, finding 8): one address cannot hold every slot, and NOOPs cannot keep a
  // session open forever. Refusals are a polite 421: a real MTA retries later.
  const perAddressLimit = opts.maxClientsPerAddress ?? 5
  const maxSessionMs = opts.maxSessionMs ?? 10 * 60_000
  const openPerAddress = new Map<string, number>()
  const admitted = new Map<string, { address: string; timer: NodeJS.Timeout }>()

  const server = new SMTPServer({
    name: opts.hostname ?? 'localhost',
    banner: 'Embargo',
    size: maxBytes,
    authOptional: true,
    disabledCommands: disabled,
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : {}),
    maxClients: opts.maxClients ?? 50,
    socketTimeout: opts.socketTimeoutMs ?? 60_000,
    closeTimeout: 30_000,
    maxRecipients: opts.maxRecipients ?? 20,
    disableReverseLookup: true,
    logger: false,
    onConnect(session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const address = session.remoteAddress
      const open = openPerAddress.get(address) ?? 0
      if (open >= perAddressLimit) {
        tell({ outcome: 'refused', reason: 'connections' })
        callback(smtpError(421, '4.7.0 Too many connections from your address, try again later'))
        return
      }
      openPerAddress.set(address, open + 1)
      const timer = setTimeout(() => {
        for (const connection of server.connections as Set<{ session: SMTPServerSession; send(code: number, text: string): void }>) {
          if (connection.session.id === session.id) connection.send(421, '4.4.2 Session too long, closing; try again later')
        }
      }, maxSessionMs)
      timer.unref()
      admitted.set(session.id, { address, timer })
      callback()
    },
    onClose(session: SMTPServerSession) {
      const entry = admitted.get(session.id)
      if (!entry) return
      admitted.delete(session.id)
      clearTimeout(entry.timer)
      const left = (openPerAddress.get(entry.address) ?? 1) - 1
      if (left > 0) openPerAddress.set(entry.address, left)
      else openPerAddress.delete(entry.address)
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (!isLocalRecipient(address.address, opts.addresses, allowSub)) {
        tell({ outcome: 'refused', reason: 'recipient' })
        callback(smtpError(550, '5.1.1 No such recipient here (relaying denied)'))
        return
      }
      callback()
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = []
      let bytes = 0
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        // Keep draining past the limit (the client must reach the end of DATA to read our 552), but stop buffering.
        if (bytes <= maxBytes) chunks.push(chunk)
      })
      stream.on('error', () => {
        tell({ outcome: 'refused', reason: 'transfer' })
        callback(smtpError(451, '4.3.0 Transfer interrupted, try again later'))
      })
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > maxBytes) {
          tell({ outcome: 'refused', reason: 'size' })
          callback(smtpError(552, `5.3.4 Message exceeds the size limit of ${maxBytes} bytes`))
          return
        }
        const envelope: InboundEnvelope = {
          mailFrom: session.envelope.mailFrom ? normalizeAddress(session.envelope.mailFrom.address) : null,
          rcptTo: session.envelope.rcptTo.map((r) => normalizeAddress(r.address)).filter((a): a is string => a !== null),
        }
        opts.accept(Buffer.concat(chunks, bytes), envelope).then(
          () => {
            tell({ outcome: 'accepted' })
            callback()
          },
          () => {
            tell({ outcome: 'refused', reason: 'storage' })
            callback(smtpError(451, '4.3.0 Temporary failure storing the message, try again later'))
          },
        )
      })
    },
  })
  server.on('error', () => {
    // Socket-level errors of single clients; the server keeps running. Logged by the caller if wanted.
  })

  return {
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err)
        server.server.once('error', onError)
        server.listen(port, host, () => {
          server.server.off('error', onError)
          const address = server.server.address()
          resolve(typeof address === 'object' && address ? address.port : port)
        })
      })
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
