import { expect, it } from 'vitest'
import { claimReport } from '../../src/workspace/use-cases/claim-report.js'
import { setSeverity } from '../../src/workspace/use-cases/set-severity.js'
import { orgWithPreset, reportViaApi } from '../integration/policy/policy-support.js'
import { asMember } from '../support/app.js'
import { browserSuite } from '../support/browser.js'

/**
 * The queue for real work in a real browser, JavaScript off, at 1280 px: filtering with the form
 * (the filters land in the address), searching words and the reporter's address, saving the view
 * and finding it beside the built-ins; the table never scrolls sideways.
 */
browserSuite('the queue in Chromium', ({ app, browser, origin, shot }) => {
  it('filters, searches and saves a view without JavaScript, and the table fits 1280 px', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
    const sqli = await reportViaApi(t, org, {
      title: 'SQL injection in the login form with a rather long title that must wrap instead of widening the table',
      reporterEmail: 'finder@example.net',
    })
    const xss = await reportViaApi(t, org, { title: 'Stored XSS in the profile page', reporterEmail: 'someone@example.org' })
    expect((await claimReport(t.deps, org, sqli.ref, asMember(alice))).ok).toBe(true)
    expect((await setSeverity(t.deps, org, sqli.ref, 'high', asMember(alice))).ok).toBe(true)

    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${origin()}/w/${org.slug}/reports`)
    await page.getByLabel('E-mail').fill(alice.email)
    await page.getByLabel('Password').fill(alice.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
    await page.getByRole('link', { name: xss.ref }).first().waitFor()
    const fits = () =>
      page.evaluate(() => {
        const wrap = document.querySelector('.table-wrap')
        return wrap !== null && wrap.scrollWidth <= wrap.clientWidth && document.documentElement.scrollWidth <= window.innerWidth
      })
    expect(await fits()).toBe(true)
    await shot(page, 'queue-01-all')

    // Filter with the form: the address keeps the filters.
    await page.getByLabel('Severity', { exact: true }).selectOption('high')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/severity=high/)
    expect(await page.getByRole('link', { name: sqli.ref }).count()).toBeGreaterThan(0)
    expect(await page.getByRole('link', { name: xss.ref }).count()).toBe(0)

    // Save it, and it is listed beside the built-in views.
    await page.getByLabel('Name of the view').fill('High ones')
    await page.getByRole('button', { name: 'Save this view' }).click()
    await page.getByText('View “High ones” saved.').waitFor()
    const views = page.getByRole('navigation', { name: 'Views' })
    for (const name of ['Mine', 'Due this week', 'Unassigned', 'High ones']) await views.getByRole('link', { name }).waitFor()

    // Search words, then the reporter's address.
    await page.goto(`${origin()}/w/${org.slug}/reports`)
    await page.getByLabel('Search').fill('stored profile')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/q=stored\+profile/)
    expect(await page.getByRole('link', { name: xss.ref }).count()).toBeGreaterThan(0)
    expect(await page.getByRole('link', { name: sqli.ref }).count()).toBe(0)
    await page.getByLabel('Search').fill('finder@example.net')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByRole('link', { name: sqli.ref }).first().waitFor()
    expect(await page.getByRole('link', { name: xss.ref }).count()).toBe(0)
    expect(await fits()).toBe(true)
    await shot(page, 'queue-02-searched')

    // The saved view opens with its filters, then goes.
    await views.getByRole('link', { name: 'High ones' }).click()
    await page.waitForURL(/severity=high/)
    await page.getByRole('button', { name: 'Delete the view “High ones”' }).click()
    await page.getByText('View “High ones” deleted.').waitFor()
    expect(await views.getByRole('link', { name: 'High ones' }).count()).toBe(0)
    await context.close()
  })
})
