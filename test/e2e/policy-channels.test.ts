import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { importPolicy } from '../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../src/storage/schema.js'
import type { TestApp } from '../support/app.js'
import { browserSuite } from '../support/browser.js'

const policy = (slug: string, channels: string, programs = '') =>
  `version: 1
organization:
  name: Acme Widgets
  slug: ${slug}
${channels}calendar:
  timeZone: Europe/Vienna
  workingDays: [mon, tue, wed, thu, fri]
clocks:
  acknowledge: 3 business days
  resolution: 90 days
${programs}`

const hackerOne = `  platforms:
    - id: hackerone
      kind: bug-bounty
      name: HackerOne
      url: https://hackerone.com/acme
`
const formOff = `channels:
  webForm:
    enabled: false
    note: We take reports on HackerOne only, for the bounty.
${hackerOne}  only: hackerone
`
const formOn = `channels:
  webForm:
    enabled: true
${hackerOne}`
const portal = `programs:
  - slug: portal
    name: Customer portal
    kind: web-app
    inScope: true
    fields:
      - key: url
        label: Affected URL
        type: url
        required: true
`

async function orgWith(t: TestApp, slug: string, source: string): Promise<OrganizationRow> {
  const org = await t.given.org({ name: 'Acme Widgets', slug })
  const imported = await importPolicy(t.deps, org, source, 'policy.yaml', null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}

const text = async (page: Page) => (await page.locator('main').textContent()) ?? ''

/** #10 items 2–4 walked in Chromium: channels the public page obeys, a program's questions, a rejection told, a report registered from a platform. */
browserSuite('the policy’s channels and programs in Chromium', ({ app, browser, origin, shot }) => {
  it('a policy with the web form off: the public page shows the channels instead of the form', async () => {
    const t = app()
    const org = await orgWith(t, 'acme-closed', policy('acme-closed', formOff))
    const context = await browser().newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(20_000)
    await page.goto(`${origin()}/o/${org.slug}`)
    expect(await text(page)).toContain('How to report')
    expect(await text(page)).toContain('We take reports on HackerOne only, for the bounty.')
    expect(await page.locator('a[href="https://hackerone.com/acme"]').count()).toBeGreaterThan(0)
    expect(await page.locator(`a[href="/o/${org.slug}/report"]`).count()).toBe(0)
    await shot(page, 'channels-form-off')
    await context.close()
  }, 120_000)

  it('a reporter answers the program’s question, is told the rejection reason; the team registers a HackerOne report', async () => {
    const t = app()
    const org = await orgWith(t, 'acme-open', policy('acme-open', formOn, portal))
    const responder = await t.given.member(org, 'responder', 'Rita Responder')

    // The reporter: the program's required question is asked, and an error keeps what was typed.
    const reporterContext = await browser().newContext()
    const reporter = await reporterContext.newPage()
    reporter.setDefaultTimeout(20_000)
    await reporter.goto(`${origin()}/o/${org.slug}`)
    await reporter.getByRole('link', { name: 'Report a vulnerability in Customer portal' }).click()
    await reporter.getByRole('textbox', { name: 'Title', exact: true }).fill('Open redirect on login')
    await reporter.getByRole('textbox', { name: 'Description', exact: true }).fill('The `next` parameter is followed anywhere.')
    await reporter.getByRole('button', { name: 'Send report privately' }).click()
    await expect.poll(() => text(reporter)).toContain('This field is required.')
    expect(await reporter.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe('Open redirect on login')
    expect(await reporter.getByRole('textbox', { name: 'Description', exact: true }).inputValue()).toBe(
      'The `next` parameter is followed anywhere.',
    )
    await shot(reporter, 'program-field-required')
    await reporter.getByLabel('Affected URL').fill('https://portal.example.org/login?next=//evil.example')
    await reporter.getByRole('button', { name: 'Send report privately' }).click()
    await expect.poll(() => text(reporter)).toMatch(/Report ACME-OPEN-\d{4}-\d+ received|Report \S+ received/)
    // The link names the instance's public address; this test's server listens on loopback.
    const link = await reporter.getByRole('link', { name: 'Open the follow-up page' }).getAttribute('href')
    await reporter.goto(`${origin()}${new URL(link ?? '', origin()).pathname}`)
    const followUp = reporter.url()

    // The team rejects it with a reason, previewing what the reporter will read.
    const teamContext = await browser().newContext({ viewport: { width: 1366, height: 900 } })
    const team = await teamContext.newPage()
    team.setDefaultTimeout(20_000)
    await team.goto(`${origin()}/login`)
    await team.getByLabel('E-mail').fill(responder.email)
    await team.getByLabel('Password').fill(responder.password)
    await team.getByRole('button', { name: 'Sign in' }).click()
    await team.waitForURL((url) => url.pathname !== '/login')
    await team.goto(`${origin()}/w/${org.slug}/reports`)
    await team.getByRole('link', { name: 'Open redirect on login' }).click()
    await team.getByLabel('Move to').selectOption('rejected')
    await team.getByLabel('Reason (told to the reporter when rejecting)').fill('Redirects to other sites are **by design** here.')
    await team.getByRole('button', { name: 'Preview what the reporter sees' }).click()
    await team.getByRole('button', { name: 'Reject and tell the reporter' }).click()
    await expect.poll(() => text(team)).toContain('Redirects to other sites are')

    // The reporter sees the reason on the follow-up page.
    await reporter.goto(followUp)
    await expect.poll(() => text(reporter)).toContain('Why your report was rejected')
    expect(await text(reporter)).toContain('Redirects to other sites are by design here.')
    expect(await reporter.locator('main strong', { hasText: 'by design' }).count()).toBe(1)
    await shot(reporter, 'rejection-told')
    await reporterContext.close()

    // The team registers a report received on HackerOne, its clocks running from when HackerOne received it.
    await team.goto(`${origin()}/w/${org.slug}/reports`)
    await team.getByRole('link', { name: 'Register a report received elsewhere' }).click()
    await team.getByRole('combobox', { name: 'Platform', exact: true }).selectOption('hackerone')
    await team.getByLabel('Reference on the platform').fill('H1-2741337')
    await team.getByLabel('Address of the report on the platform').fill('https://hackerone.com/reports/2741337')
    await team.getByLabel('Received on the platform at').fill('2026-11-16T09:00')
    await team.getByRole('combobox', { name: 'Program', exact: true }).selectOption('portal')
    await team.getByRole('textbox', { name: 'Title', exact: true }).fill('IDOR on the invoice download')
    await team.getByLabel('Report text (Markdown)').fill('Changing the id returns **another customer** invoice.')
    await team.getByRole('button', { name: 'Register the report' }).click()
    await expect.poll(() => text(team)).toContain('Received on HackerOne: H1-2741337')
    expect(await team.locator('a[href="https://hackerone.com/reports/2741337"]').count()).toBe(1)
    expect(await text(team)).toContain('Registered by the team from HackerOne')
    expect(await team.locator('time[datetime="2026-11-16T08:00:00.000Z"]').count()).toBeGreaterThan(0)
    await shot(team, 'external-report-registered')
    await teamContext.close()
  }, 180_000)
})
