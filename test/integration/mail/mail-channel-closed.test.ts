/**
 * Issue 10, item 2: a policy that closes the e-mail channel (`channels.mailIntake.enabled: false`).
 * Mail to the organization is not turned into a report, and the sender is answered, over real
 * loopback SMTP, with the channels the policy accepts instead: never silence.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type InboundService, startInbound } from '../../../src/mail/inbound-service.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { mta, parseMail, startRelay, type TestRelay } from '../../support/mail.js'
import { basePolicy } from '../policy/policy-support.js'

const closedMail = `channels:
  webForm:
    enabled: true
  mailIntake:
    enabled: false
    note: Mail is not read for reports; use the form.
`

eachDialect('e-mail channel closed by the policy', (ctx) => {
  const app = useTestApp(ctx)
  let inbound: InboundService
  let relay: TestRelay
  let worker: OutboxWorker
  let org: OrganizationRow
  let security: string

  beforeAll(async () => {
    const t = app()
    org = await t.given.org()
    security = `security@${org.slug}.example`
    expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
    expect((await importPolicy(t.deps, org, basePolicy(org.slug, '', closedMail), 'policy.yaml', null)).ok).toBe(true)
    inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
    relay = await startRelay()
    worker = createOutboxWorker(t.deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  })
  afterAll(async () => {
    await inbound?.stop()
    await worker?.stop()
    await relay?.close()
  })

  it('a mail to an organization that takes no reports by e-mail makes no report, and the sender is told where to report', async () => {
    const t = app()
    const client = mta(inbound.smtpPort!)
    try {
      await client.sendMail({ from: 'finder@example.net', to: security, subject: 'XSS', text: 'Put <script> in q.' })
    } finally {
      client.close()
    }
    await inbound.idle()
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
    const before = relay.received.length
    await worker.runOnce()
    const answers = await Promise.all(relay.received.slice(before).map((m) => parseMail(m.raw)))
    expect(answers).toHaveLength(1)
    expect(answers[0]?.to?.[0]?.address).toBe('finder@example.net')
    expect(answers[0]?.text).toContain('does not take vulnerability reports by e-mail')
    expect(answers[0]?.text).toContain(`/o/${org.slug}/report`)
    expect(answers[0]?.text).not.toContain('<script>')
  })

  it('an automatic mail gets no answer (no mail loops), and still makes no report', async () => {
    const t = app()
    const client = mta(inbound.smtpPort!)
    try {
      await client.sendMail({
        from: 'robot@example.net',
        to: security,
        subject: 'Out of office',
        text: 'Away',
        headers: { 'Auto-Submitted': 'auto-replied' },
      })
    } finally {
      client.close()
    }
    await inbound.idle()
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
    const before = relay.received.length
    await worker.runOnce()
    expect(relay.received.length).toBe(before)
  })
})
