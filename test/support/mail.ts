/**
 * Mail test helpers: a relay that catches what Embargo sends (and can be told to refuse), and a
 * sending MTA (nodemailer) pointed at Embargo's own listener.
 */
import nodemailer from 'nodemailer'
import PostalMime from 'postal-mime'
import { SMTPServer } from 'smtp-server'

export interface CaughtMail {
  raw: Buffer
  rcpt: string[]
}

export interface TestRelay {
  port: number
  received: CaughtMail[]
  /** Answer for the next deliveries: null = 250, otherwise the SMTP code to refuse with. */
  refuseWith: number | null
  close(): Promise<void>
}

export async function startRelay(): Promise<TestRelay> {
  const relay: TestRelay = { port: 0, received: [], refuseWith: null, close: async () => {} }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (relay.refuseWith !== null) {
          callback(Object.assign(new Error(`${relay.refuseWith} refused by test relay`), { responseCode: relay.refuseWith }))
          return
        }
        relay.received.push({ raw: Buffer.concat(chunks), rcpt: session.envelope.rcptTo.map((r) => r.address) })
        callback()
      })
    },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const address = server.server.address()
  relay.port = typeof address === 'object' && address ? address.port : 0
  relay.close = () => new Promise<void>((r) => server.close(() => r()))
  return relay
}

/** A sending MTA pointed at `port`, as `swaks` would be. */
export function mta(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, logger: false, pool: false })
}

export const parseMail = (raw: Buffer) => PostalMime.parse(raw)
