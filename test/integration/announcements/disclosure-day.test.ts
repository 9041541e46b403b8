/**
 * Issue 12 item 4: on disclosure day the advisory is announced on each of the policy's channels
 * that has a delivery — a mailing list, a Slack-compatible webhook, a Matrix room and a signed
 * generic webhook — each exactly once, also when two Embargo processes (two apps with their own
 * pools on one database, and an app in another operating-system process) run the outbox at the
 * same moment. Deliveries are counted at real receivers started here, and signatures checked
 * with the Standard Webhooks library itself.
 */
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { announcementHandlers } from '../../../src/announcements/index.js'
import { configureChannel } from '../../../src/announcements/use-cases/configure-channel.js'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { Browser, startTestApp, type TestApp, type TestMember } from '../../support/app.js'
import { eachDialect, type FreshDatabase } from '../../support/databases.js'
import { parseMail, startRelay, type TestRelay } from '../../support/mail.js'
import { startOutboxProcess } from '../../support/outbox-process.js'
import { draftFor, fixedReport, orgWithAdvisories, viewerOf } from '../disclosure/disclosure-support.js'
import { type Receiver, startReceiver, withAnnouncements } from './announcement-support.js'

const channels = [
  { kind: 'mailing-list', name: 'security-announce list' },
  { kind: 'chat', name: '#announcements on Slack' },
  { kind: 'chat', name: 'Matrix room' },
  { kind: 'advisory', name: 'Partner feed' },
  { kind: 'blog', name: 'Our blog', url: 'https://blog.example.org/' },
]

