import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { fixedReport, orgWithAdvisories } from '../integration/disclosure/disclosure-support.js'
import type { TestMember } from '../support/app.js'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 11, items 1 and 6 in a real browser: from a fixed report a responder drafts an advisory,
 * fills it in and submits it for review; a second member approves it (the policy requires review)
 * and publishes it; the report is then disclosed. Every page works without a script.
 */
browserSuite('advisory from report to publication in Chromium', ({ app, browser, origin, shot }) => {
  async function signedIn(b: Browser, member: TestMember, start: string): Promise<{ page: Page; scripts: string[] }> {
    const context = await b.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script' || !r.url().startsWith(origin())) scripts.push(r.url())
    })
    await page.goto(`${origin()}${start}`)
    await page.getByLabel('E-mail').fill(member.email)
    await page.getByLabel('Password').fill(member.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${origin()}${start}`)
    return { page, scripts }
  }

  it('a responder drafts an advisory from a report and submits it; a second member approves and publishes it; the report is disclosed', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '  review: required')
    const alice = await t.given.member(org, 'responder', 'Alice Author')
    const bob = await t.given.member(org, 'responder', 'Bob Reviewer')
    const { ref, page: reportPath } = await fixedReport(t, org, alice)

    const author = await signedIn(browser(), alice, reportPath)
    await author.page.getByRole('link', { name: 'New advisory' }).click()
    await author.page.getByLabel('Title').fill('Stored XSS in the profile page')
    await author.page.getByRole('button', { name: 'Create draft' }).click()
    await author.page.waitForURL(/\/advisories\/[^/]+\/edit$/)
    await author.page.getByLabel('Summary').fill('The **bio** field is not escaped.')
    await author.page.getByLabel('Description').fill('Any visitor of a profile runs the stored script.')
    await author.page.getByLabel('CVE', { exact: true }).fill('CVE-2026-31337')
    await author.page.getByLabel('Weakness (CWE)').fill('CWE-79')
    await author.page.getByRole('group', { name: 'Level' }).getByLabel('High', { exact: true }).check()
    await author.page.locator('#f-affected-0-ecosystem').selectOption('npm')
    await author.page.locator('#f-affected-0-name').fill('alkemio-profile')
    await author.page.locator('#f-affected-0-fixed').fill('2.3.1')
    await shot(author.page, 'advisory-01-edit')
    await author.page.getByRole('button', { name: 'Save', exact: true }).click()
    await author.page.waitForURL(/\/advisories\/[^/]+$/)
    const advisoryUrl = author.page.url()
    expect(await author.page.getByRole('heading', { level: 1 }).textContent()).toContain('Stored XSS in the profile page')
    await expect.poll(() => author.page.getByText('pkg:npm/alkemio-profile').count()).toBe(1)
    await author.page.getByRole('button', { name: 'Submit for review' }).click()
    await author.page.waitForURL(advisoryUrl)
    // The author may not approve what they submitted.
    expect(await author.page.getByRole('button', { name: 'Approve' }).count()).toBe(0)
    await shot(author.page, 'advisory-02-in-review')

    const reviewer = await signedIn(browser(), bob, `/w/${org.slug}/advisories`)
    await reviewer.page.getByRole('link', { name: /-ADV-2026-0001/ }).click()
    await reviewer.page.getByRole('button', { name: 'Approve' }).click()
    await reviewer.page.waitForURL(advisoryUrl)
    await reviewer.page.getByRole('button', { name: 'Publish now' }).click()
    await reviewer.page.waitForURL(advisoryUrl)
    expect(await reviewer.page.locator('.page-header .badge').textContent()).toContain('Published')
    await shot(reviewer.page, 'advisory-03-published')

    await reviewer.page.getByRole('link', { name: ref }).click()
    await reviewer.page.waitForURL(new RegExp(`/reports/${ref}$`))
    expect(await reviewer.page.locator('.page-header .badge').textContent()).toContain('Disclosed')
    await expect.poll(() => reviewer.page.getByText('Advisory published').count()).toBeGreaterThan(0)
    await shot(reviewer.page, 'advisory-04-report-disclosed')

    expect(author.scripts).toEqual([])
    expect(reviewer.scripts).toEqual([])
  }, 240_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
