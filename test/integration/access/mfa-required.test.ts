import type { FastifyInstance } from 'fastify'
import { expect, it } from 'vitest'
import { authRoutes, identity } from '../../../src/auth/index.js'
import { buildServer } from '../../../src/http/server.js'
import { csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { codeNow, enrolTotp, orgRequiringMfa, passwordStep, secondStep } from '../../support/mfa.js'

/**
 * Issue 13 item 3: an organization whose policy says `accounts.mfa: required` shows a member who
 * has not signed in with a second factor nothing at all — checked on every route the server
 * registered under the organization (like routes.test.ts), whatever the member's role.
 */
eachDialect('an organization that requires a second factor', (ctx) => {
  const app = useTestApp(ctx)

  async function world() {
    const t = app()
    const acme = await orgRequiringMfa(t)
    const report = await t.given.report(acme)
    const admin = await t.given.member(acme, 'admin')
    const fill = (url: string) =>
      url.replace(':org', acme.slug).replace(':ref', report.ref).replace(':token', 'x'.repeat(43)).replace(':id', 'x')
    const orgRoutes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/w/'))
    return { t, acme, report, admin, fill, orgRoutes }
  }

  it('refuses a member without a second factor on every route of the organization: pages send them to enrol', async () => {
    const { t, admin, fill, orgRoutes, report } = await world()
    expect(orgRoutes.length).toBeGreaterThan(8)
    const browser = t.browser()
    await browser.signIn(admin)
    const token = csrfFrom((await browser.get('/account/security')).body)
    for (const route of orgRoutes) {
      const res =
        route.method === 'GET'
          ? await browser.get(fill(route.url))
          : await browser.post(fill(route.url), { _csrf: token }, { 'sec-fetch-site': 'same-origin' })
      const where = `${route.method} ${route.url} answered ${res.statusCode} ${res.headers.location ?? ''}`
      if (route.method === 'GET') {
        expect(res.statusCode, where).toBe(303)
        expect(res.headers.location, where).toBe('/account/security')
      } else {
        expect(res.statusCode, where).toBe(403)
        expect(res.body, where).toContain('requires a second factor')
      }
      expect(res.body, where).not.toContain(report.ref)
    }
    // Where they are sent says why and lets them enrol.
    const security = await browser.get('/account/security')
    expect(security.statusCode).toBe(200)
    expect(security.body).toContain('requires a second factor')
    expect(security.body).toContain('Set up an authenticator app')
  })

  it('lets the member in once they enrolled an app, and a later sign-in only with the code', async () => {
    const { t, acme, admin, report } = await world()
    const browser = t.browser()
    await browser.signIn(admin)
    const { secret } = await enrolTotp(t, browser)
    // Enrolling proved the new factor in this session.
    expect((await browser.get(`/w/${acme.slug}/reports/${report.ref}`)).statusCode).toBe(200)
    t.clock.advance(30_000)
    const next = t.browser()
    await passwordStep(next, admin)
    expect((await secondStep(next, { method: 'totp', code: codeNow(t, secret) })).statusCode).toBe(303)
    const page = await next.get(`/w/${acme.slug}/reports/${report.ref}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(report.ref)
  })

  it('refuses again when the member removes their last factor', async () => {
    const { t, acme, admin } = await world()
    const browser = t.browser()
    await browser.signIn(admin)
    await enrolTotp(t, browser)
    expect((await browser.get(`/w/${acme.slug}/reports`)).statusCode).toBe(200)
    await browser.submit('/account/security', '/account/security/totp/remove', { password: admin.password })
    const res = await browser.get(`/w/${acme.slug}/reports`)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/account/security')
  })

  it('answers the JSON API with 403 problem+json MFA_REQUIRED (no redirect) for a member without a second factor', async () => {
    const { t, acme, admin } = await world()
    // No member route of the API exists yet (API tokens come later): a probe route under the same guard stands in.
    const probe = async (api: FastifyInstance) => {
      api.get('/api/v1/orgs/:org/probe', { config: { access: 'report.read' } }, async () => ({ ok: true }))
    }
    const server = await buildServer(t.deps, { identity, features: [authRoutes, probe] })
    await server.ready()
    try {
      const login = await server.inject({ method: 'GET', url: '/login' })
      const jar = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
      const signedIn = await server.inject({
        method: 'POST',
        url: '/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
        payload: new URLSearchParams({ _csrf: csrfFrom(login.body), email: admin.email, password: admin.password, next: '/' }).toString(),
      })
      expect(signedIn.statusCode).toBe(303)
      const session = signedIn.cookies.find((c) => c.name === 'embargo_session')?.value
      const res = await server.inject({
        method: 'GET',
        url: `/api/v1/orgs/${acme.slug}/probe`,
        headers: { cookie: `embargo_session=${session}` },
      })
      expect(res.statusCode).toBe(403)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json()).toMatchObject({ code: 'MFA_REQUIRED', status: 403 })
    } finally {
      await server.close()
    }
  })

  it('leaves members of an organization that does not require it as they were', async () => {
    const t = app()
    const other = await t.given.org()
    const member = await t.given.member(other)
    const browser = t.browser()
    await browser.signIn(member)
    expect((await browser.get(`/w/${other.slug}/reports`)).statusCode).toBe(200)
  })
})
