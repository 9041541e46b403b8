import { expect, it } from 'vitest'
import { browserSuite } from '../support/browser.js'

/**
 * Finding 5 of issue 8 in a real browser: Chromium strips tabs and reads backslashes in a
 * `Location`, which is what turned `next=/%09/evil.example` into a trip to evil.example. Every
 * request for another origin is recorded, and aborted where the browser lets a test do so.
 */
browserSuite('finding 5: signing in with a hostile next in Chromium', ({ app, browser, origin }) => {
  // As they would be pasted into a link: the query string is decoded once by the server.
  it.each(['/%09/evil.example', '/%5Cevil.example', '/.//evil.example'])(
    'finding 5: next=%s keeps the browser on this instance after signing in',
    async (next) => {
      const t = app()
      const org = await t.given.org()
      const member = await t.given.member(org)
      const context = await browser().newContext()
      const foreign: string[] = []
      // Every request, redirects included (a route handler does not see those), and every
      // frame navigation, wherever it was headed.
      context.on('request', (request) => {
        if (new URL(request.url()).origin !== origin()) foreign.push(request.url())
      })
      await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin() ? route.continue() : route.abort()))
      const page = await context.newPage()
      page.on('framenavigated', (frame) => {
        if (new URL(frame.url()).origin !== origin()) foreign.push(frame.url())
      })
      await page.goto(`${origin()}/login?next=${next}`)
      await page.getByLabel('E-mail').fill(member.email)
      await page.getByLabel('Password').fill(member.password)
      // The CSP's form-action 'self' makes Chromium refuse a form's redirect to another origin
      // (it says so on the console and aborts the navigation): a second line of defence, which
      // must not be what stops the redirect; browsers differ in it and proxies strip headers.
      page.on('console', (message) => {
        if (message.text().includes('evil.example')) foreign.push(`console: ${message.text()}`)
      })
      page.on('requestfailed', (request) => foreign.push(`failed: ${request.url()} ${request.failure()?.errorText}`))
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'load', timeout: 10_000 }).catch(() => undefined)

      expect(foreign).toEqual([])
      expect(new URL(page.url()).origin).toBe(origin())
      expect(new URL(page.url()).pathname).toBe('/')
      // Signed in: the home page lists the member's organization.
      await page.getByRole('link', { name: org.name }).first().waitFor({ timeout: 10_000 })
      await context.close()
    },
  )
})
