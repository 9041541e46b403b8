/** The reporter hears of a proposed credit line by mail, through the outbox and a real SMTP socket. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { parseMail, startRelay, type TestRelay } from '../../support/mail.js'
import { orgWithPreset, reportViaApi } from '../policy/policy-support.js'

eachDialect('credit proposal mail', (ctx) => {
  const app = useTestApp(ctx)
  let relay: TestRelay
  let worker: OutboxWorker

  beforeAll(async () => {
    relay = await startRelay()
    worker = createOutboxWorker(app().deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  })
  afterAll(async () => {
    await worker?.stop()
    await relay?.close()
  })

  it('a reporter is mailed when the team proposes a credit line, with the way to answer and without the name', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })).ok).toBe(true)
    const alice = await t.given.member(org, 'responder')
    const { ref, page } = await reportViaApi(t, org, { reporterName: 'Ada Finder' })
    await worker.runOnce() // the acknowledgment
    const before = relay.received.length
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.submit(page, `${page}/credits/reporter`, { name: 'Ada Finder', role: 'finder' })).statusCode).toBe(303)
    await worker.runOnce()
    const sent = await Promise.all(
      relay.received.slice(before).map(async (m) => ({ rcpt: m.rcpt, raw: m.raw.toString('utf8'), mail: await parseMail(m.raw) })),
    )
    expect(sent).toHaveLength(1)
    const [mail] = sent
    expect(mail?.rcpt).toContain('finder@example.net')
    expect(mail?.mail.subject).toBe(`[${ref}] How should we credit you?`)
    expect(mail?.mail.text).toContain('accept it, change the name or decline')
    expect(mail?.mail.text).toContain('/follow-up')
    expect(mail?.raw).not.toContain('Ada Finder')
  })
})
