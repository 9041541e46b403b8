import { afterAll, beforeAll, expect, it } from 'vitest'
import { type SignInState, sealSignInState } from '../../../src/sso/sign-in-state.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { type Browser, type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { enrolTotp, orgRequiringMfa } from '../../support/mfa.js'
import { ProviderBrowser, startOpenIdProvider, type TestOpenIdProvider } from '../../support/openid-provider.js'

const secretA = 'secret-of-org-a-0123456789'
const secretB = 'secret-of-org-b-0123456789'

async function configure(
  admin: Browser,
  org: OrganizationRow,
  op: TestOpenIdProvider,
  input: { clientId: string; clientSecret: string; jitRole?: '' | 'viewer' | 'responder'; domains?: string },
) {
  const res = await admin.submit(`/w/${org.slug}/admin/sso`, `/w/${org.slug}/admin/sso`, {
    displayName: 'Test IdP',
    issuer: op.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    domains: input.domains ?? 'example.org',
    jitRole: input.jitRole ?? '',
    trustProviderMfa: 'yes',
    enabled: 'yes',
  })
  expect(res.statusCode).toBe(303)
}

/** Starts at Embargo, walks the provider's login and consent, and returns the provider's answer (not yet delivered). */
async function throughProvider(t: TestApp, slug: string, login: string, browser = t.browser()) {
  const start = await browser.get(`/o/${slug}/sso/start?next=${encodeURIComponent('/')}`)
  expect(start.statusCode).toBe(303)
  const callback = await new ProviderBrowser().signIn(String(start.headers.location), login)
  return { browser, callback, authorize: new URL(String(start.headers.location)) }
}

async function signInWithProvider(t: TestApp, slug: string, login: string) {
  const { browser, callback } = await throughProvider(t, slug, login)
  expect(callback.pathname).toBe(`/o/${slug}/sso/callback`)
  const res = await browser.get(callback.pathname + callback.search)
  return { browser, res }
}

const sessionCount = async (t: TestApp, userId: string) =>
  (await t.deps.db.selectFrom('session').select('id').where('user_id', '=', userId).execute()).length

