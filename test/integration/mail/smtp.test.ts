/**
 * The SMTP listener and sender over real sockets: nodemailer as the sending MTA, smtp-server as
 * the relay. What is asserted is the delivery contract: 250 only after accept() resolved, 451 when
 * it failed (the sender keeps the mail), 550 for strangers, 552 for oversize.
 */
import net from 'node:net'
import nodemailer from 'nodemailer'
import PostalMime from 'postal-mime'
import { SMTPServer } from 'smtp-server'
import { afterEach, describe, expect, it } from 'vitest'
import { composeOutbound } from '../../../src/mail/compose-outbound.js'
import { newMessageId, newReplyToken, replyAddress } from '../../../src/mail/reply-address.js'
import { createSmtpListener, type InboundEnvelope, isLocalRecipient, type SmtpListener } from '../../../src/mail/smtp-listener.js'
import { createSmtpSender, DeliveryError } from '../../../src/mail/smtp-sender.js'

const SECURITY = 'security@acme.example'
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function startListener(accept: (raw: Buffer, env: InboundEnvelope) => Promise<void>, maxMessageBytes?: number) {
  const listener: SmtpListener = createSmtpListener({ addresses: [SECURITY], accept, ...(maxMessageBytes ? { maxMessageBytes } : {}) })
  const port = await listener.listen(0, '127.0.0.1')
  cleanups.push(() => listener.close())
  const client = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, logger: false })
  cleanups.push(() => client.close())
  return { port, client }
}

function errorOf(p: Promise<unknown>): Promise<{ responseCode?: number; code?: string }> {
  return p.then(
    () => {
      throw new Error('expected a failure')
    },
    (err: { responseCode?: number; code?: string }) => err,
  )
}

/** Speak SMTP by hand (no SIZE declared), to test the limit enforced while streaming. */
async function rawSmtp(port: number, lines: string[], data: string): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1')
  const replies: string[] = []
  let buffer = ''
  let waiting: ((line: string) => void) | null = null
  socket.on('data', (chunk) => {
    buffer += chunk.toString()
    for (;;) {
      const i = buffer.indexOf('\r\n')
      if (i < 0) break
      const line = buffer.slice(0, i)
      buffer = buffer.slice(i + 2)
      if (/^\d{3} /.test(line)) {
        replies.push(line)
        const w = waiting
        waiting = null
        w?.(line)
      }
    }
  })
  const next = () => new Promise<string>((resolve) => (waiting = resolve))
  await next()
  for (const l of lines) {
    socket.write(`${l}\r\n`)
    await next()
  }
  socket.write('DATA\r\n')
  await next()
  socket.write(`${data}\r\n.\r\n`)
  await next()
  socket.end('QUIT\r\n')
  return replies
}

