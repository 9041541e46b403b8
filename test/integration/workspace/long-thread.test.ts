import { expect, it } from 'vitest'
import { postMessage } from '../../../src/workspace/use-cases/post-message.js'
import { asMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

/**
 * Issue 15 item 3: a report with a long thread opens quickly because the page shows the newest
 * messages and timeline entries only, says how many there are, and shows everything on request.
 * (The speed itself is measured by `npm run bench`, not here.)
 */
eachDialect('a report with a long thread', (ctx) => {
  const app = useTestApp(ctx)

  it('shows the newest 50 messages and 50 timeline entries, says how many in all, and shows all on request', async () => {
    const t = app()
    const org = await t.given.org()
    const member = await t.given.member(org)
    const report = await t.given.report(org)
    for (let i = 1; i <= 60; i++) {
      t.clock.advance(1000)
      const posted = await postMessage(t.deps, org, report.ref, {
        member: asMember(member),
        body: `Message number ${i}.`,
        visibility: i % 3 === 0 ? 'internal' : 'reporter',
      })
      expect(posted.ok).toBe(true)
    }
    const browser = t.browser()
    await browser.signIn(member)
    const page = await browser.get(`/w/${org.slug}/reports/${report.ref}`)
    expect(page.statusCode).toBe(200)
    const shown = [...page.body.matchAll(/Message number (\d+)\./g)].map((m) => Number(m[1]))
    expect(shown).toEqual(Array.from({ length: 50 }, (_, i) => i + 11))
    expect(page.body).toContain('The newest 50 of 60 messages are shown.')
    expect(page.body).toContain(`href="/w/${org.slug}/reports/${report.ref}?thread=all#thread-heading"`)
    // 60 replies and notes plus the report's receipt: more than one page of timeline.
    expect(page.body).toMatch(/The newest 50 of 6\d entries\./)

    const whole = await browser.get(`/w/${org.slug}/reports/${report.ref}?thread=all`)
    const all = [...whole.body.matchAll(/Message number (\d+)\./g)].map((m) => Number(m[1]))
    expect(all).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
    expect(whole.body).not.toContain('messages are shown')

    const timeline = await browser.get(`/w/${org.slug}/reports/${report.ref}?timeline=all`)
    expect(timeline.body).not.toMatch(/The newest 50 of \d+ entries/)
    expect((await browser.get(`/w/${org.slug}/reports/${report.ref}?thread=everything`)).statusCode).toBe(400)
  })

  it('a short thread shows everything and no "show all" link', async () => {
    const t = app()
    const org = await t.given.org()
    const member = await t.given.member(org)
    const report = await t.given.report(org)
    await postMessage(t.deps, org, report.ref, { member: asMember(member), body: 'Only one.', visibility: 'reporter' })
    const browser = t.browser()
    await browser.signIn(member)
    const page = await browser.get(`/w/${org.slug}/reports/${report.ref}`)
    expect(page.body).toContain('Only one.')
    expect(page.body).not.toContain('?thread=all')
    expect(page.body).not.toContain('?timeline=all')
  })
})
