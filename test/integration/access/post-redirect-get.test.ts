import { expect, it } from 'vitest'
import { csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

/**
 * Issue 14, item 2: every form that changes state answers with a redirect (POST → 303), so a
 * reload never repeats it. This walks every POST route the server registered for browser forms
 * (everything but the JSON API), signed in as an administrator who also holds a reporter's
 * follow-up link, with a valid CSRF token, and sends each the form a person could send. Whatever
 * the route makes of it, the answer is a redirect (it went through, or it was refused and says so
 * on the page it leads to) or a 4xx page that names the problem and keeps what was typed —
 * never a 2xx page that a reload would post again.
 */
eachDialect('post/redirect/get on every form', (ctx) => {
  const app = useTestApp(ctx)

  /** Pages shown in answer to a post that change nothing, so a reload repeats nothing. */
  const changesNothing = new Map<string, string>([
    // Sign-in shows the second step; the password step writes nothing a reload could repeat.
    ['POST /login', 'signing in'],
  ])
  /** What a person types into the forms that create something, so the walk reaches their success too. */
  const typed: Record<string, Record<string, string>> = {
    'POST /w/:org/tokens': { name: 'walk', scope: 'read', days: '7' },
    'POST /w/:org/reports/:ref/messages': { body: 'Walked through', visibility: 'internal' },
    'POST /w/:org/reports/:ref/status': { to: 'acknowledged' },
    'POST /w/:org/reports/:ref/severity': { severity: 'high' },
    'POST /follow-up/reply': { body: 'The reporter adds a detail' },
  }
  /** Run last: they end the session or the reporter's access the others need. */
  const last = ['POST /logout', 'POST /follow-up/forget']

  it('answers every browser form with a redirect, or a 4xx page, never a 2xx page', async () => {
    const t = app()
    const org = await t.given.org()
    const admin = await t.given.member(org, 'admin')
    const viewer = await t.given.member(org, 'viewer')
    const report = await t.given.report(org, { reporterEmail: 'finder@example.net' })
    const browser = t.browser()
    await browser.signIn(admin)
    expect((await browser.get(`/f/${report.followUpToken}`)).statusCode).toBe(303)
    const token = csrfFrom((await browser.get(`/w/${org.slug}/reports/${report.ref}`)).body)
    const fill = (url: string) =>
      url
        .replace(':org', org.slug)
        .replace(':ref', report.ref)
        .replace(':token', 'x'.repeat(43))
        .replace(':member', viewer.id)
        .replace(':invitation', '01900000-0000-7000-8000-000000000000')
        .replace(':session', 'f'.repeat(64))
        .replace(/:[a-z]+/g, '01900000-0000-7000-8000-000000000000')
    const name = (r: { method: string; url: string }) => `${r.method} ${r.url}`
    const forms = t.app.registeredRoutes
      .filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'))
      .sort((a, b) => Number(last.includes(name(a))) - Number(last.includes(name(b))))
    expect(forms.length).toBeGreaterThan(50)
    for (const path of ['/o/:org/report', '/w/:org/reports/:ref/claim', '/follow-up/reply', '/w/:org/admin/policy']) {
      expect(forms.map((r) => r.url)).toContain(path)
    }
    const seen = { redirect: 0, refused: 0 }
    for (const route of forms) {
      const res = await browser.post(fill(route.url), { _csrf: token, ...typed[name(route)] }, { 'sec-fetch-site': 'same-origin' })
      const where = `${name(route)} answered ${res.statusCode}`
      if (changesNothing.has(name(route))) continue
      expect(res.statusCode >= 200 && res.statusCode < 300, `${where}: a page in answer to a form is posted again on reload`).toBe(false)
      expect(res.statusCode, where).toBeLessThan(500)
      if (res.statusCode >= 300 && res.statusCode < 400) {
        seen.redirect++
        expect(String(res.headers.location), where).toMatch(/^\/(?!\/)/)
      } else seen.refused++
    }
    // Both kinds are met: the walk reached routes that went through and routes that refused.
    expect(seen.redirect).toBeGreaterThan(5)
    expect(seen.refused).toBeGreaterThan(5)
    // And the typed ones went through: a note, the reporter's reply, a token (signed in again: the walk ended by signing out).
    await browser.signIn(admin)
    const shown = await browser.get(`/w/${org.slug}/reports/${report.ref}`)
    expect(shown.body).toContain('Walked through')
    expect(shown.body).toContain('The reporter adds a detail')
    expect((await browser.get(`/w/${org.slug}/tokens`)).body).toContain('walk')
  })
})