describe('smtp listener', () => {
  it('answers 250 only after accept() resolved, and hands over raw bytes and envelope', async () => {
    let release!: () => void
    const got: { raw: Buffer; env: InboundEnvelope }[] = []
    const { client } = await startListener(async (raw, env) => {
      got.push({ raw, env })
      await new Promise<void>((r) => (release = r))
    })
    let acknowledged = false
    const sending = client.sendMail({ from: 'reporter@example.net', to: SECURITY, subject: 'Hi', text: 'Bug details' }).then((info) => {
      acknowledged = true
      return info
    })
    while (got.length === 0) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 200))
    expect(acknowledged).toBe(false)
    release()
    const info = await sending
    expect(info.response).toMatch(/^250/)
    expect(got).toHaveLength(1)
    expect(got[0]!.env).toEqual({ mailFrom: 'reporter@example.net', rcptTo: [SECURITY] })
    const parsed = await PostalMime.parse(got[0]!.raw)
    expect(parsed.text?.trim()).toBe('Bug details')
  })

  it('accepts reply sub-addresses and refuses every other recipient with 550 (no relay)', async () => {
    const got: InboundEnvelope[] = []
    const { client } = await startListener(async (_raw, env) => {
      got.push(env)
    })
    const reply = replyAddress(SECURITY, newReplyToken())
    await client.sendMail({ from: 'a@example.net', to: reply, subject: 's', text: 't' })
    expect(got[0]!.rcptTo).toEqual([reply])
    for (const to of ['victim@gmail.example', 'security@acme.example.evil', 'other@acme.example', 'security+@acme.example']) {
      const err = await errorOf(client.sendMail({ from: 'a@example.net', to, subject: 's', text: 't' }))
      expect(err.responseCode).toBe(550)
    }
    expect(got).toHaveLength(1)
  })

  it('answers 451 when accept() rejects, so the sender keeps the mail', async () => {
    let calls = 0
    const { client } = await startListener(async () => {
      calls++
      throw new Error('disk full')
    })
    const err = await errorOf(client.sendMail({ from: 'a@example.net', to: SECURITY, subject: 's', text: 't' }))
    expect(err.responseCode).toBe(451)
    expect(calls).toBe(1)
  })

  it('answers 552 for oversize mail, whether SIZE was declared or not', async () => {
    let calls = 0
    const { client, port } = await startListener(async () => {
      calls++
    }, 10_000)
    const big = 'x'.repeat(70).concat('\n').repeat(500)
    const err = await errorOf(client.sendMail({ from: 'a@example.net', to: SECURITY, subject: 's', text: big }))
    expect(err.responseCode).toBe(552)
    const replies = await rawSmtp(port, ['EHLO test', 'MAIL FROM:<a@example.net>', `RCPT TO:<${SECURITY}>`], `Subject: x\r\n\r\n${big}`)
    expect(replies.at(-1)).toMatch(/^552 /)
    expect(calls).toBe(0)
  })

  it('recognises local recipients exactly', () => {
    expect(isLocalRecipient('Security@ACME.example', [SECURITY])).toBe(true)
    expect(isLocalRecipient('security+r-abc@acme.example', [SECURITY])).toBe(true)
    expect(isLocalRecipient('security+r-abc@acme.example', [SECURITY], false)).toBe(false)
    expect(isLocalRecipient('securityx@acme.example', [SECURITY])).toBe(false)
    expect(isLocalRecipient('security@acme.example\r\nRCPT TO:<x@y>', [SECURITY])).toBe(false)
  })
})

describe('smtp sender', () => {
  async function startRelay(reply: (raw: Buffer) => Error | null) {
    const received: { raw: Buffer; rcpt: string[] }[] = []
    const relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks)
          const err = reply(raw)
          if (!err) received.push({ raw, rcpt: session.envelope.rcptTo.map((r) => r.address) })
          callback(err)
        })
      },
    })
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()))
    cleanups.push(() => new Promise<void>((r) => relay.close(() => r())))
    const address = relay.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    return { port, received }
  }

  async function composed(to = 'reporter@example.net') {
    return composeOutbound({
      from: { address: SECURITY, name: 'ACME Security' },
      to: { address: to },
      replyTo: replyAddress(SECURITY, newReplyToken()),
      reference: 'ACME-2026-0001',
      subject: 'New reply on your report',
      text: 'We reproduced it.',
      messageId: newMessageId('acme.example'),
      encryptionRequired: false,
      readLink: 'https://embargo.example/r/x',
    })
  }

  it('delivers a composed mail to the relay with the same Message-ID', async () => {
    const { port, received } = await startRelay(() => null)
    const sender = createSmtpSender({ host: '127.0.0.1', port })
    cleanups.push(() => sender.close())
    const mail = await composed()
    const result = await sender.send(mail)
    expect(result.accepted).toEqual(['reporter@example.net'])
    expect(received).toHaveLength(1)
    expect(received[0]!.rcpt).toEqual(['reporter@example.net'])
    const parsed = await PostalMime.parse(received[0]!.raw)
    expect(parsed.messageId).toBe(mail.messageId)
    expect(parsed.text?.trim()).toBe('We reproduced it.')
  })

  it('classifies 5xx as permanent, 4xx and network failures as temporary', async () => {
    const code = { value: 550 }
    const { port } = await startRelay(() => Object.assign(new Error('no'), { responseCode: code.value }))
    const sender = createSmtpSender({ host: '127.0.0.1', port })
    cleanups.push(() => sender.close())
    const permanent = await errorOf(sender.send(await composed()))
    expect(permanent).toBeInstanceOf(DeliveryError)
    expect((permanent as DeliveryError).kind).toBe('permanent')
    code.value = 451
    const temporary = (await errorOf(sender.send(await composed()))) as DeliveryError
    expect(temporary.kind).toBe('temporary')
    expect(temporary.responseCode).toBe(451)

    const closed = net.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()))
    const closedPort = (closed.address() as net.AddressInfo).port
    await new Promise<void>((r) => closed.close(() => r()))
    const down = createSmtpSender({ host: '127.0.0.1', port: closedPort, connectionTimeoutMs: 2000 })
    const network = (await errorOf(down.send(await composed()))) as DeliveryError
    expect(network.kind).toBe('temporary')
    expect(network.responseCode).toBeNull()
  })
})