eachDialect('single sign-on with the organization’s OpenID Provider', (ctx) => {
  const app = useTestApp(ctx, { ssoHttpIssuers: true })
  let opA: TestOpenIdProvider
  let opB: TestOpenIdProvider
  let orgA: OrganizationRow
  let orgB: OrganizationRow
  let adminA: Browser
  let adminB: Browser

  beforeAll(async () => {
    const t = app()
    orgA = await t.given.org({ slug: 'sso-a', name: 'Org A' })
    orgB = await t.given.org({ slug: 'sso-b', name: 'Org B' })
    const redirect = (slug: string) => new URL(`/o/${slug}/sso/callback`, t.deps.config.publicUrl).href
    opA = await startOpenIdProvider([{ clientId: 'embargo-a', clientSecret: secretA, redirectUri: redirect('sso-a') }])
    // Org B's provider also knows a client with A's id and callback, as a hostile provider would.
    opB = await startOpenIdProvider([
      { clientId: 'embargo-b', clientSecret: secretB, redirectUri: redirect('sso-b') },
      { clientId: 'embargo-a', clientSecret: secretA, redirectUri: redirect('sso-a') },
    ])
    adminA = t.browser()
    await adminA.signIn(await t.given.member(orgA, 'admin'))
    adminB = t.browser()
    await adminB.signIn(await t.given.member(orgB, 'admin'))
    await configure(adminA, orgA, opA, { clientId: 'embargo-a', clientSecret: secretA })
    await configure(adminB, orgB, opB, { clientId: 'embargo-b', clientSecret: secretB, jitRole: 'viewer' })
  })
  afterAll(async () => {
    await opA?.close()
    await opB?.close()
  })

  it('the client secret is stored sealed, and the admin page never shows it', async () => {
    const t = app()
    const row = await t.deps.db.selectFrom('org_sso').selectAll().where('org_id', '=', orgA.id).executeTakeFirstOrThrow()
    expect(row.client_secret_enc).toMatch(/^v1\./)
    expect(row.client_secret_enc).not.toContain(secretA)
    const page = await adminA.get(`/w/${orgA.slug}/admin/sso`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(opA.issuer)
    expect(page.body).not.toContain(secretA)
  })

  it('the sign-in page offers each organization’s provider', async () => {
    const page = await app().browser().get('/login')
    expect(page.body).toContain('Sign in with Test IdP (Org A)')
    expect(page.body).toContain('href="/o/sso-a/sso/start?next=%2F"')
  })

  it('a member signs in with the provider by their verified address, then by their subject alone', async () => {
    const t = app()
    const member = await t.given.member(orgA, 'responder')
    opA.accounts.set('alice', { email: member.email, emailVerified: true, name: 'Alice' })
    const first = await signInWithProvider(t, 'sso-a', 'alice')
    expect(first.res.statusCode).toBe(303)
    expect(first.res.headers.location).toBe('/w/sso-a/reports')
    expect((await first.browser.get('/w/sso-a/reports')).statusCode).toBe(200)
    // The provider changes the address: the linked subject still signs the same member in.
    opA.accounts.set('alice', { email: 'renamed@example.org', emailVerified: true })
    const again = await signInWithProvider(t, 'sso-a', 'alice')
    expect(again.res.statusCode).toBe(303)
    const page = await again.browser.get('/w/sso-a/reports')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(member.name)
    const session = await t.deps.db
      .selectFrom('session')
      .selectAll()
      .where('user_id', '=', member.id)
      .orderBy('created_at', 'desc')
      .execute()
    expect(session.every((s) => s.sso_org_id === orgA.id)).toBe(true)
    // The test provider asserts no second factor: the session says so, for the MFA step.
    expect(session.every((s) => Number(s.sso_mfa) === 0)).toBe(true)
  })

  it('another provider account claiming a linked member’s address does not take the member over', async () => {
    const t = app()
    const member = await t.given.member(orgA, 'responder')
    opA.accounts.set('dave', { email: member.email, emailVerified: true })
    expect((await signInWithProvider(t, 'sso-a', 'dave')).res.statusCode).toBe(303)
    // The address is given to someone else at the provider (a reused mailbox, a renamed account).
    opA.accounts.set('dave-successor', { email: member.email, emailVerified: true })
    const { browser, res } = await signInWithProvider(t, 'sso-a', 'dave-successor')
    expect(res.statusCode).toBe(403)
    expect(browser.cookies.has('embargo_session')).toBe(false)
    expect(await sessionCount(t, member.id)).toBe(1)
  })

  it('without just-in-time membership an unknown person is refused and no account is created', async () => {
    const t = app()
    opA.accounts.set('stranger', { email: 'stranger@example.org', emailVerified: true })
    const { browser, res } = await signInWithProvider(t, 'sso-a', 'stranger')
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('ask an administrator for an invitation')
    expect(browser.cookies.has('embargo_session')).toBe(false)
    expect(await t.deps.db.selectFrom('user').select('id').where('email', '=', 'stranger@example.org').executeTakeFirst()).toBeUndefined()
  })

  it('an address the provider does not say is verified, or outside the allowed domains, signs nobody in', async () => {
    const t = app()
    const member = await t.given.member(orgA, 'responder')
    opA.accounts.set('unverified', { email: member.email, emailVerified: false })
    expect((await signInWithProvider(t, 'sso-a', 'unverified')).res.statusCode).toBe(403)
    const outsider = await t.given.member(orgA, 'responder')
    await t.deps.db.updateTable('user').set({ email: 'x@elsewhere.example' }).where('id', '=', outsider.id).execute()
    opA.accounts.set('elsewhere', { email: 'x@elsewhere.example', emailVerified: true })
    expect((await signInWithProvider(t, 'sso-a', 'elsewhere')).res.statusCode).toBe(403)
    expect(await sessionCount(t, member.id)).toBe(0)
    expect(await sessionCount(t, outsider.id)).toBe(0)
  })

  it('just-in-time membership creates a member with the default role', async () => {
    const t = app()
    opB.accounts.set('newcomer', { email: 'newcomer@example.org', emailVerified: true, name: 'New Comer' })
    const { browser, res } = await signInWithProvider(t, 'sso-b', 'newcomer')
    expect(res.statusCode).toBe(303)
    expect((await browser.get('/w/sso-b/reports')).statusCode).toBe(200)
    const members = await adminB.get('/w/sso-b/admin/members')
    expect(members.body).toContain('New Comer')
    const user = await t.deps.db.selectFrom('user').selectAll().where('email', '=', 'newcomer@example.org').executeTakeFirstOrThrow()
    const membership = await t.deps.db
      .selectFrom('membership')
      .selectAll()
      .where('org_id', '=', orgB.id)
      .where('user_id', '=', user.id)
      .execute()
    expect(membership.map((m) => m.role)).toEqual(['viewer'])
    // A viewer reads but does not work reports.
    expect((await browser.get('/w/sso-b/admin/members')).statusCode).toBe(403)
  })

  it('just-in-time membership does not add an existing account of another organization', async () => {
    const t = app()
    const other = await t.given.member(orgA, 'responder')
    opB.accounts.set('other', { email: other.email, emailVerified: true })
    const { res } = await signInWithProvider(t, 'sso-b', 'other')
    expect(res.statusCode).toBe(403)
    expect(
      await t.deps.db
        .selectFrom('membership')
        .select('role')
        .where('org_id', '=', orgB.id)
        .where('user_id', '=', other.id)
        .executeTakeFirst(),
    ).toBeUndefined()
  })

  it('a tampered state, or an answer delivered to a browser that did not start the sign-in, is refused', async () => {
    const t = app()
    const member = await t.given.member(orgA, 'responder')
    opA.accounts.set('bob', { email: member.email, emailVerified: true })
    const tampered = await throughProvider(t, 'sso-a', 'bob')
    tampered.callback.searchParams.set('state', 'forged-state')
    expect((await tampered.browser.get(tampered.callback.pathname + tampered.callback.search)).statusCode).toBe(401)
    const elsewhere = await throughProvider(t, 'sso-a', 'bob')
    const victim = t.browser()
    expect((await victim.get(elsewhere.callback.pathname + elsewhere.callback.search)).statusCode).toBe(401)
    // The state cookie is used once: the right browser cannot replay it after a refusal either.
    const replay = await throughProvider(t, 'sso-a', 'bob')
    const url = replay.callback.pathname + replay.callback.search
    expect((await replay.browser.get(url)).statusCode).toBe(303)
    expect((await replay.browser.get(url)).statusCode).toBe(401)
    expect(await sessionCount(t, member.id)).toBe(1)
  })

  it('an ID token with another nonce than the one sent is refused', async () => {
    const t = app()
    const member = await t.given.member(orgA, 'responder')
    opA.accounts.set('carol', { email: member.email, emailVerified: true })
    const reseal = async (change: Partial<SignInState>) => {
      const { browser, callback } = await throughProvider(t, 'sso-a', 'carol')
      const [body = ''] = (browser.cookies.get('embargo_sso') ?? '').split('.')
      const started = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignInState
      browser.cookies.set('embargo_sso', sealSignInState(t.deps, { ...started, ...change }))
      return (await browser.get(callback.pathname + callback.search)).statusCode
    }
    expect(await reseal({ nonce: 'another-nonce' })).toBe(401)
    expect(await sessionCount(t, member.id)).toBe(0)
    // The same resealing without a change signs in: the nonce alone made the difference.
    expect(await reseal({})).toBe(303)
  })

  it('an answer from another issuer than the organization’s provider is refused', async () => {
    const t = app()
    const member = await t.given.member(orgA, 'responder')
    opB.accounts.set('mallory', { email: member.email, emailVerified: true })
    const browser = t.browser()
    const start = await browser.get('/o/sso-a/sso/start')
    // The same request (A's client id, state, nonce, PKCE) sent to org B's provider instead.
    const authorize = new URL(String(start.headers.location))
    const atB = new URL(authorize.pathname + authorize.search, opB.issuer)
    const callback = await new ProviderBrowser().signIn(atB.href, 'mallory')
    expect(callback.searchParams.get('iss')).toBe(opB.issuer)
    expect((await browser.get(callback.pathname + callback.search)).statusCode).toBe(401)
    expect(await sessionCount(t, member.id)).toBe(0)
  })

  it('a provider of another organization cannot sign anyone in here', async () => {
    const t = app()
    const both = await t.given.member(orgA, 'responder')
    await t.deps.db
      .insertInto('membership')
      .values({ org_id: orgB.id, user_id: both.id, role: 'responder', created_at: new Date().toISOString() })
      .execute()
    opB.accounts.set('both', { email: both.email, emailVerified: true })
    // Org B's provider's answer carried to org A's callback: the sign-in under way is B's.
    const { browser, callback } = await throughProvider(t, 'sso-b', 'both')
    const toA = `/o/sso-a/sso/callback${callback.search}`
    expect((await browser.get(toA)).statusCode).toBe(401)
    // Signed in through B's provider, the person reaches B, and A not at all.
    const res = await browser.get(callback.pathname + callback.search)
    expect(res.statusCode).toBe(401) // the state cookie was used up by the refused attempt
    const fresh = await signInWithProvider(t, 'sso-b', 'both')
    expect(fresh.res.statusCode).toBe(303)
    expect((await fresh.browser.get('/w/sso-b/reports')).statusCode).toBe(200)
    expect((await fresh.browser.get('/w/sso-a/reports')).statusCode).toBe(404)
    // The same person signing in with their password reaches both.
    const withPassword = t.browser()
    await withPassword.signIn(both)
    expect((await withPassword.get('/w/sso-a/reports')).statusCode).toBe(200)
  })

  it('an organization that requires MFA still asks a provider session for a second factor when the provider asserts none', async () => {
    const t = app()
    const org = await orgRequiringMfa(t)
    const redirect = new URL(`/o/${org.slug}/sso/callback`, t.deps.config.publicUrl).href
    const op = await startOpenIdProvider([{ clientId: 'embargo-c', clientSecret: secretA, redirectUri: redirect }])
    try {
      const admin = await t.given.member(org, 'admin')
      const adminBrowser = t.browser()
      // The admin enrols an authenticator app first (the policy lets a member do nothing else).
      await adminBrowser.signIn(admin)
      await enrolTotp(t, adminBrowser)
      await configure(adminBrowser, org, op, { clientId: 'embargo-c', clientSecret: secretA })
      const member = await t.given.member(org, 'responder')
      op.accounts.set('carol', { email: member.email, emailVerified: true })
      const signedIn = await signInWithProvider(t, org.slug, 'carol')
      expect(signedIn.res.statusCode).toBe(303)
      // The test provider asserts no second factor: every organization route sends the member to enrol one.
      const reports = await signedIn.browser.get(`/w/${org.slug}/reports`)
      expect(reports.statusCode).toBe(303)
      expect(reports.headers.location).toContain('/account/security')
    } finally {
      await op.close()
    }
  })

  it('a removed member or a disabled account is refused by the provider’s sign-in', async () => {
    const t = app()
    const removed = await t.given.member(orgA, 'responder')
    const disabled = await t.given.member(orgA, 'responder')
    opA.accounts.set('removed', { email: removed.email, emailVerified: true })
    opA.accounts.set('disabled', { email: disabled.email, emailVerified: true })
    expect((await signInWithProvider(t, 'sso-a', 'removed')).res.statusCode).toBe(303)
    expect((await signInWithProvider(t, 'sso-a', 'disabled')).res.statusCode).toBe(303)
    const members = `/w/${orgA.slug}/admin/members`
    expect((await adminA.submit(members, `${members}/${removed.id}/remove`, {})).statusCode).toBe(303)
    expect((await adminA.submit(members, `${members}/${disabled.id}/disable`, {})).statusCode).toBe(303)
    expect((await signInWithProvider(t, 'sso-a', 'removed')).res.statusCode).toBe(403)
    expect((await signInWithProvider(t, 'sso-a', 'disabled')).res.statusCode).toBe(403)
    expect(await sessionCount(t, removed.id)).toBe(0)
    expect(await sessionCount(t, disabled.id)).toBe(0)
  })

  it('a provider on an address the operator did not allow is never contacted (SSRF guard): sign-in fails and says so', async () => {
    const t = app()
    const allowed = t.deps.config.egressAllow
    t.deps.config.egressAllow = []
    try {
      const res = await t.browser().get(`/o/${orgA.slug}/sso/start`)
      expect(res.statusCode).toBe(401)
      expect(res.body).toContain('Sign-in with the identity provider did not succeed')
    } finally {
      t.deps.config.egressAllow = allowed
    }
    // The same provider, allowed: the sign-in goes to it.
    expect((await t.browser().get(`/o/${orgA.slug}/sso/start`)).statusCode).toBe(303)
  })

  it('an organization without a provider offers no provider sign-in', async () => {
    const t = app()
    const plain = await t.given.org()
    expect((await t.browser().get(`/o/${plain.slug}/sso/start`)).statusCode).toBe(404)
    expect((await t.browser().get(`/o/${plain.slug}/sso/callback?code=x&state=y`)).statusCode).toBe(404)
  })

  it('an administrator cannot point single sign-on at a plain-http or malformed issuer when the operator did not allow it', async () => {
    const t = app()
    t.deps.config.ssoHttpIssuers = false
    try {
      const res = await adminA.submit(`/w/${orgA.slug}/admin/sso`, `/w/${orgA.slug}/admin/sso`, {
        displayName: 'Test IdP',
        issuer: 'http://idp.example.org',
        clientId: 'x',
        clientSecret: '',
        domains: 'example.org',
        jitRole: '',
        trustProviderMfa: 'no',
        enabled: 'yes',
      })
      expect(res.statusCode).toBe(422)
      expect(res.body).toContain('The issuer must be an https address.')
    } finally {
      t.deps.config.ssoHttpIssuers = true
    }
  })
})

/**
 * Issue 15: the provider's metadata is fetched once and kept (ten minutes at most), not at every
 * start and finish of a sign-in. An app of its own, so the sign-ins above do not use up the sign-in
 * routes' request limits for these.
 */
eachDialect('single sign-on: the provider’s metadata kept for a while', (ctx) => {
  const app = useTestApp(ctx, { ssoHttpIssuers: true })

  /** An organization with a provider of its own, so its discoveries are counted from zero. */
  async function orgWithOwnProvider(t: TestApp, clientId: string) {
    const org = await t.given.org()
    const redirect = new URL(`/o/${org.slug}/sso/callback`, t.deps.config.publicUrl).href
    const op = await startOpenIdProvider([{ clientId, clientSecret: secretA, redirectUri: redirect }])
    const admin = t.browser()
    await admin.signIn(await t.given.member(org, 'admin'))
    await configure(admin, org, op, { clientId, clientSecret: secretA })
    const member = await t.given.member(org, 'responder')
    op.accounts.set('erin', { email: member.email, emailVerified: true })
    return { org, op, admin }
  }

  it('two sign-ins fetch the provider’s metadata once, not at every start and finish', async () => {
    const t = app()
    const { org, op } = await orgWithOwnProvider(t, 'embargo-cached')
    try {
      expect(op.discoveries).toBe(0)
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect(op.discoveries).toBe(1)
    } finally {
      await op.close()
    }
  })

  it('saved settings, or a refused answer, make the next sign-in fetch the provider’s metadata again', async () => {
    const t = app()
    const { org, op, admin } = await orgWithOwnProvider(t, 'embargo-refreshed')
    try {
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect(op.discoveries).toBe(1)
      // The administrator saves the settings (the secret field left empty keeps the stored one).
      await configure(admin, org, op, { clientId: 'embargo-refreshed', clientSecret: '' })
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect(op.discoveries).toBe(2)
      // A refused answer (here a forged state) drops the metadata too: a rotated key is picked up.
      const forged = await throughProvider(t, org.slug, 'erin')
      forged.callback.searchParams.set('state', 'forged-state')
      expect((await forged.browser.get(forged.callback.pathname + forged.callback.search)).statusCode).toBe(401)
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect(op.discoveries).toBe(3)
    } finally {
      await op.close()
    }
  })

  it('a provider that rotated its signing key still signs people in with the metadata kept', async () => {
    const t = app()
    const { org, op } = await orgWithOwnProvider(t, 'embargo-rotated')
    try {
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      op.rotateSigningKey()
      // The ID token of a code flow comes straight from the token endpoint (over the client's own
      // authenticated request), checked claim by claim: the keys kept with the metadata are not asked.
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect(op.discoveries).toBe(1)
    } finally {
      await op.close()
    }
  })

  it('the provider’s metadata is fetched again once ten minutes have passed', async () => {
    const t = app()
    const { org, op } = await orgWithOwnProvider(t, 'embargo-aged')
    try {
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      t.clock.advance(9 * 60 * 1000)
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect(op.discoveries).toBe(1)
      t.clock.advance(60 * 1000)
      expect((await signInWithProvider(t, org.slug, 'erin')).res.statusCode).toBe(303)
      expect(op.discoveries).toBe(2)
    } finally {
      await op.close()
    }
  })
})
