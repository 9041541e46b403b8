/**
 * Issue 16 item 4: the CRA notice to users is "sent through the announcement channels where
 * configured". From the case's notice page a responder sends it to the policy's channels — a
 * mailing list over the real SMTP socket, a Slack-compatible webhook and a signed generic webhook
 * at a real HTTP receiver — once per (case, channel), however often (or however fast) it is
 * clicked; each delivery is shown sent or failed like an advisory's announcements. Before the
 * advisory is public nothing goes to the public channels.
 */
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { announcementHandlers } from '../../../src/announcements/index.js'
import { configureChannel } from '../../../src/announcements/use-cases/configure-channel.js'
import { editAdvisory } from '../../../src/disclosure/use-cases/edit-advisory.js'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { parseMail, startRelay, type TestRelay } from '../../support/mail.js'
import { draftFor, fixedReport, viewerOf } from '../disclosure/disclosure-support.js'
import { at, orgWithPolicy } from '../policy/policy-support.js'
import { alpenrouterPolicy, routerAdvisory } from '../regulation/cra-support.js'
import { type Receiver, startReceiver, withAnnouncements } from './announcement-support.js'

eachDialect('the CRA notice to users through the announcement channels', (ctx) => {
  const app = useTestApp(ctx, { announceHttp: true, mailFrom: 'security@example.org' })
  let relay: TestRelay
  let receiver: Receiver
  let worker: OutboxWorker
  beforeAll(async () => {
    relay = await startRelay()
    receiver = await startReceiver()
    worker = createOutboxWorker(app().deps, {
      sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }),
      handlers: announcementHandlers(app().deps),
    })
  })
  afterAll(async () => {
    await worker?.stop()
    await receiver?.close()
    await relay?.close()
  })
  const drain = async () => {
    await worker.runOnce()
    await worker.runOnce()
  }

  it('sends the notice once per channel, shows each delivery sent or failed, and refuses before the advisory is public', async () => {
    const t = app()
    at(t, '2026-12-01T08:00:00.000Z')
    const org = await orgWithPolicy(t, alpenrouterPolicy)
    const alice = await t.given.member(org, 'responder', 'Alice Notice')
    const viewer = await t.given.member(org, 'viewer', 'Vic Viewer')
    const { ref, page } = await fixedReport(t, org, alice, { program: 'firmware', programFields: { model: 'AR-500' } })
    const ownId = await draftFor(t, org, ref, alice, 'Command injection in the Alpenrouter web interface')
    expect((await editAdvisory(t.deps, org, ownId, routerAdvisory(), viewerOf(alice))).ok).toBe(true)

    await withAnnouncements(t, org, [
      { kind: 'mailing-list', name: 'alpen-announce' },
      { kind: 'chat', name: 'Slack #security' },
      { kind: 'advisory', name: 'Partner feed' },
      { kind: 'blog', name: 'Blog', url: 'https://blog.alpenrouter.example/' },
    ])
    const configure = async (name: string, form: Record<string, string>) => {
      const r = await configureChannel(
        t.deps,
        org,
        { name, delivery: 'mail', address: '', url: '', homeserver: '', room: '', token: '', ...form } as never,
        alice.id,
      )
      if (!r.ok) throw new Error(JSON.stringify(r.error))
      return r.value.secret
    }
    await configure('alpen-announce', { delivery: 'mail', address: 'announce@lists.alpenrouter.example' })
    await configure('Slack #security', { delivery: 'slack', url: `${receiver.url}/slack/cra/T0/B0/X` })
    const secret = (await configure('Partner feed', { delivery: 'webhook', url: `${receiver.url}/hook/cra` })) as string

    const a = t.browser()
    await a.signIn(alice)
    const cra = `${page}/cra`
    expect((await a.submit(cra, cra, { kind: 'vulnerability', awareAt: '2026-12-01T08:30', evidence: 'Exploited.' })).statusCode).toBe(303)
    const notice = `${cra}/notice`
    const announce = `${notice}/announce`

    // Embargoed: the public channels get nothing yet.
    expect((await a.get(notice)).body).toContain('can be sent once the advisory is published')
    const early = await a.submit(notice, announce, {})
    expect(early.statusCode).toBe(409)
    expect(early.body).toContain('Publish the advisory first')

    expect((await publishAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)
    await drain() // the advisory's own announcement goes out first
    const before = { slack: receiver.at('/slack/cra/').length, hook: receiver.at('/hook/cra').length, mail: relay.received.length }
    // The generic webhook refuses this one for good.
    receiver.answers.set('/hook/cra', [400])

    // Two clicks at once: each channel still gets it once.
    const [one, two] = await Promise.all([a.submit(notice, announce, {}), a.submit(notice, announce, {})])
    expect([one.statusCode, two.statusCode]).toEqual([303, 303])
    // Each answer carries its own confirmation in its flash cookie: open the page with each, as two tabs would.
    const pageAfter = async (r: typeof one) => {
      const jar = new Map(a.cookies)
      for (const c of r.cookies as Array<{ name: string; value: string }>) jar.set(c.name, c.value)
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
      return (await t.app.inject({ method: 'GET', url: r.headers.location as string, headers: { cookie } })).body
    }
    const confirmations = [await pageAfter(one), await pageAfter(two)].join('\n')
    expect(confirmations).toContain('Notice queued on 3 channels.')
    await drain()

    const slack = receiver.at('/slack/cra/').slice(before.slack)
    expect(slack).toHaveLength(1)
    expect(JSON.parse(slack[0]!.body).text).toContain('Security notice: Command injection in the Alpenrouter web interface')
    expect(JSON.parse(slack[0]!.body).text).toContain('Alpenrouter AR-500 (fixed in 2.0.1)')

    const hooks = receiver.at('/hook/cra').slice(before.hook)
    expect(hooks).toHaveLength(1)
    const verified = new Webhook(secret).verify(hooks[0]!.body, hooks[0]!.headers) as {
      type: string
      data: { subject: string; machineReadable: string; organization: { slug: string } }
    }
    expect(verified.type).toBe('cra.user_notice')
    expect(verified.data.subject).toBe('Security notice: Command injection in the Alpenrouter web interface')
    expect(verified.data.machineReadable).toMatch(/\.well-known\/csaf\/white\/2026\/.+\.json$/)

    const mails = relay.received.slice(before.mail).filter((m) => m.rcpt.includes('announce@lists.alpenrouter.example'))
    expect(mails).toHaveLength(1)
    const mail = await parseMail(mails[0]!.raw)
    expect(mail.subject).toContain('Security notice: Command injection in the Alpenrouter web interface')
    expect(mail.text).toContain('Switch off the web interface on the LAN side.')
    // Never the evidence.
    for (const text of [slack[0]!.body, hooks[0]!.body, mail.text ?? '']) expect(text).not.toContain('Exploited.')

    const shown = (await a.get(notice)).body
    expect(shown).toContain('data-channel="alpen-announce" data-state="sent"')
    expect(shown).toContain('data-channel="Slack #security" data-state="sent"')
    expect(shown).toContain('data-channel="Partner feed" data-state="failed"')
    expect(shown).toContain('HTTP 400')
    expect(shown).not.toContain('data-channel="Blog"')

    // Sent again: nothing more goes out.
    const again = await a.submit(notice, announce, {})
    expect(again.statusCode).toBe(303)
    expect((await a.get(again.headers.location as string)).body).toContain('Every channel already has this notice')
    await drain()
    expect(receiver.at('/slack/cra/').length).toBe(before.slack + 1)
    expect(receiver.at('/hook/cra').length).toBe(before.hook + 1)
    expect(relay.received.filter((m) => m.rcpt.includes('announce@lists.alpenrouter.example'))).toHaveLength(2)

    // A viewer reads the page but may not send.
    const v = t.browser()
    await v.signIn(viewer)
    const read = await v.get(notice)
    expect(read.statusCode).toBe(200)
    expect(read.body).not.toContain('Send to the announcement channels')
  })
})
