/**
 * Issue 13, item 6: a member's API token for the team JSON API — shown once, stored hashed,
 * scoped, expiring, revocable, refused once its holder leaves or is disabled, and every use in
 * the audit log; cookies never authorize the API and a token never authorizes a page.
 */
import { createHash } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { submitAndFollow, type TestMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('API tokens for the team JSON API', (ctx) => {
  const app = useTestApp(ctx)
  let org: OrganizationRow
  let other: OrganizationRow
  let responder: TestMember
  let viewer: TestMember
  let report: { ref: string }

  beforeAll(async () => {
    const t = app()
    org = await t.given.org()
    other = await t.given.org()
    responder = await t.given.member(org, 'responder', 'Rita Responder')
    viewer = await t.given.member(org, 'viewer', 'Vic Viewer')
    report = await t.given.report(org, { title: 'Auth bypass in the admin panel', description: 'The cookie is trusted.' })
  })

  /** Signs in and creates a token on the tokens page, as a person would; returns the page and the secret shown. */
  async function newToken(member: TestMember, fields: { name?: string; scope?: string; days?: string } = {}) {
    const b = app().browser()
    await b.signIn(member)
    const sent = await submitAndFollow(b, `/w/${org.slug}/tokens`, `/w/${org.slug}/tokens`, {
      name: 'ticket sync',
      scope: 'read',
      days: '30',
      ...fields,
    })
    const res = sent.page
    const secret = /emb_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0]
    return { b, res, secret, sent }
  }

  const api = (method: 'GET' | 'POST', url: string, token?: string, payload?: object, headers: Record<string, string> = {}) =>
    app().app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload ? { payload } : {}),
    })

  const events = (type: string) =>
    app().deps.db.selectFrom('event').selectAll().where('org_id', '=', org.id).where('type', '=', type).orderBy('seq').execute()

  it('a member creates a token and sees it once; Embargo keeps only its hash', async () => {
    const { b, res, secret, sent } = await newToken(responder)
    // Post/redirect/get: the secret is never in the address, and the page that shows it is not cached.
    expect(sent.status).toBe(303)
    expect(sent.location).toBe(`/w/${org.slug}/tokens`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(secret).toBeDefined()
    expect(res.body).toContain('shown only once')
    expect(res.body).toContain('Token &quot;ticket sync&quot; created.')
    const again = await b.get(`/w/${org.slug}/tokens`)
    expect(again.body).toContain('ticket sync')
    expect(again.body).not.toContain(secret!)
    const rows = await app().deps.db.selectFrom('api_token').selectAll().where('org_id', '=', org.id).execute()
    expect(JSON.stringify(rows)).not.toContain(secret!)
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(secret!).digest('hex'))
  })

  it("the queue through a token takes the workspace's filters and search", async () => {
    const t = app()
    const { secret } = await newToken(responder)
    const found = await t.given.report(org, { title: 'Blind SQL injection in the export', reporterEmail: 'finder@example.net' })
    const refsOf = async (query: string) => {
      const answer = await api('GET', `/api/v1/orgs/${org.slug}/reports?status=all&${query}`, secret)
      expect(answer.statusCode).toBe(200)
      return (answer.json().reports as { ref: string }[]).map((r) => r.ref)
    }
    // Searched through the blind index: a reporter's address, words of the title, the reference.
    expect(await refsOf('q=finder%40example.net')).toEqual([found.ref])
    expect(await refsOf('q=injection%20export')).toEqual([found.ref])
    expect(await refsOf(`q=${found.ref}`)).toEqual([found.ref])
    // Filters: none of these reports has been assessed or came by mail.
    expect(await refsOf('severity=critical')).toEqual([])
    expect(await refsOf('severity=none')).toEqual(expect.arrayContaining([found.ref, report.ref]))
    expect(await refsOf('channel=email')).toEqual([])
    // A value the API does not know is refused, not ignored.
    expect((await api('GET', `/api/v1/orgs/${org.slug}/reports?severity=bogus`, secret)).statusCode).toBe(400)
  })

  it('a token lists the queue and reads a report with its thread; each use and the read are in the audit log', async () => {
    const { secret } = await newToken(responder)
    const queue = await api('GET', `/api/v1/orgs/${org.slug}/reports?status=all`, secret)
    expect(queue.statusCode).toBe(200)
    expect(queue.json().reports).toContainEqual(
      expect.objectContaining({ ref: report.ref, title: 'Auth bypass in the admin panel', status: 'new' }),
    )
    const one = await api('GET', `/api/v1/orgs/${org.slug}/reports/${report.ref}`, secret)
    expect(one.statusCode).toBe(200)
    expect(one.json()).toMatchObject({ ref: report.ref, readable: true, fields: { description: 'The cookie is trusted.' } })
    const reads = await events('report.read')
    expect(reads.at(-1)).toMatchObject({ actor_id: responder.id })
    expect(JSON.parse(reads.at(-1)!.data)).toMatchObject({ via: 'api' })
    const uses = (await events('token.used')).map((e) => JSON.parse(e.data).route)
    expect(uses.slice(-2)).toEqual(['/api/v1/orgs/:org/reports', '/api/v1/orgs/:org/reports/:ref'])
  })

  it('a read token cannot change a report; a work token moves it and replies, through the workspace’s rules', async () => {
    const read = (await newToken(responder)).secret
    const refused = await api('POST', `/api/v1/orgs/${org.slug}/reports/${report.ref}/status`, read, { to: 'acknowledged' })
    expect(refused.statusCode).toBe(403)
    const work = (await newToken(responder, { scope: 'work' })).secret
    const moved = await api('POST', `/api/v1/orgs/${org.slug}/reports/${report.ref}/status`, work, { to: 'acknowledged' })
    expect(moved.statusCode, moved.body).toBe(200)
    const replied = await api('POST', `/api/v1/orgs/${org.slug}/reports/${report.ref}/replies`, work, {
      body: 'Thanks, looking.',
      visibility: 'reporter',
    })
    expect(replied.statusCode, replied.body).toBe(201)
    const thread = (await api('GET', `/api/v1/orgs/${org.slug}/reports/${report.ref}`, work)).json().thread
    expect(thread.at(-1)).toMatchObject({ body: 'Thanks, looking.', author: 'responder', authorId: responder.id })
    // A refusal of the workflow comes back as problem+json with its stable code.
    const wrong = await api('POST', `/api/v1/orgs/${org.slug}/reports/${report.ref}/status`, work, { to: 'new' })
    expect(wrong.headers['content-type']).toContain('application/problem+json')
    expect(wrong.json().code).toBe('REPORT_TRANSITION_NOT_ALLOWED')
  })

  it('a viewer can only create read tokens', async () => {
    const { res, secret } = await newToken(viewer, { scope: 'work' })
    expect(res.statusCode).toBe(403)
    expect(secret).toBeUndefined()
  })

  it('refuses a token that expired, was revoked, belongs to another organization, or whose holder left or was disabled', async () => {
    const t = app()
    // Expired: a 7-day token, eight days later.
    const short = (await newToken(responder, { days: '7' })).secret
    expect((await api('GET', `/api/v1/orgs/${org.slug}/reports`, short)).statusCode).toBe(200)
    t.clock.advance(8 * 86_400_000)
    const expired = await api('GET', `/api/v1/orgs/${org.slug}/reports`, short)
    expect(expired.statusCode).toBe(401)
    expect(expired.headers['www-authenticate']).toContain('Bearer')

    // Another organization: the token names its own organization only.
    const live = (await newToken(responder)).secret
    expect((await api('GET', `/api/v1/orgs/${other.slug}/reports`, live)).statusCode).toBe(401)

    // The holder disabled, or no longer a member.
    const leaving = await t.given.member(org, 'responder')
    const theirs = (await newToken(leaving)).secret
    expect((await api('GET', `/api/v1/orgs/${org.slug}/reports`, theirs)).statusCode).toBe(200)
    await t.deps.db.updateTable('user').set({ disabled_at: t.clock.now().toISOString() }).where('id', '=', leaving.id).execute()
    expect((await api('GET', `/api/v1/orgs/${org.slug}/reports`, theirs)).statusCode).toBe(401)
    const removed = await t.given.member(org, 'responder')
    const removedToken = (await newToken(removed)).secret
    await t.deps.db.deleteFrom('membership').where('org_id', '=', org.id).where('user_id', '=', removed.id).execute()
    expect((await api('GET', `/api/v1/orgs/${org.slug}/reports`, removedToken)).statusCode).toBe(401)

    // Revoked on the tokens page: the next request is refused.
    const { b, secret } = await newToken(responder, { name: 'to revoke' })
    const page = await b.get(`/w/${org.slug}/tokens`)
    const id = new RegExp(`/w/${org.slug}/tokens/([^/"]+)/revoke"[^]*?Revoke to revoke`).exec(page.body)?.[1]
    expect(id).toBeDefined()
    const revoke = await b.submit(`/w/${org.slug}/tokens`, `/w/${org.slug}/tokens/${id}/revoke`, {})
    expect(revoke.statusCode).toBe(303)
    expect((await api('GET', `/api/v1/orgs/${org.slug}/reports`, secret)).statusCode).toBe(401)
    expect((await events('token.revoked')).length).toBe(1)
  })

  it('the API takes no session cookie, and a token opens no page', async () => {
    const { b, secret } = await newToken(responder)
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const withCookie = await api('GET', `/api/v1/orgs/${org.slug}/reports`, undefined, undefined, { cookie })
    expect(withCookie.statusCode).toBe(401)
    const post = await api(
      'POST',
      `/api/v1/orgs/${org.slug}/reports/${report.ref}/replies`,
      undefined,
      { body: 'x', visibility: 'internal' },
      { cookie },
    )
    expect(post.statusCode).toBe(401)
    const html = await api('GET', `/w/${org.slug}/reports/${report.ref}`, secret)
    expect(html.statusCode).toBe(303)
    expect(html.headers.location).toContain('/login')
  })
})
