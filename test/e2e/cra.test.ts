import fs from 'node:fs'
import { expect, it } from 'vitest'
import { orgWithPolicy } from '../integration/policy/policy-support.js'
import { alpenrouterPolicy } from '../integration/regulation/cra-support.js'
import { browserSuite } from '../support/browser.js'

/**
 * The EU Cyber Resilience Act in a real browser, JavaScript off: a responder marks a report as
 * actively exploited, sees the Article 14 clocks, fills and exports the early warning (JSON and
 * printable page), records it filed, and the organization's CRA overview shows it.
 */
browserSuite('EU Cyber Resilience Act in Chromium', ({ app, browser, origin, shot }) => {
  it('marks a report exploited, exports the early warning, records it filed, and the overview shows it', async () => {
    const t = app()
    // Friday 4 December 2026, 17:30 in Vienna.
    t.clock.current = new Date('2026-12-04T16:30:00.000Z')
    const org = await orgWithPolicy(t, alpenrouterPolicy)
    const responder = await t.given.member(org, 'responder', 'Rita Router')
    const report = await t.given.report(org, { title: 'Shell injection via diagnostics' })

    const context = await browser().newContext({ javaScriptEnabled: false, acceptDownloads: true, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${origin()}/w/${org.slug}/reports/${report.ref}`)
    await page.getByLabel('E-mail').fill(responder.email)
    await page.getByLabel('Password').fill(responder.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/reports/${report.ref}$`))

    await page.getByRole('link', { name: 'Mark as actively exploited or severe incident' }).click()
    await page.getByLabel('Actively exploited vulnerability').check()
    await page.getByLabel('Aware since').fill('2026-12-04T17:00')
    await page.getByLabel('Evidence (internal)').fill('Honeypot logs show the payload from three addresses.')
    await page.getByRole('button', { name: 'Mark and start the clocks' }).click()
    await page.getByText('The report is marked; the clocks run from the moment of awareness.').waitFor()
    const clocks = await page.textContent('main')
    expect(clocks).toContain('Sat, 5 Dec 2026, 17:00 CET (Europe/Vienna)')
    expect(clocks).toContain('Mon, 7 Dec 2026, 17:00 CET (Europe/Vienna)')
    expect(clocks).toContain('Starts when a corrective or mitigating measure is available')
    await shot(page, 'cra-01-clocks')

    await page.getByRole('link', { name: 'Early warning' }).click()
    await page.getByLabel('Member States where the product is made available').fill('AT, DE, IT')
    await page.getByRole('button', { name: 'Save the form' }).click()
    await page.getByText('The form is saved.').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as JSON' }).click()])
    const exported = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8')) as Record<string, unknown>
    expect(exported).toMatchObject({
      article: 'Art. 14(2)(a)',
      stage: 'early-warning',
      reference: report.ref,
      manufacturer: { name: 'Alpenrouter', mainEstablishment: 'AT' },
      coordinatingCsirt: 'CERT.at',
      dueAt: '2026-12-05T16:00:00.000Z',
      fields: [{ key: 'memberStates', answer: 'AT, DE, IT' }].map((f) => expect.objectContaining(f)),
    })
    expect(JSON.stringify(exported)).not.toContain('Honeypot')
    expect(String(exported.submission)).toContain('Not submitted by Embargo')

    await page.getByRole('link', { name: 'Printable page' }).click()
    const printed = await page.textContent('main')
    expect(printed).toContain('Regulation (EU) 2024/2847, Art. 14(2)(a)')
    expect(printed).toContain('AT, DE, IT')
    expect(printed).not.toContain('Honeypot')
    await shot(page, 'cra-02-printable')
    await page.goBack()

    await page.getByLabel('Filed at').fill('2026-12-04T17:25')
    await page.getByLabel('Reference on the platform').fill('ENISA-SRP-2026-0042')
    await page.getByRole('button', { name: 'Record as filed' }).click()
    await page.getByText('The filing is recorded.').waitFor()

    await page.getByRole('link', { name: 'EU CRA' }).click()
    await page.getByRole('heading', { level: 1, name: 'EU Cyber Resilience Act cases' }).waitFor()
    const overview = await page.textContent('main')
    expect(overview).toContain(report.ref)
    expect(overview).toContain('Filed Fri, 4 Dec 2026, 17:25 CET (Europe/Vienna) · ENISA-SRP-2026-0042')
    expect(overview).toContain('Due Mon, 7 Dec 2026, 17:00 CET (Europe/Vienna)')
    await shot(page, 'cra-03-overview')
    await context.close()
  }, 300_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
