/**
 * Issue 14, item 7: reply templates. An administrator manages the team's own (each change answers
 * with a redirect and a message; an unknown placeholder is refused, naming the known ones; bodies
 * sealed at rest); the built-in ones come from the policy. A responder inserts one on a report:
 * the reply box is filled from the report (reference, reporter, program, dates in the
 * organization's zone), and the detailed response ticks what the policy asks it to contain. No
 * other organization sees or uses a template.
 */
import { expect, it } from 'vitest'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { orgWithDetailedResponse, replyBox, words } from './reply-template-support.js'

eachDialect('reply templates', (ctx) => {
  const app = useTestApp(ctx)

  it('an administrator creates, edits and deletes templates, each answered with a redirect and a message', async () => {
    const t = app()
    const org = await orgWithDetailedResponse(t)
    const admin = await t.given.member(org, 'admin')
    const responder = await t.given.member(org, 'responder')
    const b = t.browser()
    await b.signIn(admin)
    const list = `/w/${org.slug}/reply-templates`
    // The workspace navigation leads there.
    expect((await b.get(`/w/${org.slug}/reports`)).body).toContain(`href="${list}"`)

    const refused = await b.submit(`${list}/new`, list, { name: 'Patched', body: 'Fixed in {{fix version}} for {{reference}}.' })
    expect(refused.statusCode).toBe(422)
    const said = words(refused.body)
    expect(said).toContain('Unknown placeholder: {{fix version}}.')
    expect(said).toContain('The placeholders are {{reference}}, {{reporter}}, {{program}}, {{organization}}, {{acknowledgment due}}')
    expect(refused.body).toContain('Fixed in {{fix version}}') // what was typed is kept
    expect(await t.deps.db.selectFrom('reply_template').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)

    const created = await submitAndFollow(b, `${list}/new`, list, {
      name: 'Patched',
      body: 'Hello {{reporter}}, {{reference}} is fixed in the next release of {{program}}.',
    })
    expect(created.status).toBe(303)
    expect(created.location).toBe(list)
    expect(words(created.page.body)).toContain('Template "Patched" saved.')
    const row = await t.deps.db.selectFrom('reply_template').selectAll().where('org_id', '=', org.id).executeTakeFirstOrThrow()
    expect(row.body_enc).not.toContain('is fixed in the next release') // sealed at rest

    const edited = await submitAndFollow(b, `${list}/${row.id}`, `${list}/${row.id}`, {
      name: 'Patched and released',
      body: 'Hello {{reporter}}, {{reference}} is fixed.',
      detailed: '',
    })
    expect(edited.location).toBe(list)
    expect(words(edited.page.body)).toContain('Template "Patched and released" changed.')
    expect((await b.get(`${list}/${row.id}`)).body).toContain('Hello {{reporter}}, {{reference}} is fixed.')

    // A responder inserts templates but does not manage them.
    const r = t.browser()
    await r.signIn(responder)
    expect((await r.get(list)).statusCode).toBe(403)

    const deleted = await submitAndFollow(b, list, `${list}/${row.id}/delete`, {})
    expect(deleted.location).toBe(list)
    expect(words(deleted.page.body)).toContain('Template "Patched and released" deleted.')
    expect(words(deleted.page.body)).toContain('No templates of your own yet.')
    expect((await b.get(`${list}/${row.id}`)).statusCode).toBe(404)

    // The log keeps what happened, by id only.
    const events = await t.deps.db
      .selectFrom('event')
      .select(['type', 'data'])
      .where('org_id', '=', org.id)
      .where('type', 'like', 'reply-template.%')
      .orderBy('seq')
      .execute()
    expect(events.map((e) => e.type)).toEqual(['reply-template.created', 'reply-template.changed', 'reply-template.deleted'])
    expect(events.every((e) => !e.data.includes('Patched'))).toBe(true)
  })

  it('offers the built-in templates of the policy, and copies one into an editable template', async () => {
    const t = app()
    const org = await orgWithDetailedResponse(t)
    const admin = await t.given.member(org, 'admin')
    const b = t.browser()
    await b.signIn(admin)
    const list = `/w/${org.slug}/reply-templates`
    const page = words((await b.get(list)).body)
    for (const name of ['Acknowledgment', 'Need more information', 'Detailed response', 'Fixed']) expect(page).toContain(name)
    const copy = await b.get(`${list}/new?from=builtin:detailed-response`)
    expect(copy.statusCode).toBe(200)
    expect(copy.body).toContain('## Our evaluation')
    expect(copy.body).toContain('## Our plan')
    expect(copy.body).toContain('We expect to resolve the issue by {{resolution date}}.')
    expect(copy.body).toMatch(/name="detailed" value="on" checked/)
    const saved = await submitAndFollow(b, `${list}/new?from=builtin:detailed-response`, list, {
      name: 'Our detailed response',
      body: '## Our evaluation\n\nTBD\n\n## Our plan\n\nTBD\n\nResolved by {{resolution date}}.',
      detailed: 'on',
    })
    expect(words(saved.page.body)).toContain('Template "Our detailed response" saved.')
    expect(words(saved.page.body)).toContain('Inserting it marks the reply as the detailed response.')
  })

  it('a responder inserts a template: the reply box is filled from the report and the reply is sent as usual', async () => {
    const t = app()
    // Wednesday 2 December 2026, 10:00 in Vienna.
    t.clock.current = new Date('2026-12-02T09:00:00.000Z')
    const org = await orgWithDetailedResponse(t, 'Acme Corp')
    const admin = await t.given.member(org, 'admin')
    const responder = await t.given.member(org, 'responder')
    const report = await t.given.report(org, { reporterName: 'Night Owl', reporterEmail: 'owl@example.net' })
    const a = t.browser()
    await a.signIn(admin)
    const list = `/w/${org.slug}/reply-templates`
    await a.submit(`${list}/new`, list, {
      name: 'Thanks',
      body: 'Hello {{reporter}}, thank you for {{reference}} about {{program}} at {{organization}}. Acknowledged by {{acknowledgment due}}.',
    })
    const id = (await t.deps.db.selectFrom('reply_template').select('id').where('org_id', '=', org.id).executeTakeFirstOrThrow()).id

    const r = t.browser()
    await r.signIn(responder)
    const page = `/w/${org.slug}/reports/${report.ref}`
    const plain = await r.get(page)
    expect(plain.body).toContain('name="template"')
    expect(plain.body).toContain(`<option value="${id}">Thanks</option>`)
    expect(replyBox(plain.body)).toBe('')

    const inserted = await r.get(`${page}?template=${id}`)
    expect(inserted.statusCode).toBe(200)
    expect(replyBox(inserted.body)).toBe(
      `Hello Night Owl, thank you for ${report.ref} about Web shop at Acme Corp. Acknowledged by 2026-12-04.`,
    )
    expect(words(inserted.body)).toContain('Template "Thanks" inserted below')

    // The built-in detailed response: its headings, the resolution date (90 days on, in Vienna), and the form's boxes ticked.
    const detailed = await r.get(`${page}?template=builtin:detailed-response`)
    const box = replyBox(detailed.body) ?? ''
    expect(box).toContain('Hello Night Owl,')
    expect(box).toContain(`This is our detailed response to your report ${report.ref}.`)
    expect(box).toContain('## Our evaluation')
    expect(box).toContain('## Our plan')
    expect(box).toContain('We expect to resolve the issue by 2027-03-02.')
    expect(detailed.body).toMatch(/name="detailed" value="on" checked/)
    expect(detailed.body).toMatch(/name="content-evaluation" value="on" checked/)
    expect(detailed.body).toContain('name="expectedResolution" value="2027-03-02"')

    // The member completes the text and sends it as usual, ticking what the form offers: the detailed-response clock is met.
    const sent = await submitAndFollow(r, `${page}?template=builtin:detailed-response`, `${page}/messages`, {
      body: box.replace('What we found when we looked at your report, and how severe we consider it.', 'A stored XSS, medium severity.'),
      visibility: 'reporter',
      detailed: 'on',
      'content-evaluation': 'on',
      'content-plan': 'on',
      expectedResolution: '2027-03-02',
    })
    expect(sent.location).toBe(page)
    expect(words(sent.page.body)).toContain('A stored XSS, medium severity.')
    expect(sent.page.body).toContain('data-clock="detailed-response" data-state="met"')

    // The reporter reads it on the follow-up page.
    const reporter = t.browser()
    expect((await reporter.get(`/f/${report.followUpToken}`)).statusCode).toBe(303)
    const followUp = words((await reporter.get('/follow-up')).body)
    expect(followUp).toContain('A stored XSS, medium severity.')
    expect(followUp).toContain('We expect to resolve the issue by 2027-03-02.')
  })

  it('says which placeholders a report cannot fill, and leaves them as written', async () => {
    const t = app()
    const org = await t.given.org({ name: 'No Policy Inc' })
    const admin = await t.given.member(org, 'admin')
    const report = await t.given.report(org)
    const a = t.browser()
    await a.signIn(admin)
    const list = `/w/${org.slug}/reply-templates`
    await a.submit(`${list}/new`, list, {
      name: 'Dates',
      body: 'Fixed in {{reference}} by {{resolution date}}, disclosed on {{disclosure date}}.',
    })
    const id = (await t.deps.db.selectFrom('reply_template').select('id').where('org_id', '=', org.id).executeTakeFirstOrThrow()).id
    const reportPage = `/w/${org.slug}/reports/${report.ref}`
    const dates = await a.get(`${reportPage}?template=${id}`)
    expect(replyBox(dates.body)).toBe(`Fixed in ${report.ref} by {{resolution date}}, disclosed on {{disclosure date}}.`)
    expect(words(dates.body)).toContain('This report has no value for {{resolution date}}, {{disclosure date}}: replace it before sending.')
    const page = await a.get(`${reportPage}?template=builtin:acknowledgment`)
    expect(replyBox(page.body)).toContain(`track it as ${report.ref}`)
    expect(replyBox(page.body)).toContain('Hello reporter,')
    // Without a policy there is no detailed response to offer.
    expect(page.body).not.toContain('builtin:detailed-response')
  })

  it('no other organization sees or uses a template', async () => {
    const t = app()
    const org = await orgWithDetailedResponse(t)
    const admin = await t.given.member(org, 'admin')
    const other = await orgWithDetailedResponse(t, 'Other')
    const otherAdmin = await t.given.member(other, 'admin')
    const otherReport = await t.given.report(other)
    const a = t.browser()
    await a.signIn(admin)
    const list = `/w/${org.slug}/reply-templates`
    await a.submit(`${list}/new`, list, { name: 'Secret wording', body: 'Our secret wording for {{reference}}.' })
    const id = (await t.deps.db.selectFrom('reply_template').select('id').where('org_id', '=', org.id).executeTakeFirstOrThrow()).id

    const o = t.browser()
    await o.signIn(otherAdmin)
    const otherList = `/w/${other.slug}/reply-templates`
    expect(words((await o.get(otherList)).body)).not.toContain('Secret wording')
    expect((await o.get(`${otherList}/${id}`)).statusCode).toBe(404)
    expect((await o.get(`${list}/${id}`)).statusCode).toBe(404)
    const token = /name="_csrf" value="([^"]+)"/.exec((await o.get(otherList)).body)?.[1] ?? ''
    const headers = { 'sec-fetch-site': 'same-origin' }
    expect((await o.post(`${otherList}/${id}`, { _csrf: token, name: 'Taken', body: 'Taken' }, headers)).statusCode).toBe(404)
    expect((await o.post(`${otherList}/${id}/delete`, { _csrf: token }, headers)).statusCode).toBe(404)
    expect((await o.post(`${list}/${id}/delete`, { _csrf: token }, headers)).statusCode).toBe(404)
    // Inserting it on their own report fills nothing.
    const page = await o.get(`/w/${other.slug}/reports/${otherReport.ref}?template=${id}`)
    expect(page.statusCode).toBe(200)
    expect(replyBox(page.body)).toBe('')
    expect(page.body).not.toContain('Secret wording')
    expect(words(page.body)).toContain('That template does not exist (any more).')
    // And it is still there, unchanged.
    expect(words((await a.get(list)).body)).toContain('Secret wording')
  })
})
