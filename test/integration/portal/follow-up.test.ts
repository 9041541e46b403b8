import { expect, it } from 'vitest'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('following up through the secret link', (ctx) => {
  const app = useTestApp(ctx)

  it('swaps the link for a cookie and redirects to an address without the secret', async () => {
    const t = app()
    const org = await t.given.org()
    const report = await t.given.report(org, { title: 'Open redirect' })
    const reporter = t.browser()
    const swap = await reporter.get(new URL(report.followUpUrl).pathname)
    expect(swap.statusCode).toBe(303)
    expect(swap.headers.location).toBe('/follow-up')
    expect(swap.headers['referrer-policy']).toBe('no-referrer')
    const cookie = String(swap.headers['set-cookie'])
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    const page = await reporter.get('/follow-up')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Open redirect')
    expect(page.body).toContain(report.ref)
    expect(page.body).not.toContain(report.followUpToken)
  })

  it('answers 404 to a wrong or made-up link, and to the follow-up page without one', async () => {
    const t = app()
    const stranger = t.browser()
    expect((await stranger.get(`/f/${'A'.repeat(43)}`)).statusCode).toBe(404)
    expect((await stranger.get('/f/short')).statusCode).toBe(404)
    expect((await stranger.get('/follow-up')).statusCode).toBe(404)
  })

  it('issue 9: a reply longer than allowed is named on the page and stores nothing', async () => {
    const t = app()
    const org = await t.given.org()
    const report = await t.given.report(org)
    const reporter = t.browser()
    await reporter.get(new URL(report.followUpUrl).pathname)
    const long = await reporter.submit('/follow-up', '/follow-up/reply', { body: 'x'.repeat(50_001) })
    expect(long.statusCode).toBe(422)
    expect(long.body).toContain('This is longer than allowed.')
    expect(await t.deps.db.selectFrom('message').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })

  it('lets the reporter reply, and the team sees it on the report', async () => {
    const t = app()
    const org = await t.given.org()
    const alice = await t.given.member(org, 'responder')
    const report = await t.given.report(org)
    const reporter = t.browser()
    await reporter.get(new URL(report.followUpUrl).pathname)
    const sent = await reporter.submit('/follow-up', '/follow-up/reply', { body: 'Here is a proof of concept.' })
    expect(sent.statusCode).toBe(303)
    expect(sent.headers.location).toBe('/follow-up')
    expect((await reporter.get('/follow-up')).body).toContain('Your reply was sent.')
    // Said once: a reload shows the page without it, and sends nothing again.
    expect((await reporter.get('/follow-up')).body).not.toContain('Your reply was sent.')
    const empty = await reporter.submit('/follow-up', '/follow-up/reply', { body: '   ' })
    expect(empty.statusCode).toBe(422)
    const team = t.browser()
    await team.signIn(alice)
    const page = await team.get(`/w/${org.slug}/reports/${report.ref}`)
    expect(page.body).toContain('Here is a proof of concept.')
    expect(page.body).toContain('Reporter replied')
  })

  it('opens only its own report: one reporter cannot read another report of the same organization', async () => {
    const t = app()
    const org = await t.given.org()
    const mine = await t.given.report(org, { title: 'Mine' })
    await t.given.report(org, { title: 'Someone else entirely' })
    const reporter = t.browser()
    await reporter.get(new URL(mine.followUpUrl).pathname)
    const page = await reporter.get('/follow-up')
    expect(page.body).toContain('Mine')
    expect(page.body).not.toContain('Someone else entirely')
    // The capability opens nothing on the team side.
    expect((await reporter.get(`/w/${org.slug}/reports/${mine.ref}`)).statusCode).toBe(303)
  })
})
