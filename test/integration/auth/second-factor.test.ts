import { expect, it } from 'vitest'
import { acrossOrganizations } from '../../../src/storage/db.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { codeNow, enrolTotp, passwordStep, recoveryCodesOn, secondStep } from '../../support/mfa.js'

/**
 * Issue 13 item 3: an authenticator app (TOTP) and recovery codes, enrolled and used through the
 * pages; the test's clock plays the time the app and the server read.
 */
eachDialect('second factors: authenticator app and recovery codes', (ctx) => {
  const app = useTestApp(ctx)

  async function enrolled() {
    const t = app()
    const org = await t.given.org()
    const member = await t.given.member(org)
    const browser = t.browser()
    await browser.signIn(member)
    const { secret, codes } = await enrolTotp(t, browser)
    return { t, org, member, secret, codes, browser }
  }

  it('after enrolling an app, the password alone no longer starts a session: the code from the app does', async () => {
    const { t, org, member, secret } = await enrolled()
    t.clock.advance(30_000)
    const other = t.browser()
    expect(await passwordStep(other, member, `/w/${org.slug}/reports`)).toBe('/login/second-step')
    // Password done, second factor not yet: nothing of the organization opens.
    expect((await other.get(`/w/${org.slug}/reports`)).statusCode).toBe(303)
    const done = await secondStep(other, { method: 'totp', code: codeNow(t, secret) })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe(`/w/${org.slug}/reports`)
    expect((await other.get(`/w/${org.slug}/reports`)).statusCode).toBe(200)
  })

  it('a code that was used once is refused the second time, even within its 30 seconds', async () => {
    const { t, member, secret } = await enrolled()
    t.clock.advance(30_000)
    const code = codeNow(t, secret)
    const first = t.browser()
    await passwordStep(first, member)
    expect((await secondStep(first, { method: 'totp', code })).statusCode).toBe(303)
    // Someone who saw the code over the person's shoulder, a few seconds later.
    t.clock.advance(5_000)
    const replay = t.browser()
    await passwordStep(replay, member)
    const refused = await secondStep(replay, { method: 'totp', code })
    expect(refused.statusCode).toBe(401)
    expect(refused.body).toContain('That did not match')
    expect(replay.cookies.has('embargo_session')).toBe(false)
    // The next step's code works.
    t.clock.advance(30_000)
    expect((await secondStep(replay, { method: 'totp', code: codeNow(t, secret) })).statusCode).toBe(303)
  })

  it('the code of the step just before or after is accepted (clock drift), older or newer ones are not', async () => {
    const { t, member, secret } = await enrolled()
    t.clock.advance(10 * 60_000)
    const browser = t.browser()
    await passwordStep(browser, member)
    expect((await secondStep(browser, { method: 'totp', code: codeNow(t, secret, -90_000) })).statusCode).toBe(401)
    expect((await secondStep(browser, { method: 'totp', code: codeNow(t, secret, 90_000) })).statusCode).toBe(401)
    expect((await secondStep(browser, { method: 'totp', code: codeNow(t, secret, -30_000) })).statusCode).toBe(303)
  })

  it('five wrong codes send the person back to their password', async () => {
    const { t, member, secret } = await enrolled()
    t.clock.advance(30_000)
    const browser = t.browser()
    await passwordStep(browser, member)
    for (let i = 0; i < 4; i++) expect((await secondStep(browser, { method: 'totp', code: '000000' })).statusCode).toBe(401)
    const last = await secondStep(browser, { method: 'totp', code: '000000' })
    expect(last.statusCode).toBe(401)
    expect(last.body).toContain('Sign in with your password again')
    // Even the right code does not revive that step.
    const after = await secondStep(browser, { method: 'totp', code: codeNow(t, secret) })
    expect(after.statusCode).toBe(303)
    expect(after.headers.location).toBe('/login')
  })

  it('a recovery code signs in once, and the organization’s log records that it was used', async () => {
    const { t, org, member, codes } = await enrolled()
    const code = codes[3] as string
    const first = t.browser()
    await passwordStep(first, member)
    expect((await secondStep(first, { method: 'recovery', code: code.toUpperCase() })).statusCode).toBe(303)
    const again = t.browser()
    await passwordStep(again, member)
    expect((await secondStep(again, { method: 'recovery', code })).statusCode).toBe(401)
    const events = await t.deps.db
      .selectFrom('event')
      .select(['type', 'data'])
      .where('org_id', '=', org.id)
      .where('type', 'like', 'mfa.%')
      .orderBy('seq')
      .execute()
    expect(events.map((e) => e.type)).toEqual(['mfa.factor_added', 'mfa.factor_added', 'mfa.recovery_code_used'])
    expect(JSON.parse(String(events[2]?.data))).toEqual({ remaining: 9 })
  })

  it('recovery codes are shown once; what is stored is neither the codes nor the app’s key', async () => {
    const { t, member, secret, codes, browser } = await enrolled()
    const reload = await browser.get('/account/security/recovery-codes')
    expect(recoveryCodesOn(reload.body)).toEqual([])
    expect(reload.body).toContain('shown only once')
    const db = acrossOrganizations(t.deps.db)
    const totp = await db.selectFrom('mfa_totp').selectAll().where('user_id', '=', member.id).executeTakeFirstOrThrow()
    expect(totp.secret_enc).toMatch(/^v1\./)
    expect(totp.secret_enc).not.toContain(secret)
    const stored = JSON.stringify(await db.selectFrom('mfa_recovery_code').selectAll().where('user_id', '=', member.id).execute())
    for (const code of codes) {
      expect(stored).not.toContain(code)
      expect(stored).not.toContain(code.replace(/-/g, ''))
    }
    const challenges = JSON.stringify(await db.selectFrom('mfa_challenge').selectAll().where('user_id', '=', member.id).execute())
    for (const code of codes) expect(challenges).not.toContain(code)
  })

  it('removing the app asks for the password again, and then signing in takes the password only', async () => {
    const { t, member, browser } = await enrolled()
    const wrong = await browser.submit('/account/security', '/account/security/totp/remove', { password: 'not my password at all' })
    expect(wrong.headers.location).toBe('/account/security')
    expect((await browser.get('/account/security')).body).toContain('The password is wrong; nothing was changed.')
    const removed = await browser.submit('/account/security', '/account/security/totp/remove', { password: member.password })
    expect(removed.headers.location).toBe('/account/security')
    const after = (await browser.get('/account/security')).body
    expect(after).toContain('The authenticator app was removed.')
    // Shown once: a reload no longer says it.
    expect((await browser.get('/account/security')).body).not.toContain('The authenticator app was removed.')
    expect(await passwordStep(t.browser(), member)).toBe('/')
  })

  it('a session that signed in with the password alone cannot add a factor once the person has one', async () => {
    const t = app()
    const org = await t.given.org()
    const member = await t.given.member(org)
    const before = t.browser()
    await before.signIn(member) // a session from before the app was enrolled
    const owner = t.browser()
    await owner.signIn(member)
    await enrolTotp(t, owner)
    const res = await before.submit('/account/security', '/account/security/totp/start', {})
    expect(res.headers.location).toBe('/account/security')
    expect((await before.get('/account/security')).body).toContain('Sign in with your second factor first; nothing was changed.')
    expect((await before.get('/account/security/passkeys/new')).statusCode).toBe(200)
    const added = await before.submit('/account/security/passkeys/new', '/account/security/passkeys', {
      name: 'mine',
      response: '{"id":"x"}',
    })
    expect(added.headers.location).toBe('/account/security')
    expect((await before.get('/account/security')).body).toContain('Sign in with your second factor first; nothing was changed.')
  })
})
