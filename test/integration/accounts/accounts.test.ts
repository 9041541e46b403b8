import { describe, expect, it } from 'vitest'
import { commonPasswordSet } from '../../../src/auth/index.js'
import { checkNewPassword } from '../../../src/auth/passwords.js'
import { cipherFor } from '../../../src/deps.js'
import { acrossOrganizations } from '../../../src/storage/db.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { type Browser, type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

interface Mail {
  template: string
  to: string
  link?: string
}

/** The organization's queued mail, decrypted, oldest first. */
async function mailOf(t: TestApp, org: OrganizationRow): Promise<Mail[]> {
  const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).orderBy('created_at').orderBy('id').execute()
  const cipher = cipherFor(t.deps, org)
  return rows.map((r) => JSON.parse(cipher.decrypt(r.payload_enc, `outbox.payload|${r.id}`)) as Mail)
}

const lastLink = async (t: TestApp, org: OrganizationRow, template: string, to: string): Promise<string> => {
  const mail = (await mailOf(t, org)).filter((m) => m.template === template && m.to === to).at(-1)
  if (!mail?.link) throw new Error(`no ${template} mail to ${to}`)
  return new URL(mail.link).pathname
}

const eventTypes = async (t: TestApp, org: OrganizationRow) =>
  (await t.deps.db.selectFrom('event').select('type').where('org_id', '=', org.id).orderBy('seq').execute()).map((e) => e.type)

/** The admin page as the admin sees it, without the per-request CSRF token. */
const visible = (body: string) => body.replace(/name="_csrf" value="[^"]+"/g, '')

