/**
 * Issue 12, items 1–3, end to end on both databases: KhulnaSoft's early-disclosure list gets the
 * advisory before disclosure day — PGP/MIME encrypted to a partner's key over the real SMTP socket,
 * only a link for a partner without a key — and acknowledges it; a partner that accepts 7 days of
 * embargo is refused 8 days before the release (the page says from when) and, scheduled, is told
 * exactly at 7 days by the job; moving the release re-plans and tells the partners; unacknowledged
 * notices are reminded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { formatTime } from '../../../src/i18n/format-time.js'
import { generateOrgMailKey } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { runPartnerNotices } from '../../../src/partners/index.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { startRelay, type TestRelay } from '../../support/mail.js'
import { addPartnerAsAdmin, decrypted, khulnaSoftWithDraft, mailsTo, partnerKey, partnerLinkIn } from './partner-support.js'

const dhaka = 'Asia/Dhaka'
/** 15 December 2026, 10:00 in Dhaka (UTC+6). */
const release = '2026-12-15T10:00'
const releaseIso = '2026-12-15T04:00:00.000Z'
const day = 24 * 3_600_000
/** A page as a reader sees its words: tags out, entities of the apostrophe and ampersand back. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')

eachDialect('early notice to partners', (ctx) => {
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

  const partnerEvents = async (orgId: string) =>
    (
      await app()
        .deps.db.selectFrom('event')
        .select(['type', 'at', 'data'])
        .where('org_id', '=', orgId)
        .where('type', 'like', 'partner.notice%')
        .orderBy('seq')
        .execute()
    ).map((e) => ({ type: e.type, at: e.at, data: JSON.parse(e.data) as Record<string, unknown> }))

  it("KhulnaSoft's early-disclosure list gets the advisory before disclosure day, encrypted or as a link, and acknowledges it", async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const { org, admin, responder, ownId } = await khulnaSoftWithDraft(t)
    // KhulnaSoft has its own mail key: mail to a partner with a key is signed with it as well.
    expect((await generateOrgMailKey(t.deps, org)).ok).toBe(true)
    const orgKey = (await t.deps.db.selectFrom('org_mail').select('public_key').where('org_id', '=', org.id).executeTakeFirstOrThrow())
      .public_key!
    const key = await partnerKey('security@distro.example')
    await addPartnerAsAdmin(t, org, admin, {
      name: 'Distro Security Team',
      kind: 'distribution',
      address: 'security@distro.example',
      publicKey: key.publicKey,
    })
    await addPartnerAsAdmin(t, org, admin, { name: 'National CERT', kind: 'cert', address: 'desk@cert.example' })
    const partnerIds = (await t.deps.db.selectFrom('partner').select('id').where('org_id', '=', org.id).execute()).map((r) => r.id)

    const team = t.browser()
    await team.signIn(responder)
    const coordination = `/w/${org.slug}/advisories/${ownId}/coordination`
    // Telling partners needs a planned release.
    const early = await team.submit(coordination, `/w/${org.slug}/advisories/${ownId}/notices`, { partners: partnerIds[0]! })
    expect(early.statusCode).toBe(409)
    expect(early.body).toContain('Plan the release first')
    expect((await team.submit(coordination, `/w/${org.slug}/advisories/${ownId}/release`, { at: release })).statusCode).toBe(303)
    const planned = await team.get(coordination)
    expect(planned.body).toContain(formatTime(releaseIso, dhaka))
    // The advisory page shows the plan and links here.
    expect((await team.get(`/w/${org.slug}/advisories/${ownId}`)).body).toContain(`/advisories/${ownId}/coordination`)

    t.clock.current = new Date('2026-12-10T04:00:00.000Z')
    await team.signIn(responder) // days later: a fresh session
    const form = new URLSearchParams()
    const page = await team.get(coordination)
    form.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!)
    for (const id of partnerIds) form.append('partners', id)
    const sent = await t.app.inject({
      method: 'POST',
      url: `/w/${org.slug}/advisories/${ownId}/notices`,
      payload: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...team.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    expect(sent.statusCode).toBe(303)
    // The confirmation rides in the flash cookie of the redirect, as in a browser.
    for (const c of sent.cookies as Array<{ name: string; value: string }>) team.cookies.set(c.name, c.value)
    expect((await team.get(sent.headers.location as string)).body).toContain('Early notice sent to 2 partners')

    await worker.runOnce()
    const [keyed] = await mailsTo(relay, 'security@distro.example')
    expect(keyed?.raw).toContain('multipart/encrypted')
    expect(keyed?.raw).not.toContain('Token leak')
    expect(keyed?.mail.subject).toBe(`[${ownId}] Early notice of a security advisory`)
    const inside = await decrypted(keyed!.raw, key.privateKey, orgKey)
    expect(inside).toContain('Token leak in the KhulnaSoft agent')
    expect(inside).toContain(formatTime(releaseIso, dhaka))
    const link = partnerLinkIn(inside)

    const [linkOnly] = await mailsTo(relay, 'desk@cert.example')
    expect(linkOnly?.raw).not.toContain('multipart/encrypted')
    expect(linkOnly?.raw).not.toContain('Token leak')
    expect(linkOnly?.mail.text).toContain('/partner-notice/')
    const certLink = partnerLinkIn(linkOnly!.mail.text ?? '')
    expect(certLink).not.toBe(link)

    // The team sees both waiting for an acknowledgment.
    expect(words((await team.get(coordination)).body)).toContain('Not acknowledged sent')

    // Two days later without an answer: a reminder (catalogue text and dates, no advisory text).
    t.clock.current = new Date(Date.parse('2026-12-10T04:00:00.000Z') + 2 * day)
    expect(await runPartnerNotices(t.deps, t.clock.now())).toMatchObject({ sent: 0, reminded: 2 })
    expect(await runPartnerNotices(t.deps, t.clock.now())).toMatchObject({ sent: 0, reminded: 0 })
    await worker.runOnce()
    const reminders = await mailsTo(relay, 'desk@cert.example')
    expect(reminders).toHaveLength(2)
    expect(reminders[1]?.mail.subject).toBe(`[${ownId}] Please acknowledge our early notice`)
    expect(reminders[1]?.raw).not.toContain('Token leak')

    // The partner opens its link (no account) and acknowledges.
    const partner = t.browser()
    const opened = await partner.get(link)
    expect(opened.statusCode).toBe(200)
    expect(opened.body).toContain('Token leak in the KhulnaSoft agent')
    expect(opened.body).toContain('keep it confidential')
    const ack = await partner.submit(link, link, {})
    expect(ack.statusCode).toBe(303)
    expect((await partner.get(ack.headers.location as string)).body).toContain('your acknowledgment is recorded')
    expect((await t.app.inject({ method: 'GET', url: '/partner-notice/not-a-real-link-aaaaaaaaaaaaaaaaaaaaaaa' })).statusCode).toBe(404)

    await team.signIn(responder)
    const after = words((await team.get(coordination)).body)
    expect(after).toContain('Acknowledged ')
    expect(after).toContain('Distro Security Team acknowledged the early notice')
    expect(after).toContain('Distro Security Team opened the early notice')
    const types = (await partnerEvents(org.id)).map((e) => e.type)
    expect(types.filter((x) => x === 'partner.notice_sent')).toHaveLength(2)
    expect(types).toContain('partner.notice_viewed')
    expect(types.filter((x) => x === 'partner.notice_acknowledged')).toHaveLength(1)
    expect(types.filter((x) => x === 'partner.notice_reminded')).toHaveLength(2)
    // Acknowledged: no more reminders for that one.
    t.clock.current = new Date(t.clock.current.getTime() + 2 * day)
    expect(await runPartnerNotices(t.deps, t.clock.now())).toMatchObject({ sent: 0, reminded: 1 })
  })

  it('a partner that accepts 7 days is refused 8 days before the release, with the date, and scheduled is told exactly at 7 days', async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const { org, admin, responder, ownId } = await khulnaSoftWithDraft(t)
    const key = await partnerKey('psirt@vendor.example')
    const vendor = await addPartnerAsAdmin(t, org, admin, {
      name: 'Downstream Vendor',
      kind: 'downstream-vendor',
      maxEmbargo: '7 days',
      address: 'psirt@vendor.example',
      publicKey: key.publicKey,
    })
    const team = t.browser()
    await team.signIn(responder)
    const coordination = `/w/${org.slug}/advisories/${ownId}/coordination`
    const notices = `/w/${org.slug}/advisories/${ownId}/notices`
    expect((await team.submit(coordination, `/w/${org.slug}/advisories/${ownId}/release`, { at: release })).statusCode).toBe(303)
    const sevenDays = Date.parse(releaseIso) - 7 * day
    expect((await team.get(coordination)).body).toContain(formatTime(new Date(sevenDays).toISOString(), dhaka))

    t.clock.current = new Date(Date.parse(releaseIso) - 8 * day)
    await team.signIn(responder)
    const refused = await team.submit(coordination, notices, { partners: vendor })
    expect(refused.statusCode).toBe(409)
    expect(words(refused.body)).toContain(`Downstream Vendor may be told from ${formatTime(new Date(sevenDays).toISOString(), dhaka)}`)
    expect(await t.deps.db.selectFrom('partner_notice').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)

    const scheduled = await team.submit(coordination, notices, { partners: vendor, later: 'on' })
    expect(scheduled.statusCode).toBe(303)
    expect(words((await team.get(coordination)).body)).toContain(`Scheduled ${formatTime(new Date(sevenDays).toISOString(), dhaka)}`)

    // The job loop, driven by the controlled clock: nothing a second early, the notice exactly at 7 days.
    // (The job runs across organizations: other tests' notices may be reminded on the way, so only `sent` is counted.)
    expect(await runPartnerNotices(t.deps, new Date(sevenDays - 1000))).toMatchObject({ sent: 0 })
    const before = relay.received.length
    expect(await runPartnerNotices(t.deps, new Date(sevenDays))).toMatchObject({ sent: 1 })
    expect(await runPartnerNotices(t.deps, new Date(sevenDays))).toMatchObject({ sent: 0 })
    const sentEvent = (await partnerEvents(org.id)).find((e) => e.type === 'partner.notice_sent')
    expect(sentEvent?.at).toBe(new Date(sevenDays).toISOString())
    t.clock.current = new Date(sevenDays)
    await worker.runOnce()
    const mails = relay.received.slice(before).filter((m) => m.rcpt.includes('psirt@vendor.example'))
    expect(mails).toHaveLength(1)
    expect(await decrypted(mails[0]!.raw.toString('utf8'), key.privateKey)).toContain('Token leak in the KhulnaSoft agent')
  })

  it('moving the release moves a scheduled notice with it and tells the partners already told', async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const { org, admin, responder, ownId } = await khulnaSoftWithDraft(t)
    const told = await addPartnerAsAdmin(t, org, admin, { name: 'Cloud Customer', kind: 'customer', address: 'sec@customer.example' })
    const waiting = await addPartnerAsAdmin(t, org, admin, {
      name: 'Careful Vendor',
      kind: 'downstream-vendor',
      maxEmbargo: '3 days',
      address: 'psirt@careful.example',
    })
    const team = t.browser()
    await team.signIn(responder)
    const coordination = `/w/${org.slug}/advisories/${ownId}/coordination`
    const base = `/w/${org.slug}/advisories/${ownId}`
    expect((await team.submit(coordination, `${base}/release`, { at: release })).statusCode).toBe(303)
    t.clock.current = new Date(Date.parse(releaseIso) - 5 * day)
    await team.signIn(responder)
    expect((await team.submit(coordination, `${base}/notices`, { partners: told })).statusCode).toBe(303)
    expect((await team.submit(coordination, `${base}/notices`, { partners: waiting, later: 'on' })).statusCode).toBe(303)

    // Two days later: release on the 17th, 10:00 Dhaka.
    expect((await team.submit(coordination, `${base}/release`, { at: '2026-12-17T10:00' })).statusCode).toBe(303)
    const newRelease = Date.parse('2026-12-17T04:00:00.000Z')
    const moved = words((await team.get(coordination)).body)
    expect(moved).toContain(`Scheduled ${formatTime(new Date(newRelease - 3 * day).toISOString(), dhaka)}`)
    expect(moved).toContain('told Cloud Customer the release moved')
    await worker.runOnce()
    const mails = await mailsTo(relay, 'sec@customer.example')
    expect(mails.map((m) => m.mail.subject)).toContain(`[${ownId}] The planned release has moved`)
    expect(mails.find((m) => m.mail.subject?.includes('moved'))?.mail.text).toContain(formatTime(new Date(newRelease).toISOString(), dhaka))
    expect(await runPartnerNotices(t.deps, new Date(Date.parse(releaseIso) - 3 * day))).toMatchObject({ sent: 0 })
    expect(await runPartnerNotices(t.deps, new Date(newRelease - 3 * day))).toMatchObject({ sent: 1 })
  })

  it('two "Send" clicks at the same moment tell a partner once', async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const { org, admin, responder, ownId } = await khulnaSoftWithDraft(t)
    const partner = await addPartnerAsAdmin(t, org, admin, { name: 'Racing Customer', kind: 'customer', address: 'race@customer.example' })
    const base = `/w/${org.slug}/advisories/${ownId}`
    const coordination = `${base}/coordination`
    const team = t.browser()
    await team.signIn(responder)
    expect((await team.submit(coordination, `${base}/release`, { at: release })).statusCode).toBe(303)
    t.clock.current = new Date(Date.parse(releaseIso) - 5 * day)
    await team.signIn(responder)
    const answers = await Promise.all([0, 1, 2].map(() => team.submit(coordination, `${base}/notices`, { partners: partner })))
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(1)
    const notices = await t.deps.db.selectFrom('partner_notice').select('id').where('org_id', '=', org.id).execute()
    expect(notices).toHaveLength(1)
    await worker.runOnce()
    expect(await mailsTo(relay, 'race@customer.example')).toHaveLength(1)
  })
})
