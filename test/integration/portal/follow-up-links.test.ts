/**
 * The follow-up capability's life: a second report's link never silently replaces the open one,
 * "forget" revokes the link for good (stored), a reporter with an address can have a new link
 * mailed, and links and cookies have a lifetime.
 */
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { buildOutboundMail } from '../../../src/mail/outbound-mail.js'
import { hashSecret } from '../../../src/storage/ids.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { csrfFrom, type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('follow-up links', (ctx) => {
  const app = useTestApp(ctx, { mailFrom: 'security@example.org' })
  const path = (url: string) => new URL(url).pathname

  async function newLinkMails(t: TestApp, org: OrganizationRow) {
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).orderBy('created_at').orderBy('id').execute()
    const cipher = cipherFor(t.deps, org)
    return rows
      .map(
        (r) =>
          JSON.parse(cipher.decrypt(r.payload_enc, `outbox.payload|${r.id}`)) as { template: string; to: string; followUpUrl?: string },
      )
      .filter((m) => m.template === 'reporter.new-link')
  }

  it("finding 7: with report A open, opening B's link asks first, and A stays open until the reporter confirms", async () => {
    const t = app()
    const org = await t.given.org()
    const a = await t.given.report(org, { title: 'Report A of the reporter' })
    const b = await t.given.report(org, { title: 'Report B of someone else' })
    const reporter = t.browser()
    await reporter.get(path(a.followUpUrl))
    const openedA = reporter.cookies.get('embargo_followup')

    const lured = await reporter.get(path(b.followUpUrl))
    expect(lured.statusCode).toBe(303)
    expect(lured.headers.location).toBe('/follow-up/switch')
    expect(reporter.cookies.get('embargo_followup')).toBe(openedA)
    // A is still what the follow-up page and a reply reach.
    const still = await reporter.get('/follow-up')
    expect(still.body).toContain('Report A of the reporter')
    expect(still.body).not.toContain('Report B of someone else')

    const ask = await reporter.get('/follow-up/switch')
    expect(ask.statusCode).toBe(200)
    expect(ask.body).toContain(a.ref)
    expect(ask.body).toContain(b.ref)
    expect(ask.body).not.toContain('Report B of someone else')
    // The new secret is in no form field or link on the page.
    expect(ask.body).not.toContain(b.followUpToken)
    expect(ask.headers['referrer-policy']).toBe('no-referrer')
    // Confirming needs the page's CSRF token.
    expect((await reporter.post('/follow-up/switch', {}, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(403)
    expect(reporter.cookies.get('embargo_followup')).toBe(openedA)

    // "Keep A": nothing changes.
    const kept = await reporter.submit('/follow-up/switch', '/follow-up/switch/cancel', {})
    expect(kept.statusCode).toBe(303)
    expect((await reporter.get('/follow-up')).body).toContain('Report A of the reporter')
    expect(reporter.cookies.has('embargo_followup_pending')).toBe(false)

    // Asked again and confirmed: B opens.
    await reporter.get(path(b.followUpUrl))
    const confirmed = await reporter.submit('/follow-up/switch', '/follow-up/switch', {})
    expect(confirmed.statusCode).toBe(303)
    expect(confirmed.headers.location).toBe('/follow-up')
    const now = await reporter.get('/follow-up')
    expect(now.body).toContain('Report B of someone else')
    expect(now.body).not.toContain('Report A of the reporter')

    // A link of the report already open opens it without asking.
    expect((await reporter.get(path(b.followUpUrl))).headers.location).toBe('/follow-up')
  })

  it('finding 7: after "forget", the old link answers that it was revoked and the cookie no longer works', async () => {
    const t = app()
    const org = await t.given.org()
    const a = await t.given.report(org, { title: 'Forgettable report', reporterEmail: 'finder@example.net' })
    const reporter = t.browser()
    await reporter.get(path(a.followUpUrl))
    const cookie = reporter.cookies.get('embargo_followup') as string
    const forgot = await reporter.submit('/follow-up', '/follow-up/forget', {})
    expect(forgot.statusCode).toBe(303)
    expect(forgot.headers.location).toBe('/follow-up/forgotten')
    expect((await reporter.get('/follow-up/forgotten')).body).toContain('no longer works')

    const row = await t.deps.db
      .selectFrom('report_access')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('token_hash', '=', hashSecret(a.followUpToken))
      .executeTakeFirst()
    expect(row?.revoked_at).not.toBeNull()

    const again = await reporter.get(path(a.followUpUrl))
    expect(again.statusCode).toBe(410)
    expect(again.body).toContain('This link was revoked')
    expect(again.body).not.toContain('Forgettable report')
    expect(reporter.cookies.has('embargo_followup')).toBe(false)

    // A copy of the old cookie (another device, a stolen one) opens nothing either.
    const copy = t.browser()
    copy.cookies.set('embargo_followup', cookie)
    const stale = await copy.get('/follow-up')
    expect(stale.statusCode).toBe(404)
    expect(stale.body).not.toContain('Forgettable report')
    expect((await copy.post('/follow-up/reply', { body: 'still here?' })).statusCode).toBeGreaterThanOrEqual(403)
    // The team sees it on the timeline.
    const team = t.browser()
    await team.signIn(await t.given.member(org, 'responder'))
    expect((await team.get(`/w/${org.slug}/reports/${a.ref}`)).body).toContain('Reporter revoked their follow-up link')
  })

  it('finding 7: a reporter who gave an address has a new link mailed; without one the page says none can be sent', async () => {
    const t = app()
    const org = await t.given.org()
    const a = await t.given.report(org, { title: 'Report with an address', reporterEmail: 'finder@example.net' })
    const reporter = t.browser()
    await reporter.get(path(a.followUpUrl))
    await reporter.submit('/follow-up', '/follow-up/forget', {})
    const gone = await reporter.get(path(a.followUpUrl))
    expect(gone.body).toContain('Send me a new link')
    const asked = await reporter.post(path(a.followUpUrl), { _csrf: csrfFrom(gone.body) })
    expect(asked.statusCode).toBe(303)
    expect(asked.headers.location).toBe('/follow-up/link-sent')
    const mails = await newLinkMails(t, org)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.to).toBe('finder@example.net')
    const fresh = mails[0]?.followUpUrl as string
    expect(fresh).not.toContain(a.followUpToken)
    // The new link works; the old one stays revoked.
    const other = t.browser()
    expect((await other.get(path(fresh))).headers.location).toBe('/follow-up')
    expect((await other.get('/follow-up')).body).toContain('Report with an address')
    expect((await t.browser().get(path(a.followUpUrl))).statusCode).toBe(410)
    // The mail carries the new link, with a subject that says nothing about the report.
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).execute()
    const cipher = cipherFor(t.deps, org)
    const row = rows.find((r) => cipher.decrypt(r.payload_enc, `outbox.payload|${r.id}`).includes('reporter.new-link'))
    if (!row) throw new Error('no new-link mail in the outbox')
    const raw = (await buildOutboundMail(t.deps, row)).raw.toString('utf8').replace(/=\r?\n/g, '')
    expect(raw).toContain('A new link to follow your report')
    expect(raw).toContain(path(fresh).slice(3, 30))
    expect(raw).not.toContain('Report with an address')
    // Asking again at once sends nothing more.
    await reporter.post(path(a.followUpUrl), { _csrf: csrfFrom(gone.body) })
    expect(await newLinkMails(t, org)).toHaveLength(1)

    const anonymous = await t.given.report(org, { title: 'Report without an address' })
    const anon = t.browser()
    await anon.get(path(anonymous.followUpUrl))
    await anon.submit('/follow-up', '/follow-up/forget', {})
    const none = await anon.get(path(anonymous.followUpUrl))
    expect(none.statusCode).toBe(410)
    expect(none.body).toContain('No e-mail address was given')
    expect(none.body).not.toContain('Send me a new link')
  })

  it('finding 7: links work for a limited time and their cookie never outlives them', async () => {
    const t = app()
    const org = await t.given.org()
    const a = await t.given.report(org, { title: 'Report that ages' })
    const reporter = t.browser()
    const swap = await reporter.get(path(a.followUpUrl))
    expect(String(swap.headers['set-cookie'])).toContain(`Max-Age=${30 * 24 * 60 * 60}`)
    // Near the end of the link's life the cookie is cut at the link's end.
    t.clock.advance(360 * 24 * 60 * 60 * 1000)
    const late = await t.browser().get(path(a.followUpUrl))
    expect(String(late.headers['set-cookie'])).toContain(`Max-Age=${5 * 24 * 60 * 60}`)
    t.clock.advance(6 * 24 * 60 * 60 * 1000)
    const expired = await t.browser().get(path(a.followUpUrl))
    expect(expired.statusCode).toBe(410)
    expect(expired.body).toContain('This link has expired')
    expect((await reporter.get('/follow-up')).statusCode).toBe(404)
  })
})