async function invite(admin: Browser, org: OrganizationRow, email: string, role = 'responder') {
  return admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/members`, { email, role })
}

eachDialect('accounts', (ctx) => {
  describe('invitations instead of chosen passwords', () => {
    // One app per block: the sign-in route allows 20 attempts a minute per client address.
    const app = useTestApp(ctx)
    it('an invited person chooses their own password through the mailed link, once, and is then a member', async () => {
      const t = app()
      const org = await t.given.org()
      const admin = t.browser()
      await admin.signIn(await t.given.member(org, 'admin'))
      const form = await admin.get(`/w/${org.slug}/admin/members`)
      expect(form.body).not.toContain('name="password"')
      const sent = await invite(admin, org, 'newcomer@example.org', 'viewer')
      expect(sent.statusCode).toBe(303)
      const link = await lastLink(t, org, 'account.invitation', 'newcomer@example.org')
      expect((await admin.get(`/w/${org.slug}/admin/members`)).body).toContain('newcomer@example.org')

      const invitee = t.browser()
      expect((await invitee.get(link)).body).toContain('name="password"')
      const weak = await invitee.submit(link, link, { name: 'Nia', password: 'password1234', confirm: 'password1234' })
      expect(weak.statusCode).toBe(422)
      const accepted = await invitee.submit(link, link, {
        name: 'Nia',
        password: 'a long phrase nobody guesses',
        confirm: 'a long phrase nobody guesses',
      })
      expect(accepted.statusCode).toBe(303)
      expect(accepted.headers.location).toBe(`/w/${org.slug}/reports`)
      expect((await invitee.get(`/w/${org.slug}/reports`)).statusCode).toBe(200)
      // Single use: the link is spent.
      expect((await t.browser().get(link)).statusCode).toBe(410)
      const signIn = t.browser()
      await signIn.signIn({ email: 'newcomer@example.org', password: 'a long phrase nobody guesses' })
      expect(await eventTypes(t, org)).toEqual(expect.arrayContaining(['member.invited', 'member.invitation_accepted']))
      // The event log names nobody's address.
      const data = await t.deps.db.selectFrom('event').select('data').where('org_id', '=', org.id).execute()
      expect(JSON.stringify(data)).not.toContain('newcomer@example.org')
    })

    it("the admin's page answers the same whether or not the address already has an account", async () => {
      const t = app()
      const org = await t.given.org()
      const elsewhere = await t.given.member(await t.given.org(), 'responder')
      const admin = t.browser()
      await admin.signIn(await t.given.member(org, 'admin'))
      const known = await invite(admin, org, elsewhere.email)
      const unknown = await invite(admin, org, `nobody-${Date.now()}@example.org`)
      expect(known.statusCode).toBe(unknown.statusCode)
      expect(known.headers.location).toBe(unknown.headers.location)
      const page = visible((await admin.get(String(known.headers.location))).body)
      const strip = (s: string) => s.replace(elsewhere.email, 'X').replace(/nobody-\d+@example.org/, 'X')
      // The two invitations are listed alike (address, role, pending); nothing else differs.
      expect(
        strip(page)
          .match(/<tr[\s\S]*?<\/tr>/g)
          ?.filter((row) => row.includes('>X<'))?.length,
      ).toBe(2)
      const mails = await mailOf(t, org)
      expect(mails.filter((m) => m.template === 'account.invitation').map((m) => m.to)).toEqual(expect.arrayContaining([elsewhere.email]))
    })

    it('a person with an account accepts after signing in as it, and not as someone else', async () => {
      const t = app()
      const org = await t.given.org()
      const existing = await t.given.member(await t.given.org(), 'responder')
      const admin = t.browser()
      await admin.signIn(await t.given.member(org, 'admin'))
      await invite(admin, org, existing.email)
      const link = await lastLink(t, org, 'account.invitation', existing.email)
      const stranger = t.browser()
      expect((await stranger.get(link)).body).toContain('/login?next=')
      const other = t.browser()
      await other.signIn(await t.given.member(await t.given.org(), 'viewer'))
      const refused = await other.submit(link, link, {})
      expect(refused.statusCode).toBe(409)
      const invitee = t.browser()
      await invitee.signIn(existing)
      const accepted = await invitee.submit(link, link, {})
      expect(accepted.statusCode).toBe(303)
      expect((await invitee.get(`/w/${org.slug}/reports`)).statusCode).toBe(200)
    })

    it('a revoked or expired invitation link no longer works', async () => {
      const t = app()
      const org = await t.given.org()
      const admin = t.browser()
      await admin.signIn(await t.given.member(org, 'admin'))
      await invite(admin, org, 'revoked@example.org')
      const link = await lastLink(t, org, 'account.invitation', 'revoked@example.org')
      const [pending] = await t.deps.db
        .selectFrom('invitation')
        .select('id')
        .where('org_id', '=', org.id)
        .where('email', '=', 'revoked@example.org')
        .execute()
      const revoked = await admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/invitations/${pending!.id}/revoke`, {})
      expect(revoked.statusCode).toBe(303)
      expect((await t.browser().get(link)).statusCode).toBe(410)
      expect((await admin.get(`/w/${org.slug}/admin/members`)).body).toContain('revoked')

      await invite(admin, org, 'late@example.org')
      const late = await lastLink(t, org, 'account.invitation', 'late@example.org')
      t.clock.advance(8 * 86_400_000)
      expect((await t.browser().get(late)).statusCode).toBe(410)
      const later = t.browser() // the admin's session ended long ago (12 hours at most)
      await later.signIn(await t.given.member(org, 'admin'))
      expect((await later.get(`/w/${org.slug}/admin/members`)).body).toContain('expired')
    })
  })

  describe('password change and reset', () => {
    const app = useTestApp(ctx)
    it('changing the password needs the current one and signs out every other session', async () => {
      const t = app()
      const org = await t.given.org()
      const me = await t.given.member(org, 'responder')
      const here = t.browser()
      const there = t.browser()
      await here.signIn(me)
      await there.signIn(me)
      const wrong = await here.submit('/account', '/account/password', {
        current: 'not it at all',
        password: 'a fresh long phrase',
        confirm: 'a fresh long phrase',
      })
      expect(wrong.statusCode).toBe(422)
      const changed = await here.submit('/account', '/account/password', {
        current: me.password,
        password: 'a fresh long phrase',
        confirm: 'a fresh long phrase',
      })
      expect(changed.statusCode).toBe(303)
      expect((await here.get(`/w/${org.slug}/reports`)).statusCode).toBe(200)
      expect((await there.get(`/w/${org.slug}/reports`)).statusCode).not.toBe(200)
      await t.browser().signIn({ email: me.email, password: 'a fresh long phrase' })
      expect(await eventTypes(t, org)).toContain('account.password_changed')
    })

    it('a reset link is mailed only for a known address, the page answers the same for both, and the link works once', async () => {
      const t = app()
      const org = await t.given.org()
      const me = await t.given.member(org, 'responder')
      const open = t.browser()
      await open.signIn(me)
      const known = await t.browser().submit('/account/reset', '/account/reset', { email: me.email })
      const unknown = await t.browser().submit('/account/reset', '/account/reset', { email: 'nobody-here@example.org' })
      expect([known.statusCode, known.headers.location]).toEqual([unknown.statusCode, unknown.headers.location])
      const link = await lastLink(t, org, 'account.password-reset', me.email)
      const reset = t.browser()
      const done = await reset.submit(link, link, { password: 'my brand new phrase', confirm: 'my brand new phrase' })
      expect(done.statusCode).toBe(303)
      expect((await open.get(`/w/${org.slug}/reports`)).statusCode).not.toBe(200)
      expect((await t.browser().get(link)).statusCode).toBe(410)
      await t.browser().signIn({ email: me.email, password: 'my brand new phrase' })
      expect(await eventTypes(t, org)).toContain('account.password_reset')
    })

    it('reset requests for one address from one network are throttled, known or not', async () => {
      const t = app()
      const org = await t.given.org()
      const me = await t.given.member(org, 'responder')
      for (const email of [me.email, 'ghost@example.org']) {
        const statuses: number[] = []
        for (let i = 0; i < 5; i++) statuses.push((await t.browser().submit('/account/reset', '/account/reset', { email })).statusCode)
        expect(statuses.slice(0, 3)).toEqual([303, 303, 303])
        expect(statuses.at(-1)).toBe(429)
      }
    })

    it('a common or breached password from the list is refused, not only a short one', () => {
      const list = commonPasswordSet(['correcthorsebatterystaple', 'short'])
      expect(checkNewPassword('CorrectHorseBatteryStaple', list)).toBe('common')
      expect(checkNewPassword('short', list)).toBe('too-short')
      expect(checkNewPassword('an unlisted long phrase', list)).toBeNull()
    })
  })

  describe('revocation that takes effect at once', () => {
    const app = useTestApp(ctx)
    async function twoSessions(t: TestApp, org: OrganizationRow, role: 'admin' | 'responder' = 'responder') {
      const member = await t.given.member(org, role)
      const a = t.browser()
      const b = t.browser()
      await a.signIn(member)
      await b.signIn(member)
      for (const s of [a, b]) expect((await s.get(`/w/${org.slug}/admin/members`)).statusCode).toBe(role === 'admin' ? 200 : 403)
      return { member, sessions: [a, b] }
    }

    it('a removed member is refused at the next request of every session', async () => {
      const t = app()
      const org = await t.given.org()
      const admin = t.browser()
      await admin.signIn(await t.given.member(org, 'admin'))
      const { member, sessions } = await twoSessions(t, org)
      const res = await admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/members/${member.id}/remove`, {})
      expect(res.statusCode).toBe(303)
      for (const s of sessions) expect((await s.get(`/w/${org.slug}/reports`)).statusCode).not.toBe(200)
      expect(await eventTypes(t, org)).toContain('member.removed')
    })

    it('a demoted administrator is refused admin pages at the next request of every session', async () => {
      const t = app()
      const org = await t.given.org()
      const admin = t.browser()
      await admin.signIn(await t.given.member(org, 'admin'))
      const { member, sessions } = await twoSessions(t, org, 'admin')
      const res = await admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/members/${member.id}/role`, { role: 'viewer' })
      expect(res.statusCode).toBe(303)
      for (const s of sessions) expect((await s.get(`/w/${org.slug}/admin/members`)).statusCode).toBe(403)
      expect(await eventTypes(t, org)).toContain('member.role_changed')
    })

    it('a disabled account is refused at the next request of every session and cannot sign in', async () => {
      const t = app()
      const org = await t.given.org()
      const admin = t.browser()
      await admin.signIn(await t.given.member(org, 'admin'))
      const { member, sessions } = await twoSessions(t, org)
      const res = await admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/members/${member.id}/disable`, {})
      expect(res.statusCode).toBe(303)
      for (const s of sessions) expect((await s.get(`/w/${org.slug}/reports`)).statusCode).not.toBe(200)
      await expect(t.browser().signIn(member)).rejects.toThrow()
      const row = await acrossOrganizations(t.deps.db)
        .selectFrom('user')
        .select('disabled_at')
        .where('id', '=', member.id)
        .executeTakeFirst()
      expect(row?.disabled_at).not.toBeNull()
    })

    it('the last administrator cannot be removed or demoted', async () => {
      const t = app()
      const org = await t.given.org()
      const only = await t.given.member(org, 'admin')
      const admin = t.browser()
      await admin.signIn(only)
      expect((await admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/members/${only.id}/remove`, {})).statusCode).toBe(
        409,
      )
      expect(
        (await admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/members/${only.id}/role`, { role: 'viewer' })).statusCode,
      ).toBe(409)
    })

    it('a person sees their own sessions with the device and ends one, whose next request is refused', async () => {
      const t = app()
      const org = await t.given.org()
      const me = await t.given.member(org, 'responder')
      const laptop = t.browser()
      const phone = t.browser()
      await laptop.signIn(me)
      const login = await phone.get('/login', {
        'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36',
      })
      const token = /name="_csrf" value="([^"]+)"/.exec(login.body)?.[1] ?? ''
      await phone.post(
        '/login',
        { _csrf: token, email: me.email, password: me.password, next: '/' },
        { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36' },
      )
      const page = await laptop.get('/account/sessions')
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('Chrome on Android')
      const sessions = await t.deps.db.selectFrom('session').selectAll().where('user_id', '=', me.id).execute()
      expect(sessions.every((s) => s.client_address === null)).toBe(true)
      const phoneSession = sessions.find((s) => s.user_agent?.includes('Android'))!
      const ended = await laptop.submit('/account/sessions', `/account/sessions/${phoneSession.id}/end`, {})
      expect(ended.statusCode).toBe(303)
      expect((await phone.get(`/w/${org.slug}/reports`)).statusCode).not.toBe(200)
      expect((await laptop.get(`/w/${org.slug}/reports`)).statusCode).toBe(200)
      expect(await eventTypes(t, org)).toContain('account.session_ended')
    })
  })
})
