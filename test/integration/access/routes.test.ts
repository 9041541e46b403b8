import { expect, it } from 'vitest'
import type { AccessName } from '../../../src/domain/access/route-rules.js'
import { csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

/**
 * Deny by default, checked route by route: this test lists every route the server registered
 * and sends each one what a stranger, a member of another organization and a viewer would.
 * A new route without a rule stops the server from starting; a new route with a rule is covered
 * here automatically.
 */
eachDialect('access rules on every route', (ctx) => {
  const app = useTestApp(ctx)

  async function world() {
    const t = app()
    const acme = await t.given.org({ slug: `acme-${Math.random().toString(36).slice(2, 8)}` })
    const other = await t.given.org()
    const report = await t.given.report(acme)
    const outsider = await t.given.member(other, 'admin')
    const viewer = await t.given.member(acme, 'viewer')
    const fill = (url: string) =>
      url
        .replace(':org', acme.slug)
        .replace(':ref', report.ref)
        .replace(':version', '1')
        .replace(':token', 'x'.repeat(43))
        .replace('*', 'styles.css')
        .replace(':member', viewer.id)
        .replace(':invitation', '01900000-0000-7000-8000-000000000000')
        .replace(':session', 'f'.repeat(64))
    return { t, acme, other, report, outsider, viewer, fill }
  }

  const expectedForStranger: Record<AccessName, (status: number, location?: string) => boolean> = {
    public: () => true,
    // No valid setup token / follow-up capability: 404, or 403 when a form post has no CSRF token either.
    setup: (s) => s === 404 || s === 403,
    reporter: (s) => s === 404 || s === 403,
    'signed-in': (s) => s === 401 || s === 303,
    'report.read': (s) => s === 401 || s === 303,
    'report.work': (s) => s === 401 || s === 303,
    'org.admin': (s) => s === 401 || s === 303,
    'account.self': (s) => s === 401 || s === 303,
    // The team API: no token, no answer but 401 (never a redirect to a sign-in page).
    'api.read': (s) => s === 401,
    'api.work': (s) => s === 401,
    // Prometheus: 404 while no metrics token is set (as here), 401 without the right one.
    metrics: (s) => s === 404 || s === 401,
  }

  it('lists every route with a rule, and the list covers the product', async () => {
    const { t } = await world()
    const routes = t.app.registeredRoutes
    expect(routes.length).toBeGreaterThan(20)
    const names = new Set(routes.map((r) => `${r.method} ${r.url}`))
    for (const must of [
      'POST /o/:org/report',
      'POST /api/v1/orgs/:org/reports',
      'GET /w/:org/reports/:ref',
      'POST /w/:org/reports/:ref/claim',
      'GET /follow-up',
    ]) {
      expect(names).toContain(must)
    }
    expect(routes.filter((r) => r.url.startsWith('/w/')).every((r) => ['report.read', 'report.work', 'org.admin'].includes(r.access))).toBe(
      true,
    )
  })

  it('refuses a stranger wherever a rule says so, without revealing anything', async () => {
    const { t, fill, report } = await world()
    for (const route of t.app.registeredRoutes) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url),
        payload: route.method === 'POST' ? {} : undefined,
      })
      const ok = expectedForStranger[route.access](res.statusCode, res.headers.location as string | undefined)
      expect(ok, `${route.method} ${route.url} (${route.access}) answered ${res.statusCode}`).toBe(true)
      if (route.access !== 'public') expect(res.body).not.toContain(report.ref)
    }
  })

  it('answers 404 to a member of another organization on every member route, as if nothing were there, even with a valid CSRF token', async () => {
    const { t, fill, outsider, other } = await world()
    const browser = t.browser()
    await browser.signIn(outsider)
    // A token that is valid for the outsider's own session: the CSRF check passes, so only the access rule can refuse.
    const own = await browser.get(`/w/${other.slug}/reports`)
    expect(own.statusCode).toBe(200)
    const token = csrfFrom(own.body)
    const memberRoutes = t.app.registeredRoutes.filter((r) => ['report.read', 'report.work', 'org.admin'].includes(r.access))
    expect(memberRoutes.length).toBeGreaterThan(8)
    for (const route of memberRoutes) {
      const res =
        route.method === 'GET'
          ? await browser.get(fill(route.url))
          : await browser.post(fill(route.url), { _csrf: token }, { 'sec-fetch-site': 'same-origin' })
      expect(res.statusCode, `${route.method} ${route.url} answered ${res.statusCode}`).toBe(404)
    }
  })

  it('reveals nothing of a report on any public route', async () => {
    const { t, acme, fill } = await world()
    const canaries = {
      title: 'CANARY-TITLE heap overflow in parser',
      description: 'CANARY-DESCRIPTION the length field is trusted',
      reporterEmail: 'canary-reporter@example.net',
      reporterName: 'CANARY-NAME Reporter',
    }
    const secret = await t.given.report(acme, { ...canaries, reporterName: canaries.reporterName })
    const publicRoutes = t.app.registeredRoutes.filter((r) => r.access === 'public')
    expect(publicRoutes.length).toBeGreaterThan(10)
    for (const route of publicRoutes) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url),
        payload: route.method === 'POST' ? {} : undefined,
      })
      for (const [name, canary] of Object.entries({ ...canaries, ref: secret.ref, token: secret.followUpToken })) {
        expect(res.body, `${route.method} ${route.url} shows the report's ${name}`).not.toContain(canary)
      }
    }
  })

  it('lets a viewer read but not work on reports or administer', async () => {
    const { t, acme, report, viewer } = await world()
    const browser = t.browser()
    await browser.signIn(viewer)
    expect((await browser.get(`/w/${acme.slug}/reports/${report.ref}`)).statusCode).toBe(200)
    const claim = await browser.submit(`/w/${acme.slug}/reports/${report.ref}`, `/w/${acme.slug}/reports/${report.ref}/claim`, {})
    expect(claim.statusCode).toBe(403)
    expect((await browser.get(`/w/${acme.slug}/admin/members`)).statusCode).toBe(403)
  })

  it('serves the stylesheet to anyone, and nothing outside the static folder', async () => {
    const { t } = await world()
    const css = await t.app.inject({ method: 'GET', url: '/static/styles.css' })
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toContain('text/css')
    for (const url of ['/static/../package.json', '/static/%2e%2e/package.json', '/static/..%2fsrc/config.ts', '/static/.git/config']) {
      expect([403, 404], url).toContain((await t.app.inject({ method: 'GET', url })).statusCode)
    }
  })

  it('sends the security headers on every page', async () => {
    const { t, acme } = await world()
    const res = await t.app.inject({ method: 'GET', url: `/o/${acme.slug}/report` })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('no-store')
  })
})