/** One raw SMTP session from `localAddress`: every reply line, and a promise that settles when the server closes it. */
async function session(port: number, localAddress = '127.0.0.1') {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress })
  const lines: string[] = []
  let onLine: (() => void) | null = null
  socket.on('data', (chunk) => {
    lines.push(...chunk.toString().split('\r\n').filter(Boolean))
    onLine?.()
  })
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  socket.on('error', () => undefined)
  cleanups.push(() => {
    socket.destroy()
  })
  await new Promise<void>((resolve) => {
    onLine = resolve
  })
  return { socket, lines, closed }
}

describe('finding 8: SMTP listener fairness', () => {
  it('finding 8: the connection over the per-address limit is refused with 421 while another address still gets in', async () => {
    const listener = createSmtpListener({ addresses: [SECURITY], accept: async () => {}, maxClientsPerAddress: 3 })
    const port = await listener.listen(0, '127.0.0.1')
    cleanups.push(() => listener.close())
    const held = [await session(port), await session(port), await session(port)]
    for (const s of held) expect(s.lines[0]).toMatch(/^220 /)
    const refused = await session(port)
    expect(refused.lines[0]).toMatch(/^421 /)
    await refused.closed
    const other = await session(port, '127.0.0.2')
    expect(other.lines[0]).toMatch(/^220 /)
    // A slot freed by one of the first address's sessions is given again.
    held[0]!.socket.end('QUIT\r\n')
    await held[0]!.closed
    await new Promise((r) => setTimeout(r, 50))
    expect((await session(port)).lines[0]).toMatch(/^220 /)
  })

  it('finding 8: a session kept alive with NOOPs is closed with 421 after the session-length limit', async () => {
    const listener = createSmtpListener({ addresses: [SECURITY], accept: async () => {}, maxSessionMs: 600, socketTimeoutMs: 10_000 })
    const port = await listener.listen(0, '127.0.0.1')
    cleanups.push(() => listener.close())
    const s = await session(port)
    s.socket.write('EHLO client.example\r\n')
    const started = Date.now()
    const noop = setInterval(() => s.socket.writable && s.socket.write('NOOP\r\n'), 100)
    try {
      await Promise.race([s.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 5 s')), 5000))])
    } finally {
      clearInterval(noop)
    }
    expect(Date.now() - started).toBeLessThan(3000)
    expect(s.lines.some((l) => l.startsWith('250 '))).toBe(true) // the NOOPs were answered until then
    expect(s.lines.at(-1)).toMatch(/^421 /)
  })
})
