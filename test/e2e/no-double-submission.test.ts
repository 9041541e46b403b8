import { expect, it } from 'vitest'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 14, items 2 and 3 in Chromium: the report form with JavaScript off answers with a
 * redirect, a reload of the confirmation sends nothing again and no longer shows the link; on
 * the report page an action says what it did and the address bar stays on the report.
 */
browserSuite('no doubled submissions, one flash message (Chromium)', ({ app, browser, origin, shot }) => {
  it('a reload of the confirmation sends nothing again; claiming says "Claimed" on the report page', async () => {
    const t = app()
    const org = await t.given.org({ slug: 'prg', name: 'PRG Corp' })
    const responder = await t.given.member(org, 'responder', 'Ria Responder')

    const reporterContext = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const reporter = await reporterContext.newPage()
    await reporter.goto(`${origin()}/o/${org.slug}/report`)
    await reporter.getByLabel('Title').fill('Path traversal in the export')
    await reporter.getByLabel('Description').fill('`../` in the file name escapes the export folder.')
    await reporter.getByRole('button', { name: 'Send report privately' }).click()
    await reporter.waitForURL(`${origin()}/o/${org.slug}/report/received`)
    expect(await reporter.getByRole('heading', { level: 1 }).textContent()).toMatch(/Report PRG-2026-0001 received/)
    const link = (await reporter.locator('.secret-box__value').textContent())?.trim()
    expect(link).toMatch(/\/f\/[A-Za-z0-9_-]{43}$/)
    expect(reporter.url()).not.toContain(link!.split('/f/')[1]!)
    await shot(reporter, 'prg-01-received')

    // A reload is a GET of the confirmation: no second report, no link, but a way back to it.
    await reporter.reload()
    expect(await reporter.getByRole('heading', { level: 1 }).textContent()).toMatch(/Report PRG-2026-0001 received/)
    await reporter.getByText('The follow-up link was shown once, and is not shown again').waitFor()
    expect(await reporter.locator('.secret-box__value').count()).toBe(0)
    await shot(reporter, 'prg-02-reloaded')
    const reports = await t.deps.db.selectFrom('report').select('ref').where('org_id', '=', org.id).execute()
    expect(reports.map((r) => r.ref)).toEqual(['PRG-2026-0001'])

    // The responder claims it: the page says so, and the address is the report's.
    const team = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    await team.goto(`${origin()}/login`)
    await team.getByLabel('E-mail').fill(responder.email)
    await team.getByLabel('Password').fill(responder.password)
    await team.getByRole('button', { name: 'Sign in' }).click()
    await team.goto(`${origin()}/w/${org.slug}/reports/PRG-2026-0001`)
    await team.getByRole('button', { name: 'Claim' }).click()
    await team.locator('[data-flash="success"]').getByText('Claimed').waitFor()
    expect(new URL(team.url()).pathname).toBe(`/w/${org.slug}/reports/PRG-2026-0001`)
    await shot(team, 'prg-03-claimed')
    // Said once: a reload shows the report without the message.
    await team.reload()
    expect(await team.locator('[data-flash]').count()).toBe(0)

    // A status change confirms the new status; a refused one says why, and the address stays on the report.
    await team.getByLabel('Move to').selectOption({ label: 'Acknowledged' })
    await team.getByRole('button', { name: 'Change status' }).click()
    await team.locator('[data-flash="success"]').getByText('Status: Acknowledged.').waitFor()
    await team.getByLabel('Move to').selectOption({ label: 'Duplicate' })
    await team.getByRole('button', { name: 'Change status' }).click()
    await team.locator('[data-flash="danger"]').getByText('Give the reference of the report this one duplicates').waitFor()
    expect(new URL(team.url()).pathname).toBe(`/w/${org.slug}/reports/PRG-2026-0001`)
    await shot(team, 'prg-04-refused')
    await reporterContext.close()
  })
})
