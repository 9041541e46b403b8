import net from 'node:net'
import path from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium as playwright } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCodeAt } from '../../src/auth/index.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { eachDialect } from '../support/databases.js'
import { chromium, chromiumArgs } from '../support/environment.js'
import { orgRequiringMfa } from '../support/mfa.js'

/**
 * Issue 13 item 3 in a real browser: a member enrols a passkey (Chromium's DevTools virtual
 * authenticator stands in for the device) and an authenticator app, and signs in with each. WebAuthn
 * binds a passkey to the site's host, and an IP address is no such host: the instance's public
 * URL is http://localhost:<port> here, the port chosen before the app starts.
 */
const available = chromium()

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Every CSP complaint Chromium prints: the passkey script must run under the existing policy. */
function cspComplaints(page: Page): string[] {
  const complaints: string[] = []
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) complaints.push(m.text())
  })
  return complaints
}

async function signInWithPassword(page: Page, origin: string, member: { email: string; password: string }) {
  await page.goto(`${origin}/login`)
  await page.getByLabel('E-mail').fill(member.email)
  await page.getByLabel('Password').fill(member.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

if (!available.available) {
  describe.skip(`second factors in Chromium (SKIPPED: ${available.reason})`, () => undefined)
} else {
  eachDialect('second factors in Chromium', (ctx) => {
    let t: TestApp | undefined
    let drop: (() => Promise<void>) | undefined
    let browser: Browser | undefined
    let origin = ''
    beforeAll(async () => {
      const fresh = await ctx.freshDatabase()
      drop = fresh.drop
      const port = await freePort()
      origin = `http://localhost:${port}`
      t = await startTestApp(fresh.url, { publicUrl: new URL(origin) })
      await t.app.listen({ host: '127.0.0.1', port })
      browser = await playwright.launch({ executablePath: available.value, args: chromiumArgs })
    })
    afterAll(async () => {
      await browser?.close()
      await t?.close()
      await drop?.()
    })

    async function withAuthenticator(): Promise<{ context: BrowserContext; page: Page }> {
      const context = await (browser as Browser).newContext()
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('WebAuthn.enable')
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      })
      return { context, page }
    }

    it('a member enrols a passkey and signs in with it, into an organization that requires a second factor', async () => {
      const app = t as TestApp
      const org = await orgRequiringMfa(app)
      const member = await app.given.member(org)
      const { context, page } = await withAuthenticator()
      const complaints = cspComplaints(page)

      await signInWithPassword(page, origin, member)
      // The organization sends a member without a second factor to enrol one.
      await page.goto(`${origin}/w/${org.slug}/reports`)
      expect(new URL(page.url()).pathname).toBe('/account/security')
      await page.getByText('requires a second factor').first().waitFor()

      await page.getByRole('link', { name: 'Add a passkey' }).click()
      await page.getByLabel('Name it').fill('Laptop')
      await page.getByRole('button', { name: 'Create passkey' }).click()
      await page.waitForURL(`${origin}/account/security/recovery-codes`)
      await page.getByText('shown only this once').waitFor()
      await page.screenshot({ path: path.resolve('test-results/e2e', `${ctx.dialect}-passkey-recovery-codes.png`), fullPage: true })
      await page.getByRole('link', { name: 'Back to sign-in security' }).click()
      await page.getByText('Laptop', { exact: true }).waitFor()

      // Enrolling proved the passkey in this session: the organization opens.
      await page.goto(`${origin}/w/${org.slug}/reports`)
      expect(new URL(page.url()).pathname).toBe(`/w/${org.slug}/reports`)

      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(`${origin}/`)
      await page.goto(`${origin}/login?next=/w/${org.slug}/reports`)
      await page.getByLabel('E-mail').fill(member.email)
      await page.getByLabel('Password').fill(member.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(`${origin}/login/second-step`)
      await page.getByRole('button', { name: 'Use a passkey' }).click()
      await page.waitForURL(`${origin}/w/${org.slug}/reports`)
      await page.screenshot({ path: path.resolve('test-results/e2e', `${ctx.dialect}-passkey-signed-in.png`), fullPage: true })

      expect(complaints).toEqual([])
      const events = await app.deps.db
        .selectFrom('event')
        .select('data')
        .where('org_id', '=', org.id)
        .where('type', '=', 'mfa.factor_added')
        .execute()
      expect(events.map((e) => JSON.parse(String(e.data)).factor).sort()).toEqual(['passkey', 'recovery-codes'])
      await context.close()
    }, 120_000)

    it('a member sets up an authenticator app from its QR code page without JavaScript, then signs in with a code', async () => {
      const app = t as TestApp
      const org = await orgRequiringMfa(app)
      const member = await app.given.member(org)
      const context = await (browser as Browser).newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      await signInWithPassword(page, origin, member)
      await page.goto(`${origin}/account/security`)
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
      await page.getByRole('img', { name: 'QR code of the authenticator key' }).waitFor()
      const key = (await page.locator('.secret-box__value code').innerText()).replace(/\s+/g, '')
      await page.getByLabel('The six-digit code').fill(totpCodeAt(key, app.clock.now().getTime()))
      await page.getByRole('button', { name: 'Confirm' }).click()
      await page.waitForURL(`${origin}/account/security/recovery-codes`)
      await page.getByRole('button', { name: 'Sign out' }).click()

      app.clock.advance(30_000)
      await signInWithPassword(page, origin, member)
      await page.waitForURL(`${origin}/login/second-step`)
      await page.getByLabel('Six-digit code').fill(totpCodeAt(key, app.clock.now().getTime()))
      await page.getByRole('button', { name: 'Verify code' }).click()
      await page.goto(`${origin}/w/${org.slug}/reports`)
      expect(new URL(page.url()).pathname).toBe(`/w/${org.slug}/reports`)
      await context.close()
    }, 120_000)
  })
}
