/**
 * Need to know, route by route: under `confidentiality.sharedWith: assigned-team` a responder who
 * does not hold a report reads nothing of it on any report route — the list is the server's own
 * list of registered routes, so a route added later is walked too — and cannot make themselves
 * its holder to read it.
 */
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { findReportForReader } from '../../../src/storage/repositories/report-repository.js'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { orgWithPreset, reportRow, reportViaApi } from '../policy/policy-support.js'

eachDialect('need to know', (ctx) => {
  const app = useTestApp(ctx)

  const canaries = {
    title: 'CANARY-TITLE-7f3a',
    description: 'CANARY-DESCRIPTION-91bd',
    note: 'CANARY-INTERNAL-NOTE-c02e',
    reply: 'CANARY-REPLY-5e61',
    name: 'CANARY-NAME-Zoë-44aa',
    email: 'canary-e3d1@example.net',
    reason: 'CANARY-REJECTION-REASON-0b9c',
  }

  async function world() {
    const t = app()
    const org = await orgWithPreset(t, 'khulnasoft')
    const alice = await t.given.member(org, 'responder', 'Alice Holder')
    const bob = await t.given.member(org, 'responder', 'Bob Bystander')
    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    const { ref, page } = await reportViaApi(t, org, {
      title: canaries.title,
      description: canaries.description,
      reporterName: canaries.name,
      reporterEmail: canaries.email,
    })
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    const a = await as(alice)
    expect((await a.submit(page, `${page}/claim`, {})).statusCode).toBe(303)
    expect((await a.submit(page, `${page}/messages`, { body: canaries.reply, visibility: 'reporter' })).statusCode).toBe(303)
    expect((await a.submit(page, `${page}/messages`, { body: canaries.note, visibility: 'internal' })).statusCode).toBe(303)
    expect((await a.submit(page, `${page}/status`, { to: 'rejected', reason: canaries.reason })).statusCode).toBe(303)
    // The canaries are real: the holder and an administrator read every one of them.
    for (const reader of [a, await as(admin)]) {
      const body = (await reader.get(page)).body
      for (const [what, canary] of Object.entries(canaries)) expect(body, what).toContain(canary)
    }
    return { t, org, ref, page, alice, bob, admin, as }
  }

  it('finding 3: a responder who does not hold the report finds none of its secrets on any report route', async () => {
    const { t, org, ref, page, alice, bob, as } = await world()
    const b = await as(bob)
    const routes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/w/:org/reports'))
    expect(routes.length).toBeGreaterThan(8)
    const fill = (url: string) => url.replace(':org', org.slug).replace(':ref', ref)
    // Whatever a form on these routes might carry, including an attempt to assign the report to oneself.
    const form = {
      assignee: bob.id,
      to: 'triaged',
      reason: 'bob was here',
      duplicateOf: '',
      body: 'bob writes blind',
      visibility: 'internal',
      severity: 'high',
      labels: 'informational',
      step: 'triage',
    }
    const seen: string[] = []
    for (const route of routes) {
      const url = fill(route.url)
      const res =
        route.method === 'GET' ? await b.get(route.url.endsWith('/reports') ? `${url}?status=all` : url) : await b.submit(page, url, form)
      seen.push(`${route.method} ${route.url} → ${res.statusCode}`)
      const bodies = [res.body]
      if (res.statusCode === 303 && typeof res.headers.location === 'string') bodies.push((await b.get(res.headers.location)).body)
      for (const body of bodies) {
        for (const [what, canary] of Object.entries(canaries)) {
          expect(body, `${route.method} ${route.url} shows the ${what}`).not.toContain(canary)
        }
      }
    }
    expect(seen.join('\n')).toContain('POST /w/:org/reports/:ref/assign')
    // Alice still holds it: nothing a bystander sent moved it.
    expect((await reportRow(t, org, ref)).assignee_id).toBe(alice.id)
  })

  it('finding 3: assigning a held report to oneself is refused with a reason, and nothing changes', async () => {
    const { t, org, ref, page, alice, bob, as } = await world()
    const b = await as(bob)
    const before = await reportRow(t, org, ref)
    const events = await t.deps.db
      .selectFrom('event')
      .select('seq')
      .where('org_id', '=', org.id)
      .where('report_id', '=', before.id)
      .execute()
    // Refused: back on the report page (post/redirect/get), which says why and shows none of the text.
    const refused = await submitAndFollow(b, page, `${page}/assign`, { assignee: bob.id })
    expect(refused.location).toBe(page)
    expect(refused.page.body).toContain('only the holder or an administrator can hand this report over')
    for (const canary of Object.values(canaries)) expect(refused.page.body).not.toContain(canary)
    // Nor to nobody (which would let Bob claim it next).
    expect((await submitAndFollow(b, page, `${page}/assign`, { assignee: '' })).page.body).toContain(
      'only the holder or an administrator can hand this report over',
    )
    const after = await reportRow(t, org, ref)
    expect(after.assignee_id).toBe(alice.id)
    expect(after.version).toEqual(before.version)
    const eventsAfter = await t.deps.db
      .selectFrom('event')
      .select('seq')
      .where('org_id', '=', org.id)
      .where('report_id', '=', before.id)
      .execute()
    expect(eventsAfter).toHaveLength(events.length)
    // The report page offers Bob no handover form either.
    expect((await b.get(page)).body).not.toContain(`${page}/assign`)
  })

  it('finding 3: the holder and administrators still hand over; an unheld report is still claimed by anyone on the team', async () => {
    const { t, org, ref, page, alice, bob, admin, as } = await world()
    const a = await as(alice)
    expect((await a.submit(page, `${page}/assign`, { assignee: bob.id })).statusCode).toBe(303)
    expect((await reportRow(t, org, ref)).assignee_id).toBe(bob.id)
    const ad = await as(admin)
    expect((await ad.submit(page, `${page}/assign`, { assignee: alice.id })).statusCode).toBe(303)
    expect((await reportRow(t, org, ref)).assignee_id).toBe(alice.id)

    const fresh = await reportViaApi(t, org, { title: 'Unheld canary title' })
    const b = await as(bob)
    expect((await b.get(fresh.page)).body).not.toContain('Unheld canary title')
    expect((await b.submit(fresh.page, `${fresh.page}/claim`, {})).statusCode).toBe(303)
    expect((await b.get(fresh.page)).body).toContain('Unheld canary title')
  })

  it('a responder who does not hold the report cannot act on it either: every change is refused and nothing is written', async () => {
    const { t, org, ref, page, bob, as } = await world()
    const b = await as(bob)
    const report = await reportRow(t, org, ref)
    const count = async (table: 'event' | 'message') =>
      (await t.deps.db.selectFrom(table).select('id').where('org_id', '=', org.id).where('report_id', '=', report.id).execute()).length
    const [events, messages] = [await count('event'), await count('message')]
    const changes: Array<[string, Record<string, string>]> = [
      ['messages', { body: 'bob writes blind to the reporter', visibility: 'reporter' }],
      ['messages', { body: 'bob notes blind', visibility: 'internal' }],
      ['status', { to: 'triaged' }],
      ['status', { to: 'rejected', reason: 'bob rejects what he cannot read', preview: '1' }],
      ['severity', { severity: 'low' }],
      ['labels', { labels: 'informational' }],
      ['waiting', {}],
      ['steps', { step: 'triage' }],
    ]
    for (const [action, form] of changes) {
      const res = await submitAndFollow(b, page, `${page}/${action}`, form)
      expect(res.location, `${action} ${JSON.stringify(form)}`).toBe(page)
      expect(res.page.body).toContain('only the holder or an administrator can act on this report')
    }
    expect(await count('event')).toBe(events)
    expect(await count('message')).toBe(messages)

    // The same through the API, with a token that may work.
    const created = await submitAndFollow(b, `/w/${org.slug}/tokens`, `/w/${org.slug}/tokens`, { name: 'bob', scope: 'work', days: '7' })
    const secret = /emb_[A-Za-z0-9_-]{43}/.exec(created.page.body)![0]
    const post = (path: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/reports/${ref}/${path}`,
        headers: { authorization: `Bearer ${secret}` },
        payload,
      })
    for (const res of [await post('status', { to: 'triaged' }), await post('replies', { body: 'bob via API', visibility: 'internal' })]) {
      expect(res.statusCode).toBe(403)
      expect(res.json().title).toContain('only the holder or an administrator can act on this report')
    }
    expect(await count('event')).toBe(events)
    expect(await count('message')).toBe(messages)
  })

  it('the holder still acts on the report, and once it is handed over, the new holder does and the old one does not', async () => {
    const { t, org, alice, bob, as } = await world()
    const { ref, page } = await reportViaApi(t, org, { title: 'A fresh one' })
    const a = await as(alice)
    expect((await a.submit(page, `${page}/claim`, {})).statusCode).toBe(303)
    expect((await a.submit(page, `${page}/severity`, { severity: 'low' })).statusCode).toBe(303)
    expect((await a.submit(page, `${page}/assign`, { assignee: bob.id })).statusCode).toBe(303)
    const b = await as(bob)
    expect((await b.submit(page, `${page}/messages`, { body: 'bob, now the holder', visibility: 'internal' })).statusCode).toBe(303)
    const late = await submitAndFollow(a, page, `${page}/messages`, { body: 'alice, no longer', visibility: 'internal' })
    expect(late.page.body).toContain('only the holder or an administrator can act on this report')
    const report = await reportRow(t, org, ref)
    const notes = await t.deps.db
      .selectFrom('message')
      .select('id')
      .where('org_id', '=', org.id)
      .where('report_id', '=', report.id)
      .execute()
    expect(notes).toHaveLength(1)
  })

  it('finding 3: what a bystander may not read is not even decrypted', async () => {
    const { t, org, ref, alice, bob } = await world()
    const cipher = cipherFor(t.deps, org)
    const opened: string[] = []
    const counting = {
      encrypt: cipher.encrypt.bind(cipher),
      decrypt: (v: string, c: string) => {
        opened.push(c)
        return cipher.decrypt(v, c)
      },
    }
    const forBob = await findReportForReader(t.deps.db, counting, org.id, ref, { userId: bob.id, role: 'responder' })
    expect(forBob?.readable).toBe(false)
    expect(forBob?.text).toBeNull()
    expect(opened).toEqual([])
    const forAlice = await findReportForReader(t.deps.db, counting, org.id, ref, { userId: alice.id, role: 'responder' })
    expect(forAlice?.text?.title).toBe(canaries.title)
    expect(opened.length).toBeGreaterThan(0)
  })
})
