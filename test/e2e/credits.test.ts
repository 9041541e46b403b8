import { expect, it } from 'vitest'
import { orgWithPreset } from '../integration/policy/policy-support.js'
import { browserSuite } from '../support/browser.js'

/**
 * Credits with consent in a real browser, JavaScript off: the team proposes the reporter's credit
 * line on the report page, the reporter accepts it under another name on the follow-up page, and
 * once the vulnerability is fixed the organization's hall of fame (linked from its public page) shows it.
 */
browserSuite('credits in Chromium', ({ app, browser, origin, shot }) => {
  it('a reporter accepts a changed credit name on the follow-up page, and the hall of fame shows it', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'kumi-systems')
    const responder = await t.given.member(org, 'responder', 'Kim Kumi')
    const report = await t.given.report(org, { title: 'Path traversal in exports', reporterName: 'Grace', creditPreference: 'name' })

    const teamContext = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const team = await teamContext.newPage()
    await team.goto(`${origin()}/w/${org.slug}/reports/${report.ref}`)
    await team.getByLabel('E-mail').fill(responder.email)
    await team.getByLabel('Password').fill(responder.password)
    await team.getByRole('button', { name: 'Sign in' }).click()
    await team.waitForURL(new RegExp(`/w/${org.slug}/reports/${report.ref}$`))
    expect(await team.getByLabel("Reporter's credit name").inputValue()).toBe('Grace')
    await team.getByRole('button', { name: 'Propose credit to the reporter' }).click()
    await team.getByText('Proposed, no answer yet').waitFor()
    await shot(team, 'credits-01-proposed')

    const reporterContext = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const reporter = await reporterContext.newPage()
    await reporter.goto(`${origin()}${new URL(report.followUpUrl).pathname}`)
    await reporter.getByText('We propose to credit you as').waitFor()
    await reporter.getByLabel('Name to credit').fill('Grace Hopper')
    await shot(reporter, 'credits-02-follow-up')
    await reporter.getByRole('button', { name: 'Accept credit' }).click()
    await reporter.getByText('You accepted this credit line.').waitFor()
    expect(await reporter.getByLabel('Name to credit').inputValue()).toBe('Grace Hopper')

    // The team sees the answer, and the fix makes the finding public.
    await team.reload()
    await team.getByText('Accepted by the reporter').waitFor()
    for (const to of ['acknowledged', 'triaged', 'accepted', 'fixing', 'fixed']) {
      await team.getByLabel('Move to').selectOption(to)
      await team.getByRole('button', { name: 'Change status' }).click()
    }

    const visitorContext = await browser().newContext({ javaScriptEnabled: false })
    const visitor = await visitorContext.newPage()
    const requests: string[] = []
    visitor.on('request', (r) => requests.push(r.url()))
    await visitor.goto(`${origin()}/o/${org.slug}`)
    await visitor.getByRole('link', { name: 'Hall of fame' }).click()
    await visitor.getByRole('heading', { level: 1, name: `Hall of fame of ${org.name}` }).waitFor()
    const main = await visitor.textContent('main')
    expect(main).toContain('2026')
    expect(main).toContain('Grace Hopper')
    expect(main).not.toContain('Path traversal')
    expect(requests.every((url) => url.startsWith(origin()))).toBe(true)
    await shot(visitor, 'credits-03-hall-of-fame')
    await Promise.all([teamContext.close(), reporterContext.close(), visitorContext.close()])
  }, 300_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
