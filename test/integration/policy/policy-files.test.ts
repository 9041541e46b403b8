/** The public policy files and the administrators' editor: versions, line-numbered problems, the diff. */
import { expect, it } from 'vitest'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, orgWithPreset, reportViaApi } from './policy-support.js'

eachDialect('policy files over HTTP', (ctx) => {
  const app = useTestApp(ctx)

  it('serves security.txt, SECURITY.md, the policy page and the JSON Schema', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'kumi-systems')
    const txt = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/.well-known/security.txt` })
    expect(txt.statusCode).toBe(200)
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(txt.body).toContain('Contact: mailto:security@kumi.systems')
    expect(txt.body).toContain(`Canonical: http://127.0.0.1:8080/o/${org.slug}/.well-known/security.txt`)
    expect(txt.body).toMatch(/^Expires: /m)
    expect((await t.app.inject({ method: 'GET', url: `/o/${org.slug}/security.txt` })).body).toBe(txt.body)
    const md = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/SECURITY.md` })
    expect(md.body).toContain('3 business days')
    const page = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/policy` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Policy version 1')
    expect(page.body).toContain('3 business days')
    const schema = await t.app.inject({ method: 'GET', url: '/schemas/policy.json' })
    expect(schema.headers['content-type']).toContain('application/schema+json')
    expect(schema.json().properties.clocks).toBeDefined()
    const none = await t.given.org()
    expect((await t.app.inject({ method: 'GET', url: `/o/${none.slug}/security.txt` })).statusCode).toBe(404)
    // Several organizations and no EMBARGO_DEFAULT_ORG: the root file names no one.
    expect((await t.app.inject({ method: 'GET', url: '/.well-known/security.txt' })).statusCode).toBe(404)
  })

  it('lets an administrator preview, refuse with line numbers (keeping the text) and save new versions', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'kumi-systems')
    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    const responder = await t.given.member(org, 'responder')
    const b = t.browser()
    await b.signIn(admin)
    const url = `/w/${org.slug}/admin/policy`
    const editor = await b.get(url)
    expect(editor.body).toContain('Current version: 1')
    const current = (
      await t.deps.db.selectFrom('policy_version').select('source_yaml').where('org_id', '=', org.id).executeTakeFirstOrThrow()
    ).source_yaml
    const changed = current.replace('acknowledge: 3 business days', 'acknowledge: 2 business days')
    const preview = await b.submit(url, url, { source: changed, intent: 'preview' })
    expect(preview.statusCode).toBe(200)
    expect(preview.body).toContain('The policy is valid.')
    expect(preview.body).toMatch(/- +\d+ +acknowledge: 3 business days/)
    expect(preview.body).toMatch(/\+ +\d+ +acknowledge: 2 business days/)
    const broken = changed.replace('2 business days', '2 bussiness days')
    const refused = await b.submit(url, url, { source: broken, intent: 'save' })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toMatch(/policy\.yaml:\d+ clocks\.acknowledge: &quot;2 bussiness days&quot; is not a duration/)
    expect(refused.body).toContain('2 bussiness days') // the typed text is kept
    const saved = await b.submit(url, url, { source: changed, intent: 'save' })
    expect(saved.statusCode).toBe(303)
    expect((await b.get(saved.headers.location as string)).body).toContain('Saved as version 2.')
    const events = await t.deps.db
      .selectFrom('event')
      .select(['type', 'data'])
      .where('org_id', '=', org.id)
      .where('type', '=', 'policy.imported')
      .orderBy('seq')
      .execute()
    expect(events.map((e) => JSON.parse(e.data).version)).toEqual([1, 2])
    const r = t.browser()
    await r.signIn(responder)
    expect((await r.get(url)).statusCode).toBe(403)
  })

  it('sorts the queue by what falls due next', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'kumi-systems')
    const alice = await t.given.member(org, 'responder', 'Alice')
    at(t, '2026-12-01T09:00:00.000Z')
    const first = await reportViaApi(t, org, { title: 'Received first' })
    at(t, '2026-12-01T10:00:00.000Z')
    const second = await reportViaApi(t, org, { title: 'Received second' })
    const b = t.browser()
    await b.signIn(alice)
    // Acknowledging the first moves its next deadline past the second one's.
    await b.submit(first.page, `${first.page}/status`, { to: 'acknowledged' })
    const queue = await b.get(`/w/${org.slug}/reports?sort=due`)
    expect(queue.body.indexOf('Received second')).toBeGreaterThan(-1)
    expect(queue.body.indexOf('Received second')).toBeLessThan(queue.body.indexOf('Received first'))
    void second
  })
})
