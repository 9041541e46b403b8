/**
 * Issue 13, item 6: the API answers as the page does under need to know
 * (`confidentiality.sharedWith: assigned-team`): a responder who does not hold the report gets its
 * state through the API, never its text, and no read of its text is recorded for them.
 */
import { expect, it } from 'vitest'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { orgWithPreset, reportViaApi } from '../policy/policy-support.js'

eachDialect('need to know through the API', (ctx) => {
  const app = useTestApp(ctx)

  it('a responder who does not hold the report reads neither its title nor its text through the API', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'khulnasoft')
    const alice = await t.given.member(org, 'responder', 'Alice Holder')
    const bob = await t.given.member(org, 'responder', 'Bob Bystander')
    const { ref, page } = await reportViaApi(t, org, { title: 'CANARY-TITLE-api-1', description: 'CANARY-TEXT-api-2' })
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.submit(page, `${page}/claim`, {})).statusCode).toBe(303)

    const b = t.browser()
    await b.signIn(bob)
    const created = await submitAndFollow(b, `/w/${org.slug}/tokens`, `/w/${org.slug}/tokens`, { name: 'bob', scope: 'read', days: '7' })
    const secret = /emb_[A-Za-z0-9_-]{43}/.exec(created.page.body)![0]
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } })

    const queue = await get(`/api/v1/orgs/${org.slug}/reports?status=all`)
    expect(queue.statusCode).toBe(200)
    expect(queue.json().reports).toContainEqual(expect.objectContaining({ ref, title: null }))
    const one = await get(`/api/v1/orgs/${org.slug}/reports/${ref}`)
    expect(one.statusCode).toBe(200)
    expect(one.json()).toMatchObject({ ref, readable: false, title: null, fields: null, thread: [] })
    for (const res of [queue, one]) expect(res.body).not.toMatch(/CANARY/)
    const reads = await t.deps.db
      .selectFrom('event')
      .select('actor_id')
      .where('org_id', '=', org.id)
      .where('type', '=', 'report.read')
      .where('actor_id', '=', bob.id)
      .execute()
    expect(reads).toEqual([])
  })
})
