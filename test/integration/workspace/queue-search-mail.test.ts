/**
 * The e-mail channel feeds the queue's search: a report mailed to the security address and the
 * reporter's mailed reply are searchable by their words and the sender's address as soon as they
 * are ingested (indexed in the same commit as the report and the message).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type InboundService, startInbound } from '../../../src/mail/inbound-service.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { mta, parseMail, startRelay, type TestRelay } from '../../support/mail.js'

eachDialect('queue search over the mail channel', (ctx) => {
  const app = useTestApp(ctx)
  let inbound: InboundService
  let relay: TestRelay
  let worker: OutboxWorker
  let org: OrganizationRow
  let security: string

  beforeAll(async () => {
    const t = app()
    t.clock.current = new Date()
    org = await t.given.org()
    security = `security@${org.slug}.example`
    expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
    inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
    relay = await startRelay()
    worker = createOutboxWorker(t.deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  })
  afterAll(async () => {
    await inbound?.stop()
    await worker?.stop()
    await relay?.close()
  })

  const send = async (mail: Parameters<ReturnType<typeof mta>['sendMail']>[0]) => {
    const client = mta(inbound.smtpPort!)
    try {
      return await client.sendMail(mail)
    } finally {
      client.close()
    }
  }

  it('finds a mailed report by its words and the sender, and by the words of a mailed reply', async () => {
    const t = app()
    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    await send({
      from: 'Mia Mailer <Mia.Mailer@example.net>',
      to: security,
      subject: 'Deserialisation in the importer',
      text: 'The pickle payload runs code.',
      messageId: '<search-1@example.net>',
    })
    await inbound.idle()
    const before = relay.received.length
    await worker.runOnce()
    const ack = await parseMail(relay.received[before]!.raw)
    const b = t.browser()
    await b.signIn(admin)
    const found = async (q: string) => {
      const page = await b.get(`/w/${org.slug}/reports?status=all&q=${encodeURIComponent(q)}`)
      expect(page.statusCode).toBe(200)
      return [...page.body.matchAll(new RegExp(`/w/${org.slug}/reports/([A-Z0-9]+-\\d{4}-\\d+)"`, 'g'))].map((m) => m[1])
    }
    const [ref] = await found('deserialisation pickle')
    expect(ref).toBeDefined()
    expect(await found('mia.mailer@example.net')).toContain(ref)
    expect(await found('quokkasaurus')).toEqual([])
    await send({
      from: 'mia.mailer@example.net',
      to: ack.replyTo![0]!.address!,
      subject: 'Re: Deserialisation',
      text: 'The quokkasaurus module is affected too.',
      messageId: '<search-2@example.net>',
    })
    await inbound.idle()
    expect(await found('quokkasaurus')).toContain(ref)
  })
})