eachDialect('announcements on disclosure day', (ctx) => {
  let fresh: FreshDatabase | undefined
  let one: TestApp | undefined
  let two: TestApp | undefined
  let relay: TestRelay
  let receiver: Receiver
  let workers: OutboxWorker[] = []
  beforeAll(async () => {
    fresh = await ctx.freshDatabase()
    const overrides = { announceHttp: true, mailFrom: 'security@example.org' }
    one = await startTestApp(fresh.url, overrides)
    // A second process on the same database: its own pool, its own write queue, its own worker.
    two = await startTestApp(fresh.url, overrides)
    relay = await startRelay()
    receiver = await startReceiver()
    workers = [one, two].map((t) =>
      createOutboxWorker(t.deps, {
        sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }),
        handlers: announcementHandlers(t.deps),
      }),
    )
  })
  afterAll(async () => {
    for (const w of workers) await w.stop()
    await receiver.close()
    await relay.close()
    await two?.close()
    await one?.close()
    await fresh?.drop()
  })

  /** Both processes' workers, twice each, at the same moment. */
  const drain = async () => {
    await Promise.all([workers[0]!.runOnce(), workers[1]!.runOnce(), workers[0]!.runOnce(), workers[1]!.runOnce()])
    await Promise.all([workers[0]!.runOnce(), workers[1]!.runOnce()])
  }

  async function setUp(prefix: string) {
    const t = one as TestApp
    const org = await orgWithAdvisories(t, '')
    await withAnnouncements(t, org, channels)
    const admin = await t.given.member(org, 'admin')
    const configure = async (name: string, form: Record<string, string>) => {
      const r = await configureChannel(
        t.deps,
        org,
        { name, delivery: 'mail', address: '', url: '', homeserver: '', room: '', token: '', ...form } as never,
        admin.id,
      )
      if (!r.ok) throw new Error(JSON.stringify(r.error))
      return r.value.secret
    }
    await configure('security-announce list', { delivery: 'mail', address: `${prefix}-announce@lists.example.org` })
    await configure('#announcements on Slack', { delivery: 'slack', url: `${receiver.url}/slack/${prefix}/T000/B000/XXXX` })
    await configure('Matrix room', {
      delivery: 'matrix',
      homeserver: `${receiver.url}/matrix-${prefix}`,
      room: '!security:example.org',
      token: `syt_${prefix}_secret_token`,
    })
    const secret = (await configure('Partner feed', { delivery: 'webhook', url: `${receiver.url}/hook/${prefix}` })) as string
    expect(secret).toMatch(/^whsec_/)
    return { t, org, admin, secret }
  }

  async function publish(t: TestApp, org: OrganizationRow, by: TestMember) {
    const { ref } = await fixedReport(t, org, by, { title: 'Secret reporter title', description: 'Only the team reads this description.' })
    const ownId = await draftFor(t, org, ref, by, 'Stored XSS in the profile page')
    const published = await publishAdvisory(t.deps, org, ownId, viewerOf(by))
    expect(published.ok).toBe(true)
    return ownId
  }

  const statusPage = async (t: TestApp, org: OrganizationRow, member: TestMember, ownId: string) => {
    const b = new Browser(t.app)
    await b.signIn(member)
    const page = await b.get(`/w/${org.slug}/advisories/${ownId}/announcements`)
    expect(page.statusCode).toBe(200)
    return page.body
  }

  it('fans out to the list, Slack, Matrix and the signed webhook, each once, with two workers racing', async () => {
    const { t, org, admin, secret } = await setUp('once')
    const ownId = await publish(t, org, admin)
    await drain()
    await drain()

    const mails = relay.received.filter((m) => m.rcpt.includes('once-announce@lists.example.org'))
    expect(mails).toHaveLength(1)
    const mail = await parseMail(mails[0]!.raw)
    expect(mail.subject).toContain('Security advisory: Stored XSS in the profile page')
    expect(mail.text).toContain(`/o/${org.slug}/advisories/${ownId}`)

    const slack = receiver.at('/slack/once/')
    expect(slack).toHaveLength(1)
    expect(JSON.parse(slack[0]!.body).text).toContain('Stored XSS in the profile page')

    const matrix = receiver.at('/matrix-once/')
    expect(matrix).toHaveLength(1)
    expect(matrix[0]!.method).toBe('PUT')
    expect(matrix[0]!.path).toMatch(/^\/matrix-once\/_matrix\/client\/v3\/rooms\/!security%3Aexample\.org\/send\/m\.room\.message\/[\w-]+$/)
    expect(matrix[0]!.headers.authorization).toBe('Bearer syt_once_secret_token')
    expect(JSON.parse(matrix[0]!.body)).toMatchObject({ msgtype: 'm.text' })

    const hooks = receiver.at('/hook/once')
    expect(hooks).toHaveLength(1)
    const verified = new Webhook(secret).verify(hooks[0]!.body, hooks[0]!.headers) as {
      type: string
      data: { advisory: { id: string; url: string } }
    }
    expect(verified.type).toBe('advisory.published')
    expect(verified.data.advisory.id).toBe(ownId)
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(hooks[0]!.body, hooks[0]!.headers)).toThrow()

    // Only what the public advisory says: never the report's text.
    for (const text of [...[slack, matrix, hooks].flat().map((h) => h.body), mail.text ?? '']) {
      expect(text).not.toContain('Only the team reads this description')
      expect(text).not.toContain('Secret reporter title')
    }

    const page = await statusPage(t, org, admin, ownId)
    for (const name of ['security-announce list', '#announcements on Slack', 'Matrix room', 'Partner feed'])
      expect(page).toContain(`data-channel="${name}" data-state="sent"`)
    // The channel without a delivery is not announced to.
    expect(page).not.toContain('data-channel="Our blog"')

    // Later passes find nothing more to send.
    await drain()
    expect(receiver.at('/slack/once/')).toHaveLength(1)
    expect(receiver.at('/hook/once')).toHaveLength(1)
    expect(relay.received.filter((m) => m.rcpt.includes('once-announce@lists.example.org'))).toHaveLength(1)
  })

  it('fans out once per channel when the other worker is another operating-system process', async () => {
    const { t, org, admin } = await setUp('proc')
    const other = await startOutboxProcess(fresh!.url, relay.port, t.clock.now(), { announceHttp: true, mailFrom: 'security@example.org' })
    try {
      await publish(t, org, admin)
      // This process and the other one deliver at the same moment, twice over.
      await Promise.all([drain(), other.drain()])
      await Promise.all([drain(), other.drain()])
      expect(relay.received.filter((m) => m.rcpt.includes('proc-announce@lists.example.org'))).toHaveLength(1)
      expect(receiver.at('/slack/proc/')).toHaveLength(1)
      expect(receiver.at('/matrix-proc/')).toHaveLength(1)
      expect(receiver.at('/hook/proc')).toHaveLength(1)
    } finally {
      await other.stop()
    }
  })

  it('a failed webhook delivery is shown, tried again after its back-off with the same webhook-id, and then shown sent', async () => {
    const { t, org, admin, secret } = await setUp('retry')
    const ownId = await publish(t, org, admin)
    // The partner's receiver is down for the first attempt.
    receiver.answers.set('/hook/retry', [503])
    await drain()
    const failedPath = '/hook/retry'
    expect(receiver.at(failedPath)).toHaveLength(1)
    const page = await statusPage(t, org, admin, ownId)
    expect(page).toContain('data-channel="Partner feed" data-state="retrying"')
    expect(page).toContain('HTTP 503')

    // Nothing is retried before its time...
    await drain()
    expect(receiver.hits.filter((h) => h.path === failedPath)).toHaveLength(1)
    // ... and after it, once, with the same message id.
    t.clock.advance(61_000)
    ;(two as TestApp).clock.advance(61_000)
    await drain()
    const attempts = receiver.hits.filter((h) => h.path === failedPath)
    expect(attempts).toHaveLength(2)
    expect(attempts[1]!.headers['webhook-id']).toBe(attempts[0]!.headers['webhook-id'])
    expect(attempts[1]!.body).toBe(attempts[0]!.body)
    new Webhook(secret).verify(attempts[1]!.body, attempts[1]!.headers)
    const after = await statusPage(t, org, admin, ownId)
    expect(after).not.toContain('data-state="retrying"')
    expect((after.match(/data-state="sent"/g) ?? []).length).toBe(4)
  })

  it('a webhook pointed at a private address is refused for good and shown failed, then sent once after it is fixed and sent again; http is refused when configuring', async () => {
    const t = one as TestApp
    const org = await orgWithAdvisories(t, '')
    await withAnnouncements(t, org, [{ kind: 'advisory', name: 'Metadata' }])
    const admin = await t.given.member(org, 'admin')
    const form = { name: 'Metadata', delivery: 'webhook', address: '', homeserver: '', room: '', token: '' } as const
    const plain = await configureChannel(t.deps, org, { ...form, url: 'http://hooks.example.org/x' }, admin.id)
    expect(!plain.ok && plain.error.fields.url).toBe('https-only')
    const unknown = await configureChannel(
      t.deps,
      org,
      { ...form, name: 'Not in the policy', url: 'https://hooks.example.org/x' },
      admin.id,
    )
    expect(!unknown.ok && unknown.error.fields.name).toBe('unknown-channel')
    expect((await configureChannel(t.deps, org, { ...form, url: 'https://169.254.169.254/latest/meta-data' }, admin.id)).ok).toBe(true)
    const ownId = await publish(t, org, admin)
    await drain()
    const page = await statusPage(t, org, admin, ownId)
    expect(page).toContain('data-channel="Metadata" data-state="failed"')
    expect(page).toContain('is not a public address')

    // The administrator points the channel at the partner's real receiver and sends it again, once.
    expect((await configureChannel(t.deps, org, { ...form, url: `${receiver.url}/metadata-fixed` }, admin.id)).ok).toBe(true)
    const b = new Browser(t.app)
    await b.signIn(admin)
    const statusUrl = `/w/${org.slug}/advisories/${ownId}/announcements`
    const action = /action="([^"]+\/retry)"/.exec((await b.get(statusUrl)).body)?.[1] as string
    const retried = await b.submit(statusUrl, action, {})
    expect(retried.statusCode).toBe(303)
    expect((await b.get(retried.headers.location as string)).body).toContain('The announcement is queued again.')
    await drain()
    expect(receiver.at('/metadata-fixed')).toHaveLength(1)
    expect(await statusPage(t, org, admin, ownId)).toContain('data-channel="Metadata" data-state="sent"')
    // A sent announcement cannot be sent again.
    expect((await b.submit(statusUrl, action, {})).statusCode).toBe(404)
  })

  it('the channels page shows each delivery without its secrets, and a new signing secret exactly once', async () => {
    const { t, org, admin } = await setUp('page')
    const b = new Browser(t.app)
    await b.signIn(admin)
    const list = await b.get(`/w/${org.slug}/admin/announcements`)
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('page-announce@lists.example.org')
    expect(list.body).toContain('Not delivered')
    for (const secret of ['/slack/page/T000/B000/XXXX', 'syt_page_secret_token', 'whsec_', '/hook/page'])
      expect(list.body).not.toContain(secret)

    await withAnnouncements(t, org, [...channels, { kind: 'website', name: 'Second feed' }])
    const created = await b.submit(`/w/${org.slug}/admin/announcements?channel=Second%20feed`, `/w/${org.slug}/admin/announcements`, {
      name: 'Second feed',
      delivery: 'webhook',
      url: 'https://hooks.example.org/second',
    })
    // Post/redirect/get: the secret rides sealed in the flash cookie (never in the address) to the next page, once.
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toBe(`/w/${org.slug}/admin/announcements`)
    expect(String(created.headers.location)).not.toContain('whsec_')
    const shown = await b.get(created.headers.location as string)
    expect(shown.headers['cache-control']).toBe('no-store')
    expect(shown.body).toMatch(/whsec_[A-Za-z0-9+/=]{40,}/)
    expect(shown.body).toContain('Delivery saved for Second feed.')
    const again = await b.get(`/w/${org.slug}/admin/announcements`)
    expect(again.body).not.toContain('whsec_')
    // Saved again with the address left empty: the stored address and secret are kept, no new secret is shown.
    const kept = await b.submit(`/w/${org.slug}/admin/announcements?channel=Second%20feed`, `/w/${org.slug}/admin/announcements`, {
      name: 'Second feed',
      delivery: 'webhook',
      url: '',
    })
    expect(kept.statusCode).toBe(303)
    expect((await b.get(kept.headers.location as string)).body).toContain('Delivery saved for Second feed.')

    const saved = await b.submit(`/w/${org.slug}/admin/announcements?channel=Our%20blog`, `/w/${org.slug}/admin/announcements`, {
      name: 'Our blog',
      delivery: 'slack',
      url: 'http://hooks.example.org/plain',
    })
    expect(saved.statusCode).toBe(422)
    expect(saved.body).toContain('Announcements are delivered over https only.')
  })
})
