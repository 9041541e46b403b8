/**
 * The clock scheduler's and the reporter escalation's mail, through a real relay: each kind has its
 * own generic subject and a body saying what is due and when (in the policy's time zone), with a
 * link to the report — and never the report's text.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { parseMail, startRelay, type TestRelay } from '../../support/mail.js'
import { at, orgWithPreset, reportViaApi, sweepAt } from '../policy/policy-support.js'

const title = 'Stored XSS in the profile page'

eachDialect('clock and escalation mail', (ctx) => {
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

  const delivered = async () => {
    const before = relay.received.length
    await worker.runOnce()
    return Promise.all(
      relay.received.slice(before).map(async (m) => ({ rcpt: m.rcpt, raw: m.raw.toString('utf8'), mail: await parseMail(m.raw) })),
    )
  }
  type Delivered = Awaited<ReturnType<typeof delivered>>[number]
  const noReportText = (out: Delivered[]) => {
    for (const m of out) {
      expect(m.raw).not.toContain('Stored XSS')
      expect(m.raw).not.toContain('bio field')
      expect(m.mail.text ?? '').not.toContain(title)
    }
  }

  async function kumiReport() {
    const t = app()
    at(t, '2026-12-01T08:00:00.000Z')
    const org = await orgWithPreset(t, 'kumi-systems')
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: true })).ok).toBe(true)
    const alice = await t.given.member(org, 'responder', 'Alice Kumi')
    at(t, '2026-12-04T14:30:00.000Z')
    const { ref, reporter, page } = await reportViaApi(t, org, { title })
    at(t, '2026-12-07T09:00:00.000Z')
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.submit(page, `${page}/status`, { to: 'acknowledged' })).statusCode).toBe(303)
    await delivered() // the acknowledgment and the status notice
    return { t, org, alice, ref, reporter, link: new URL(page, t.deps.config.publicUrl).href }
  }

  it('reminds the assignee and escalates a missed deadline with their own subjects, due times in Vienna and a workspace link', async () => {
    const { t, org, alice, ref, link } = await kumiReport()
    // 75% of the 5-day update window: the reminder.
    await sweepAt(t, '2026-12-11T03:00:00.000Z')
    const reminders = await delivered()
    expect(reminders).toHaveLength(1)
    const reminder = reminders[0]!
    expect(reminder.rcpt).toEqual([alice.email])
    expect(reminder.mail.subject).toBe(`[${ref}] Reminder: a deadline is coming up`)
    expect(reminder.mail.text).toContain(`report ${ref} at ${org.name}`)
    expect(reminder.mail.text).toContain('the next update to the reporter is due Sat, 12 Dec 2026, 10:00 CET (Europe/Vienna)')
    expect(reminder.mail.text).toContain(link)
    expect(reminder.mail.replyTo).toBeUndefined() // a team mail is not part of the reporter's thread

    // The detailed response was due at the end of Wednesday 16 December (Vienna): escalated to the assignee,
    // and the reporter may now escalate.
    await sweepAt(t, '2026-12-17T08:00:00.000Z')
    const out = await delivered()
    const escalations = out.filter((m) => m.mail.subject === `[${ref}] Escalation: a deadline was missed`)
    // Both the detailed response and the update to the reporter (due Saturday 12 December, escalated along the chain) were missed.
    expect(escalations.length).toBeGreaterThanOrEqual(2)
    expect(escalations.some((m) => m.mail.text?.includes('the next update to the reporter was due Sat, 12 Dec 2026, 10:00 CET'))).toBe(true)
    const escalation = escalations.find((m) => m.mail.text?.includes('the detailed response'))
    expect(escalation?.rcpt).toEqual([alice.email])
    expect(escalation?.mail.text).toContain('the detailed response was due Wed, 16 Dec 2026, 23:59 CET (Europe/Vienna)')
    expect(escalation?.mail.text).toContain('step 1 of the escalation chain')
    expect(escalation?.mail.text).toContain(link)
    const offer = out.find((m) => m.rcpt[0] === 'finder@example.net')
    expect(offer?.mail.subject).toBe(`[${ref}] You may now escalate your report`)
    expect(offer?.mail.text).toContain(`${t.deps.config.publicUrl.origin}/follow-up/escalate`)
    expect(offer?.mail.text).toContain('by Wed, 16 Dec 2026, 23:59 CET (Europe/Vienna)')
    for (const m of [...reminders, ...out]) expect(m.mail.text).not.toContain('there is news')
    noReportText([...reminders, ...out])
  })

  it("tells the assignee of the reporter's escalation, and the reporter of the final update and that they may disclose", async () => {
    const { t, alice, ref, reporter, link } = await kumiReport()
    at(t, '2026-12-17T08:00:00.000Z')
    expect((await reporter.submit('/follow-up', '/follow-up/escalate', {})).statusCode).toBe(200)
    const [escalated, ...rest] = await delivered()
    expect(rest).toHaveLength(0)
    expect(escalated?.rcpt).toEqual([alice.email])
    expect(escalated?.mail.subject).toBe(`[${ref}] Escalation by the reporter`)
    expect(escalated?.mail.text).toContain('escalated the report to you on Thu, 17 Dec 2026, 09:00 CET (Europe/Vienna) (step 1')
    expect(escalated?.mail.text).toContain(link)

    // Day 90: the final update and "you may disclose" (the reporter's follow-up page; the secret link is only in the first mail).
    await sweepAt(t, '2027-03-04T14:31:00.000Z')
    const out = await delivered()
    const toReporter = out.filter((m) => m.rcpt[0] === 'finder@example.net')
    const final = toReporter.find((m) => m.mail.subject === `[${ref}] Final update on your report`)
    expect(final?.mail.text).toContain('by Thu, 4 Mar 2027, 15:30 CET (Europe/Vienna)')
    expect(final?.mail.text).toContain(`${t.deps.config.publicUrl.origin}/follow-up`)
    const disclose = toReporter.find((m) => m.mail.subject === `[${ref}] You may now disclose your report`)
    expect(disclose?.mail.text).toContain('passed on Thu, 4 Mar 2027, 15:30 CET (Europe/Vienna)')
    expect(out.every((m) => m.mail.subject !== `[${ref}] News about your report`)).toBe(true)
    noReportText([escalated!, ...out])
  })

  it('alerts the whole team of a high-severity report (healthIMIS) with its own subject', async () => {
    const t = app()
    at(t, '2026-12-01T08:00:00.000Z')
    const org = await orgWithPreset(t, 'healthimis')
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })).ok).toBe(true)
    const admin = await t.given.member(org, 'admin', 'Hanna Admin')
    const { ref, page } = await reportViaApi(t, org, { title })
    await delivered()
    const b = t.browser()
    await b.signIn(admin)
    expect((await b.submit(page, `${page}/severity`, { severity: 'high' })).statusCode).toBe(303)
    await sweepAt(t, t.clock.now().toISOString())
    const out = await delivered()
    const alert = out.find((m) => m.mail.subject === `[${ref}] Alert: a report for the whole team`)
    expect(alert?.rcpt).toEqual([admin.email])
    expect(alert?.mail.text).toContain('(Europe/Berlin)')
    expect(alert?.mail.text).toContain(new URL(page, t.deps.config.publicUrl).href)
    noReportText(out)
  })
})
