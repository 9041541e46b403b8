import { expect, it } from 'vitest'
import { runReportPublications } from '../../src/report-publication/index.js'
import { changeReportStatus } from '../../src/workspace/use-cases/change-report-status.js'
import { orgPublishingReports, original, originalCanaries } from '../integration/report-publication/publication-support.js'
import { asMember } from '../support/app.js'
import { browserSuite } from '../support/browser.js'

/**
 * The public version of a report in a real browser, JavaScript off: a responder writes the redacted
 * copy of a rejected report, a second member approves it (the policy requires review), the reporter
 * reads the proposed text on the follow-up page, and once the objection period has passed the
 * public page shows title, redacted text, outcome and reason — and nothing of the original.
 */
browserSuite('the public version of a report in Chromium', ({ app, browser, origin, shot }) => {
  it('team prepares, a second member approves, the reporter sees it, and after the objection period the public page shows it', async () => {
    const t = app()
    const org = await orgPublishingReports(t, { review: 'required' })
    const alice = await t.given.member(org, 'responder', 'Alice Author')
    const bob = await t.given.member(org, 'responder', 'Bob Reviewer')
    const report = await t.given.report(org, {
      title: original.title,
      description: original.description,
      reporterName: original.reporterName,
      reporterEmail: 'finder@example.net',
    })
    for (const to of ['acknowledged', 'rejected'] as const) {
      const moved = await changeReportStatus(t.deps, org, report.ref, {
        to,
        member: asMember(alice),
        reason: to === 'rejected' ? original.reason : undefined,
      })
      expect(moved.ok).toBe(true)
    }
    const reportUrl = `${origin()}/w/${org.slug}/reports/${report.ref}`
    const signIn = async (member: { email: string; password: string }) => {
      const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      await page.goto(reportUrl)
      await page.getByLabel('E-mail').fill(member.email)
      await page.getByLabel('Password').fill(member.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(new RegExp(`/w/${org.slug}/reports/${report.ref}`))
      return { context, page }
    }

    // The author: the page asks for the public version; the form starts empty.
    const author = await signIn(alice)
    await author.page.getByText('prepare the public version of this report').waitFor()
    expect(await author.page.getByLabel('Public title').inputValue()).toBe('')
    expect(await author.page.getByLabel('Public text (Markdown)').inputValue()).toBe('')
    await author.page.getByLabel('Public title').fill('Default credentials on an internal panel')
    await author.page
      .getByLabel('Public text (Markdown)')
      .fill('An internal administration panel accepted **default credentials**. Nothing was exposed to the internet.')
    await author.page.getByLabel('Reason for the outcome, for the public').fill('The panel is not reachable from the internet.')
    await author.page.getByRole('button', { name: 'Save the draft' }).click()
    await author.page.getByText('Draft, not yet approved').waitFor()
    await author.page.getByText('another team member approves the public version').waitFor()
    await shot(author.page, 'report-publication-01-draft')

    // The reviewer approves: the reporter is shown the text.
    const reviewer = await signIn(bob)
    await reviewer.page.getByRole('button', { name: 'Approve and show to the reporter' }).click()
    await reviewer.page.getByText('Shown to the reporter', { exact: true }).waitFor()
    await reviewer.page.getByText('Public version reviewed by a second member and shown to the reporter').waitFor()

    const reporterContext = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const reporter = await reporterContext.newPage()
    await reporter.goto(`${origin()}${new URL(report.followUpUrl).pathname}`)
    await reporter.getByRole('heading', { name: 'The public version of your report' }).waitFor()
    const card = reporter.locator('#public-version')
    expect(await card.textContent()).toContain('Default credentials on an internal panel')
    expect(await card.locator('strong', { hasText: /^default credentials$/ }).count()).toBe(1)
    expect(await card.textContent()).toContain('Outcome: Rejected')
    await reporter.getByRole('button', { name: 'Object' }).waitFor()
    await shot(reporter, 'report-publication-02-follow-up')

    // Time passes: the objection period (14 days by default) ends and the job publishes it.
    t.clock.advance(15 * 24 * 60 * 60 * 1000)
    expect(await runReportPublications(t.deps, t.clock.now())).toEqual({ published: 1 })

    const visitorContext = await browser().newContext({ javaScriptEnabled: false })
    const visitor = await visitorContext.newPage()
    const requests: string[] = []
    visitor.on('request', (r) => requests.push(r.url()))
    await visitor.goto(`${origin()}/o/${org.slug}`)
    const orgText = await visitor.textContent('main')
    await visitor.getByRole('link', { name: 'Published reports' }).click()
    await visitor.getByRole('heading', { level: 1, name: `Published reports of ${org.name}` }).waitFor()
    const listText = await visitor.textContent('main')
    expect(listText).toContain('Default credentials on an internal panel')
    await visitor.getByRole('link', { name: report.ref }).click()
    await visitor.getByRole('heading', { level: 1, name: 'Default credentials on an internal panel' }).waitFor()
    const pageText = (await visitor.textContent('main')) ?? ''
    expect(pageText).toContain('Nothing was exposed to the internet.')
    expect(await visitor.locator('main strong', { hasText: /^default credentials$/ }).count()).toBe(1)
    expect(await visitor.locator('[data-outcome]').textContent()).toBe('Rejected')
    expect(await visitor.locator('[data-reason]').textContent()).toContain('The panel is not reachable from the internet.')
    expect(await visitor.locator('script').count()).toBe(0)
    await shot(visitor, 'report-publication-03-public-page')
    const html = await visitor.content()
    for (const text of [orgText ?? '', listText ?? '', pageText, html]) {
      for (const canary of originalCanaries) expect(text).not.toContain(canary)
    }
    expect(requests.every((url) => url.startsWith(origin()))).toBe(true)

    // The reporter's page says it is published.
    await reporter.reload()
    await reporter.getByText('This version is published.').waitFor()
    await Promise.all([author.context.close(), reviewer.context.close(), reporterContext.close(), visitorContext.close()])
  }, 300_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
