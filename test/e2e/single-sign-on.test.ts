import { afterAll, beforeAll, expect, it } from 'vitest'
import { browserSuite } from '../support/browser.js'
import { startOpenIdProvider, type TestOpenIdProvider } from '../support/openid-provider.js'

/**
 * Issue 13 item 7 in Chromium: an administrator sets up the organization's identity provider from
 * the workspace navigation, and a member signs in from the sign-in page through the provider's own
 * login form (oidc-provider's development interaction) and consent page, with real redirects.
 */
browserSuite('single sign-on in Chromium', ({ app, browser, origin, shot }) => {
  let provider: TestOpenIdProvider | undefined
  const slug = 'sso-e2e'

  beforeAll(async () => {
    const t = app()
    // The app listens on a port chosen at start; links and the provider's redirect address use it.
    t.deps.config.publicUrl = new URL(origin())
    t.deps.config.ssoHttpIssuers = true
    provider = await startOpenIdProvider([
      { clientId: 'embargo-e2e', clientSecret: 'e2e-client-secret-0123456789', redirectUri: `${origin()}/o/${slug}/sso/callback` },
    ])
  })
  afterAll(async () => provider?.close())

  it('a member signs in with the organization’s identity provider from the sign-in page', async () => {
    const t = app()
    const op = provider!
    const org = await t.given.org({ slug, name: 'E2E Org' })
    const adminMember = await t.given.member(org, 'admin')
    const member = await t.given.member(org, 'responder', 'Sso Person')
    op.accounts.set('sso-person', { email: member.email, emailVerified: true, name: 'Sso Person' })

    const adminContext = await browser().newContext()
    const admin = await adminContext.newPage()
    admin.setDefaultTimeout(8000)
    await admin.goto(`${origin()}/login`)
    await admin.getByLabel('E-mail').fill(adminMember.email)
    await admin.getByLabel('Password').fill(adminMember.password)
    await admin.getByRole('button', { name: 'Sign in' }).click()
    await admin.goto(`${origin()}/w/${slug}/reports`)
    await admin.getByRole('link', { name: 'Single sign-on' }).click()
    await admin.getByLabel('Provider name shown on the sign-in page').fill('Test IdP')
    await admin.getByLabel('Issuer URL').fill(op.issuer)
    await admin.getByLabel('Client id').fill('embargo-e2e')
    await admin.getByLabel('Client secret').fill('e2e-client-secret-0123456789')
    await admin.getByLabel('Allowed e-mail domains').fill('example.org')
    await admin.getByRole('button', { name: 'Save' }).click()
    await admin.getByText('Single sign-on settings saved.').waitFor()
    await shot(admin, 'sso-1-configured')
    await adminContext.close()

    const context = await browser().newContext()
    // The provider's page imports a web font; this machine has no Internet.
    await context.route(/fonts\.googleapis\.com/, (route) => route.abort())
    const page = await context.newPage()
    page.setDefaultTimeout(8000)
    await page.goto(`${origin()}/login`)
    await page.getByRole('link', { name: 'Sign in with Test IdP (E2E Org)' }).click()
    // The provider's development login form: any login name, any password.
    await page.waitForURL((url) => url.origin === op.issuer)
    await page.locator('input[name="login"]').fill('sso-person')
    await page.locator('input[name="password"]').fill('any password')
    await shot(page, 'sso-2-provider-login')
    await page.locator('button[type="submit"]').click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(`${origin()}/w/${slug}/reports`)
    await shot(page, 'sso-3-signed-in')
    expect(await page.content()).toContain('Sso Person')
    await context.close()
  })
})
