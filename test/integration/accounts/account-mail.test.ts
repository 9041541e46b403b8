import { afterAll, beforeAll, expect, it } from 'vitest'
import { inviteMember } from '../../../src/accounts/index.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { parseMail, startRelay, type TestRelay } from '../../support/mail.js'

/** The invitation and reset mails leave through the real outbox worker to a real SMTP relay. */
eachDialect('account mail', (ctx) => {
  const app = useTestApp(ctx)
  let relay: TestRelay
  beforeAll(async () => {
    relay = await startRelay()
  })
  afterAll(async () => relay.close())

  it('an invitation and a reset link arrive by mail with a generic subject and the link in the body', async () => {
    const t = app()
    const org = await t.given.org({ name: 'Acme' })
    const set = await setSecurityAddress(t.deps, org, { address: 'security@acme.example', encryptionRequired: true })
    expect(set.ok).toBe(true)
    const invited = await inviteMember(t.deps, org, { email: 'joiner@example.org', role: 'viewer' }, null)
    if (!invited.ok) throw new Error('invite refused')
    const member = await t.given.member(org, 'responder')
    expect((await t.browser().submit('/account/reset', '/account/reset', { email: member.email })).statusCode).toBe(303)
    const worker = createOutboxWorker(t.deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
    await worker.runOnce()
    const invitation = relay.received.find((m) => m.rcpt.includes('joiner@example.org'))
    const reset = relay.received.find((m) => m.rcpt.includes(member.email))
    expect(invitation && reset).toBeTruthy()
    const inviteMail = await parseMail(invitation!.raw)
    expect(inviteMail.subject).toBe('You are invited to a security team')
    expect(inviteMail.text).toContain(invited.value.link)
    const resetMail = await parseMail(reset!.raw)
    expect(resetMail.subject).toBe('Reset your password')
    expect(resetMail.text).toMatch(/\/account\/reset\/[A-Za-z0-9_-]{43}/)
  })
})
