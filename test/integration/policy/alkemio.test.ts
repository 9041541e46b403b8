/**
 * Alkemio: within 5 business days a response with an evaluation, a plan, workarounds and an
 * expected resolution date (a detailed response lacking one is refused); the `informational`
 * label; credit in the advisory unless the reporter declines.
 */
import { expect, it } from 'vitest'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, eventsOf, formAboutFirstProgram, orgWithPreset, reportRow, reportViaApi } from './policy-support.js'

eachDialect('Alkemio policy', (ctx) => {
  const app = useTestApp(ctx)

  it('wants the response within 5 business days, carrying an evaluation and an expected resolution date', async () => {
    const t = app()
    at(t, '2026-11-23T08:00:00.000Z')
    const org = await orgWithPreset(t, 'alkemio')
    const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
    // Monday 30 November 2026, 10:00 in Amsterdam.
    at(t, '2026-11-30T09:00:00.000Z')
    const { ref, page } = await reportViaApi(t, org)
    const row = await reportRow(t, org, ref)
    expect(row.acknowledge_due_at).toBe('2026-12-07T22:59:59.999Z')
    expect(row.detailed_response_due_at).toBe('2026-12-07T22:59:59.999Z')
    at(t, '2026-12-02T09:00:00.000Z')
    const a = t.browser()
    await a.signIn(alice)
    await a.submit(page, `${page}/claim`, {})
    const form = await a.get(page)
    expect(form.body).toContain('It contains our evaluation')
    expect(form.body).toContain('name="expectedResolution"')
    const incomplete = await submitAndFollow(a, page, `${page}/messages`, {
      body: 'We think this is a real issue.',
      visibility: 'reporter',
      detailed: 'on',
      'content-evaluation': 'on',
    })
    expect(incomplete.location).toBe(page)
    expect(incomplete.page.body).toContain('A detailed response must contain everything the policy promises')
    expect(incomplete.page.body).toContain('It gives an expected resolution date')
    expect(incomplete.page.body).toContain('We think this is a real issue.') // the draft is kept
    const complete = await a.submit(page, `${page}/messages`, {
      body: 'Evaluation: stored XSS, medium. Plan: escape on output. Workaround: disable bios. Fixed in the next patch release.',
      visibility: 'reporter',
      detailed: 'on',
      'content-evaluation': 'on',
      'content-plan': 'on',
      'content-workarounds': 'on',
      expectedResolution: '2026-12-20',
    })
    expect(complete.statusCode).toBe(303)
    const reply = (await eventsOf(t, org, ref)).find((e) => e.type === 'reply.sent')
    expect(reply?.data).toMatchObject({
      detailed: true,
      evaluation: true,
      plan: true,
      workarounds: true,
      'expected-resolution-date': true,
      expectedResolution: '2026-12-20',
    })
    const after = await reportRow(t, org, ref)
    expect(after.detailed_response_due_at).toBeNull()
    expect((await a.get(page)).body).toContain('data-clock="detailed-response" data-state="met"')
  })

  it('labels advice that is not a vulnerability as informational, and credits the discoverer unless they decline', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
    const { ref, page } = await reportViaApi(t, org, { title: 'Code review of the auth module' })
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.get(page)).body).toContain('A code review or other advice not linked to a specific vulnerability category.')
    expect((await a.submit(page, `${page}/labels`, { labels: 'informational' })).statusCode).toBe(303)
    expect(JSON.parse((await reportRow(t, org, ref)).labels)).toEqual(['informational'])
    // Labels the policy does not define are ignored.
    await a.submit(page, `${page}/labels`, { labels: 'made-up' })
    expect(JSON.parse((await reportRow(t, org, ref)).labels)).toEqual([])
    const md = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/SECURITY.md` })
    expect(md.headers['content-type']).toContain('text/markdown')
    expect(md.body).toContain('We name you as the discoverer in the public advisory, unless you tell us otherwise.')
    expect(md.body).toContain('informational')
  })

  const checkedCredit = (html: string) =>
    [...html.matchAll(/<input[^>]*name="creditPreference"[^>]*>/g)]
      .filter((m) => / checked/.test(m[0]))
      .map((m) => /value="(\w+)"/.exec(m[0])?.[1])

  it('preselects credit by name on the form (credited unless declined); an organization without a policy keeps anonymous', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const plain = await t.given.org()
    const form = await t.browser().get(`/o/${org.slug}/report`)
    expect(checkedCredit(form.body)).toEqual(['name'])
    expect(form.body).toContain('credits the reporter by name unless they decline')
    const plainForm = await t.browser().get(`/o/${plain.slug}/report`)
    expect(checkedCredit(plainForm.body)).toEqual(['anonymous'])
    expect(plainForm.body).not.toContain('credits the reporter by name unless they decline')
    // A policy that credits only on request keeps anonymous too.
    const kumi = await orgWithPreset(t, 'kumi-systems')
    expect(checkedCredit((await t.browser().get(`/o/${kumi.slug}/report`)).body)).toEqual(['anonymous'])
  })

  it('receives a nameless report under the default "by name" as anonymous, saying so, instead of refusing it', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const form = `/o/${org.slug}/report`
    // Alkemio's policy lists programs: the reporter picks one and answers its questions.
    const about = await formAboutFirstProgram(t, org)
    const nameless = await submitAndFollow(t.browser(), form, form, {
      ...about,
      title: 'Nameless',
      description: 'd',
      creditPreference: 'name',
      reporterName: '',
    })
    expect(nameless.status).toBe(303)
    expect(nameless.page.body).toContain('You left the name empty, so we will not credit you by name.')
    const named = await submitAndFollow(t.browser(), form, form, {
      ...about,
      title: 'Named',
      description: 'd',
      creditPreference: 'name',
      reporterName: 'Rita Reporter',
    })
    expect(named.status).toBe(303)
    expect(named.page.body).not.toContain('You left the name empty')
    const rows = await t.deps.db
      .selectFrom('report')
      .select(['ref', 'credit_preference'])
      .where('org_id', '=', org.id)
      .orderBy('ref')
      .execute()
    expect(rows.map((r) => r.credit_preference)).toEqual(['anonymous', 'name'])
    // The API without a choice follows the policy too: by name when a name is given.
    const { ref } = await reportViaApi(t, org, { reporterName: 'Api Reporter' })
    expect((await reportRow(t, org, ref)).credit_preference).toBe('name')
    // An explicit pseudonym without one is still the reporter's own choice to complete.
    const pseudonym = await t
      .browser()
      .submit(form, form, { ...about, title: 'P', description: 'd', creditPreference: 'pseudonym', reporterName: '' })
    expect(pseudonym.statusCode).toBe(422)
  })
})
