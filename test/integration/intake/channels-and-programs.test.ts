/**
 * Issue 10, items 2 and 3: the instance obeys the policy's channels (a closed web form refuses the
 * form and the API and the public page shows the open channels instead), and programs come from
 * the policy with their own questions, asked, checked and kept on error.
 */
import { expect, it } from 'vitest'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { basePolicy, orgWithPolicy } from '../policy/policy-support.js'

const closedForm = `channels:
  webForm:
    enabled: false
    note: We take reports on HackerOne only, for the bounty.
  email:
    - address: security@example.org
  platforms:
    - id: hackerone
      kind: bug-bounty
      name: HackerOne
      url: https://hackerone.com/example
  only: hackerone
`

const programs = `programs:
  - slug: portal
    name: Customer portal
    kind: web-app
    inScope: true
    fields:
      - key: url
        label: Affected URL
        type: url
      - key: browser-version
        label: Browser and version
        type: version
  - slug: agent
    name: Sync agent
    kind: open-source
    inScope: true
    fields:
      - key: versions
        label: Affected versions
        type: version
      - key: os
        label: Operating system
        required: false
  - slug: legacy
    name: Legacy app
    kind: web-app
    inScope: false
`

eachDialect('channels and programs from the policy', (ctx) => {
  const app = useTestApp(ctx)

  it('a policy with the web form off: the public page shows the accepted channels instead of the form', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, '', closedForm))
    const page = (await t.browser().get(`/o/${org.slug}`)).body
    expect(page).toContain('How to report')
    expect(page).toContain('data-channel="hackerone" data-state="only"')
    expect(page).toContain('https://hackerone.com/example')
    expect(page).toContain('data-channel="web-form" data-state="refused"')
    expect(page).toContain('We take reports on HackerOne only, for the bounty.')
    expect(page).not.toContain(`href="/o/${org.slug}/report"`)
  })

  it('a policy with the web form off: the form and the API refuse and point to the accepted channels', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, '', closedForm))
    const form = await t.browser().get(`/o/${org.slug}/report`)
    expect(form.statusCode).toBe(403)
    expect(form.body).toContain('does not accept reports through this channel')
    expect(form.body).toContain('https://hackerone.com/example')
    const posted = await t.browser().post(`/o/${org.slug}/report`, { title: 'x', description: 'y' })
    expect(posted.statusCode).toBe(403)
    const api = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/reports`, payload: { title: 'x', description: 'y' } })
    expect(api.statusCode).toBe(403)
    expect(api.headers['content-type']).toContain('application/problem+json')
    const problem = api.json() as { code?: string; detail: string; acceptedChannels: Array<{ id: string; url: string | null }> }
    expect(problem.detail).toContain('HackerOne: https://hackerone.com/example')
    expect(problem.acceptedChannels.map((c) => c.id)).toEqual(['hackerone'])
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })

  it("the form asks the chosen program's own questions, and keeps every answer when one is wrong", async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const publicPage = (await t.browser().get(`/o/${org.slug}`)).body
    expect(publicPage).toContain(`/o/${org.slug}/report?program=portal`)
    expect(publicPage).toContain('Legacy app')
    const form = t.browser()
    const page = (await form.get(`/o/${org.slug}/report?program=portal`)).body
    expect(page).toContain('Affected URL')
    expect(page).toContain('name="field.browser-version"')
    expect(page).not.toContain('value="legacy"')
    const res = await form.submit(`/o/${org.slug}/report?program=portal`, `/o/${org.slug}/report`, {
      title: 'Open redirect',
      description: 'The next parameter is followed.',
      program: 'portal',
      'field.url': 'javascript:alert(1)',
      'field.browser-version': 'Firefox 133',
    })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('Enter a web address starting with https://')
    expect(res.body).toContain('value="Firefox 133"')
    expect(res.body).toContain('value="javascript:alert(1)"')
    expect(res.body).toContain('Open redirect')
  })

  it("the API takes a program's slug and its answers, refuses missing required answers, and the team sees the answers", async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/reports`, payload: { title: 'RCE', description: 'y', ...payload } })
    const missing = await post({ program: 'agent', programFields: { os: 'Linux' } })
    expect(missing.statusCode).toBe(422)
    expect(missing.json().errors).toEqual({ 'field.versions': 'required' })
    const byId = await post({
      program: (await t.deps.db.selectFrom('program').select('id').where('org_id', '=', org.id).executeTakeFirst())?.id ?? 'x',
    })
    expect(byId.statusCode).toBe(422)
    const ok = await post({ program: 'agent', programFields: { versions: '2.3.0 – 2.4.1', os: 'Debian 12' } })
    expect(ok.statusCode).toBe(201)
    const admin = await t.given.member(org, 'admin')
    const team = t.browser()
    await team.signIn(admin)
    const shown = (await team.get(`/w/${org.slug}/reports/${ok.json().ref}`)).body
    expect(shown).toContain('Sync agent')
    expect(shown).toContain('Affected versions')
    expect(shown).toContain('2.3.0 – 2.4.1')
    expect(shown).toContain('Debian 12')
  })

  it('the admin page shows the policy’s programs read-only and links the policy editor', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const admin = await t.given.member(org, 'admin')
    const b = t.browser()
    await b.signIn(admin)
    const page = (await b.get(`/w/${org.slug}/admin/programs`)).body
    expect(page).toContain('Customer portal')
    expect(page).toContain('Affected URL')
    expect(page).toContain(`href="/w/${org.slug}/admin/policy"`)
    expect(page).not.toContain('name="slug"')
  })
})
