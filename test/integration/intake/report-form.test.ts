import { expect, it } from 'vitest'
import { acrossOrganizations } from '../../../src/storage/db.js'
import { startTestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('reporting a vulnerability', (ctx) => {
  const app = useTestApp(ctx)
  const slug = () => `org-${Math.random().toString(36).slice(2, 9)}`

  it('numbers reports per organization and year, and shows the follow-up link once', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const first = await t.given.report(org)
    const second = await t.given.report(org)
    expect(first.ref).toBe(`${org.ref_prefix}-2026-0001`)
    expect(second.ref).toBe(`${org.ref_prefix}-2026-0002`)
    expect(first.followUpToken).toMatch(/^[A-Za-z0-9_-]{43}$/) // 256 bits, base64url
    const stored = await t.deps.db.selectFrom('report_access').selectAll().where('org_id', '=', org.id).execute()
    expect(stored.some((row) => row.token_hash === first.followUpToken)).toBe(false)
  })

  it('keeps what was typed and names each field that needs attention', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const res = await t.browser().submit(`/o/${org.slug}/report`, `/o/${org.slug}/report`, {
      title: '',
      description: 'Kept <b>text</b>',
      reporterEmail: 'not-an-address',
      creditPreference: 'name',
    })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('Some fields need attention')
    expect(res.body).toContain('This field is required.')
    expect(res.body).toContain('Enter an e-mail address like name@example.org.')
    expect(res.body).toContain('To be credited by name or pseudonym')
    expect(res.body).toContain('Kept &lt;b>text&lt;/b>')
    expect(res.body).toContain('value="not-an-address"')
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })

  it('issue 9: a form field past its schema limit is still named on the form, with every other problem', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const res = await t.browser().submit(`/o/${org.slug}/report`, `/o/${org.slug}/report`, {
      title: 'x'.repeat(201),
      description: '',
    })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('Some fields need attention')
    expect(res.body).toContain('This is longer than allowed.')
    expect(res.body).toContain('This field is required.')
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })

  it("asks which program when the organization has programs, and refuses another organization's program", async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const other = await t.given.org({ slug: slug() })
    const foreign = await t.given.program(other)
    await t.given.program(org, { name: 'Customer portal' })
    const form = await t.browser().get(`/o/${org.slug}/report`)
    expect(form.body).toContain('Customer portal')
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/reports`,
      payload: { title: 'x', description: 'y', program: foreign },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toEqual({ program: 'unknown-program' })
  })

  it('holds a form that a bot filled in, and shows it again instead of losing it', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const browser = t.browser()
    const res = await browser.submit(`/o/${org.slug}/report`, `/o/${org.slug}/report`, {
      title: 'Bot',
      description: 'spam',
      contact_website: 'http://spam.example',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('This form looked automated')
    expect(res.body).toContain('value="Bot"')
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })

  it('refuses a form without its CSRF token, and one the browser marks cross-site', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const browser = t.browser()
    const noToken = await browser.post(`/o/${org.slug}/report`, { title: 'x', description: 'y' })
    expect(noToken.statusCode).toBe(403)
    const page = await browser.get(`/o/${org.slug}/report`)
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const crossSite = await browser.post(
      `/o/${org.slug}/report`,
      { _csrf: token, title: 'x', description: 'y' },
      { 'sec-fetch-site': 'cross-site' },
    )
    expect(crossSite.statusCode).toBe(403)
  })

  it('takes reports as JSON with problem+json errors', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/reports`,
      payload: { title: 'API report', description: 'd', reporterEmail: 'r@example.net' },
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({ ref: `${org.ref_prefix}-2026-0001` })
    expect(ok.json().followUpUrl).toMatch(/\/f\/[A-Za-z0-9_-]{43}$/)

    const unknownField = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/reports`,
      payload: { title: 'x', description: 'y', status: 'closed' },
    })
    expect(unknownField.statusCode).toBe(400)
    expect(unknownField.headers['content-type']).toContain('application/problem+json')

    const form = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/reports`,
      payload: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.statusCode).toBe(415)

    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/no-such-org/reports',
      payload: { title: 'x', description: 'y' },
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 })
  })

  it('refuses JSON that is not valid UTF-8 instead of storing replacement characters', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const body = Buffer.concat([Buffer.from('{"title":"bad '), Buffer.from([0xc3, 0x28]), Buffer.from('","description":"d"}')])
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/reports`,
      payload: body,
      headers: { 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', detail: 'The body is not valid UTF-8.' })
    // Lengths count code points in the schema and the domain alike: 200 emoji fit a 200-character title, 201 do not.
    const title = (n: number) => ({ title: '😀'.repeat(n), description: 'd' })
    const long = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/reports`, payload: title(201) })
    expect(long.statusCode).toBe(400)
    const fits = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/reports`, payload: title(200) })
    expect(fits.statusCode).toBe(201)
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(1)
  })

  it('queues an acknowledgment in the same transaction only when the reporter gave an address', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    await t.given.report(org)
    expect(await t.deps.db.selectFrom('outbox').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
    await t.given.report(org, { reporterEmail: 'someone@example.net' })
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.payload_enc).not.toContain('someone@example.net')
  })

  it('stores nothing when any part of the submission cannot be written', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    await t.deps.db.schema.alterTable('outbox').renameTo('outbox_away').execute()
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/reports`,
        payload: { title: 'x', description: 'y', reporterEmail: 'a@example.net' },
      })
      expect(res.statusCode).toBe(500)
      expect(res.json()).toMatchObject({ code: 'INTERNAL' })
      expect(res.body).not.toMatch(/outbox|sqlite|relation|stack/i)
    } finally {
      await t.deps.db.schema.alterTable('outbox_away').renameTo('outbox').execute()
    }
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
    expect(
      await t.deps.db.selectFrom('event').select('id').where('org_id', '=', org.id).where('type', '=', 'report.received').execute(),
    ).toHaveLength(0)
    const next = await t.given.report(org)
    expect(next.ref).toBe(`${org.ref_prefix}-2026-0001`) // the failed attempt did not even use up a number
  })

  it('rate-limits submissions per client with a clear 429', async () => {
    const fresh = await ctx.freshDatabase()
    const limited = await startTestApp(fresh.url, { intakeRateLimit: 3 })
    try {
      const org = await limited.given.org({ slug: slug() })
      const send = () =>
        limited.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/reports`, payload: { title: 'x', description: 'y' } })
      for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(201)
      const refused = await send()
      expect(refused.statusCode).toBe(429)
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' })
      expect(await acrossOrganizations(limited.deps.db).selectFrom('report').select('id').execute()).toHaveLength(3)
    } finally {
      await limited.close()
      await fresh.drop()
    }
  })
})
