/**
 * Issue 14 item 6: the in-app inbox. A new report, a reporter's reply, a report given to someone
 * and the clocks (the reminder at three quarters, the breach) reach the members who must hear of
 * them — and nobody who may not read the report — as notifications naming only the reference;
 * read and unread, with the count in the navigation; and a daily digest by mail, once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApiToken } from '../../../src/api-tokens/use-cases/create-api-token.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { runNotifications } from '../../../src/notifications/index.js'
import { type Browser, submitAndFollow, type TestMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { parseMail, startRelay, type TestRelay } from '../../support/mail.js'
import { at, basePolicy, orgWithPolicy, reportRow, reportViaApi, sweepAt } from '../policy/policy-support.js'

const title = 'CANARY-TITLE-inbox-4b1e'
const description = 'CANARY-DESCRIPTION-inbox-77c0'
const needToKnow = 'confidentiality:\n  sharedWith: assigned-team\n'

eachDialect('notifications', (ctx) => {
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

  async function team(extra = '') {
    const t = app()
    at(t, '2026-12-07T08:00:00.000Z')
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, extra))
    const ada = await t.given.member(org, 'admin', 'Ada Admin')
    const rita = await t.given.member(org, 'responder', 'Rita Responder')
    const rob = await t.given.member(org, 'responder', 'Rob Responder')
    const vic = await t.given.member(org, 'viewer', 'Vic Viewer')
    const as = async (m: TestMember) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    return { t, org, ada, rita, rob, vic, as }
  }

  const inboxOf = async (b: Browser, slug: string) => {
    const res = await b.get(`/w/${slug}/inbox`)
    expect(res.statusCode).toBe(200)
    return res.body
  }

  it('tells the team it may read of a new report, the holder of a reply and a member of a report given to them — under need to know, nobody else', async () => {
    const { t, org, ada, rita, rob, vic, as } = await team(needToKnow)
    const { ref, reporter, page } = await reportViaApi(t, org, { title, description })
    await runNotifications(t.deps)
    const [a, r, b, v] = [await as(ada), await as(rita), await as(rob), await as(vic)]
    // Unheld under assigned-team: only the administrator may read it, so only she hears of it.
    expect(await inboxOf(a, org.slug)).toContain(`New report ${ref}`)
    for (const other of [r, b, v]) expect(await inboxOf(other, org.slug)).not.toContain(ref)

    // Rita takes it; the reporter replies: the holder hears of it, the bystander does not.
    expect((await r.submit(page, `${page}/claim`, {})).statusCode).toBe(303)
    expect((await reporter.submit('/follow-up', '/follow-up/reply', { body: 'CANARY-REPLY-inbox-19aa' })).statusCode).toBe(303)
    await runNotifications(t.deps)
    expect(await inboxOf(r, org.slug)).toContain(`The reporter replied on ${ref}`)
    expect(await inboxOf(b, org.slug)).not.toContain(ref)
    expect(await inboxOf(a, org.slug)).not.toContain(`The reporter replied on ${ref}`)

    // Rita hands it to Rob: Rob hears it was given to him.
    expect((await submitAndFollow(r, page, `${page}/assign`, { assignee: rob.id })).status).toBe(303)
    await runNotifications(t.deps)
    const robs = await inboxOf(b, org.slug)
    expect(robs).toContain(`${ref} was given to you`)
    expect(robs).toContain(`href="/w/${org.slug}/reports/${ref}"`)

    // A second run (or two at once) makes nothing twice.
    await Promise.all([runNotifications(t.deps), runNotifications(t.deps)])
    const count = await t.deps.db.selectFrom('notification').select(['user_id', 'kind']).where('org_id', '=', org.id).execute()
    expect(count.map((n) => n.kind).sort()).toEqual(['assigned', 'report-received', 'reporter-replied'])

    // Never the report's text, on any inbox.
    for (const who of [a, r, b, v]) {
      const body = await inboxOf(who, org.slug)
      for (const canary of [title, description, 'CANARY-REPLY']) expect(body).not.toContain(canary)
    }
  })

  it('tells the team when a clock reaches three quarters and when it is overdue, once each, with no escalation chain', async () => {
    const { t, org, ada, rita, vic, as } = await team()
    const { ref } = await reportViaApi(t, org, { title })
    const row = await reportRow(t, org, ref)
    const received = Date.parse(row.received_at)
    const due = Date.parse(row.acknowledge_due_at ?? '')
    await runNotifications(t.deps)
    // Past three quarters of the acknowledgment window: the reminder.
    await sweepAt(t, new Date(received + Math.ceil((due - received) * 0.8)).toISOString())
    await runNotifications(t.deps)
    const r = await as(rita)
    expect(await inboxOf(r, org.slug)).toContain(`${ref}: the acknowledgment is due soon`)
    // Past the due time: the breach, recorded once however often the sweep runs.
    await sweepAt(t, new Date(due + 60_000).toISOString())
    await sweepAt(t, new Date(due + 120_000).toISOString())
    t.clock.advance(1000)
    await runNotifications(t.deps)
    const again = await as(rita) // days later: a new session
    const ritas = await inboxOf(again, org.slug)
    expect(ritas).toContain(`${ref}: the acknowledgment is overdue`)
    expect(ritas.split(`${ref}: the acknowledgment is overdue</a>`)).toHaveLength(2) // one notification
    expect(await inboxOf(await as(ada), org.slug)).toContain(`${ref}: the acknowledgment is overdue`)
    // A viewer does no work on it: no clock notifications.
    expect(await inboxOf(await as(vic), org.slug)).not.toContain(`${ref}:`)
    // The report's timeline says the deadline passed.
    expect((await again.get(`/w/${org.slug}/reports/${ref}`)).body).toContain('Deadline passed: the acknowledgment')
  })

  it('shows the unread count in the navigation and marks one or all read (post/redirect/get)', async () => {
    const { t, org, rita, as } = await team()
    const first = await reportViaApi(t, org, { title })
    t.clock.advance(60_000)
    const second = await reportViaApi(t, org, { title })
    await runNotifications(t.deps)
    const r = await as(rita)
    expect((await r.get(`/w/${org.slug}/reports`)).body).toContain('Inbox (2 unread)')
    const inbox = await inboxOf(r, org.slug)
    // Newest first.
    expect(inbox.indexOf(`New report ${second.ref}`)).toBeLessThan(inbox.indexOf(`New report ${first.ref}`))
    const id = /action="\/w\/[^/]+\/inbox\/([^/]+)\/read"/.exec(inbox)?.[1]
    expect(id).toBeTruthy()
    const one = await submitAndFollow(r, `/w/${org.slug}/inbox`, `/w/${org.slug}/inbox/${id}/read`, {})
    expect(one.status).toBe(303)
    expect(one.location).toBe(`/w/${org.slug}/inbox`)
    expect(one.page.body).toContain('Marked read.')
    expect(one.page.body).toContain('Inbox (1 unread)')
    // Unread first: the one still unread now comes before the one just read.
    const after = one.page.body
    expect(after.indexOf(`New report ${first.ref}`)).toBeLessThan(after.indexOf(`New report ${second.ref}`))
    const all = await submitAndFollow(r, `/w/${org.slug}/inbox`, `/w/${org.slug}/inbox/read-all`, {})
    expect(all.status).toBe(303)
    expect(all.page.body).toContain('All notifications marked read.')
    expect(all.page.body).toContain('0 unread')
    expect(all.page.body).not.toContain('Inbox (')
    // Another member's notification is not Rita's to mark.
    const other = await as(await t.given.member(org, 'responder'))
    const refused = await submitAndFollow(other, `/w/${org.slug}/inbox`, `/w/${org.slug}/inbox/${id}/read`, {})
    expect(refused.page.body).toContain('That notification is not yours')
  })

  it('lists the token holder’s own notifications on the JSON API, and records the token’s use', async () => {
    const { t, org, rita, rob } = await team()
    const { ref } = await reportViaApi(t, org, { title, description })
    await runNotifications(t.deps)
    const created = await createApiToken(t.deps, org, { userId: rita.id, role: rita.role }, { name: 'inbox', scope: 'read', days: '30' })
    if (!created.ok) throw new Error('no token')
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/notifications`,
      headers: { authorization: `Bearer ${created.value.secret}` },
    })
    expect(res.statusCode).toBe(200)
    const body = res.json() as { unread: number; notifications: Array<{ kind: string; ref: string; text: string; read: boolean }> }
    expect(body.unread).toBe(1)
    expect(body.notifications).toMatchObject([{ kind: 'report-received', ref, text: `New report ${ref}`, read: false }])
    expect(res.body).not.toContain(title)
    // Without a token (a session cookie counts for nothing there): refused.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/notifications` })).statusCode).toBe(401)
    const used = await t.deps.db.selectFrom('event').select('data').where('org_id', '=', org.id).where('type', '=', 'token.used').execute()
    expect(used.map((e) => JSON.parse(e.data).route)).toContain('/api/v1/orgs/:org/notifications')
    expect(rob.id).not.toBe(rita.id)
  })

  it('mails a daily digest of unread notifications to a member who asked for it, once a day, listing references only', async () => {
    const { t, org, rita, rob, as } = await team()
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: true })).ok).toBe(true)
    const r = await as(rita)
    const chosen = await submitAndFollow(r, `/w/${org.slug}/inbox`, `/w/${org.slug}/inbox/digest`, { digest: 'daily' })
    expect(chosen.status).toBe(303)
    expect(chosen.page.body).toContain('You will get a daily digest')
    const { ref } = await reportViaApi(t, org, { title, description })
    await worker.runOnce() // the reporter's acknowledgment
    const before = relay.received.length
    // Two runners at once, then another run the same day: one digest.
    await Promise.all([runNotifications(t.deps), runNotifications(t.deps)])
    t.clock.advance(60 * 60_000)
    await runNotifications(t.deps)
    await worker.runOnce()
    const digests = relay.received.slice(before)
    expect(digests.map((m) => m.rcpt)).toEqual([[rita.email]]) // not Rob, who did not ask
    const mail = await parseMail(digests[0]!.raw)
    expect(mail.subject).toContain('Your unread notifications')
    expect(mail.text).toContain(`New report ${ref}`)
    expect(mail.text).toContain(`/w/${org.slug}/inbox`)
    const raw = digests[0]!.raw.toString('utf8')
    for (const canary of [title, description]) expect(raw).not.toContain(canary)
    expect(rob.email).not.toBe(rita.email)
    // The next day, still unread: the next digest.
    t.clock.advance(24 * 60 * 60_000)
    await runNotifications(t.deps)
    await worker.runOnce()
    expect(relay.received.slice(before).filter((m) => m.rcpt.includes(rita.email))).toHaveLength(2)
  })
})
