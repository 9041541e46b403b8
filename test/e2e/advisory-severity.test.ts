import type { Browser } from 'playwright-core'
import { expect, it } from 'vitest'
import { draftFor, fixedReport, orgWithAdvisories } from '../integration/disclosure/disclosure-support.js'
import type { TestMember } from '../support/app.js'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 11: on the advisory's edit form a team member sets the severity as CVSS metrics (radio
 * groups), scores them with "Score" (nothing saved yet, nothing typed lost), searches the CWE
 * list by name and picks a weakness from the results, saves, and reads severity and weakness on
 * the advisory page: with JavaScript and without.
 */
browserSuite('advisory severity and weakness in Chromium', ({ app, browser, origin, shot }) => {
  async function signedIn(b: Browser, member: TestMember, start: string, javaScriptEnabled: boolean) {
    const context = await b.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled })
    const page = await context.newPage()
    await page.goto(`${origin()}${start}`)
    await page.getByLabel('E-mail').fill(member.email)
    await page.getByLabel('Password').fill(member.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${origin()}${start}`)
    return { page, context }
  }

  for (const javaScriptEnabled of [false, true]) {
    it(`a responder scores CVSS 4.0 from its metrics, picks a CWE by searching its name, saves, and the advisory shows both (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const t = app()
      const org = await orgWithAdvisories(t, '')
      const alice = await t.given.member(org, 'responder', 'Alice Author')
      const { ref } = await fixedReport(t, org, alice)
      const ownId = await draftFor(t, org, ref, alice, 'SQL injection in the appointment search')
      const editPath = `/w/${org.slug}/advisories/${ownId}/edit`
      const { page, context } = await signedIn(browser(), alice, editPath, javaScriptEnabled)
      const js = javaScriptEnabled ? 'js' : 'nojs'

      await page.getByLabel('Summary').fill('The search box builds its query from what is typed.')
      const calculator = page.locator('[data-cvss-version="4.0"]')
      const choose = (metric: string, value: string) =>
        calculator.getByRole('group', { name: metric, exact: true }).getByLabel(value, { exact: true }).check()
      await choose('Attack Vector (AV)', 'Network')
      await choose('Attack Complexity (AC)', 'Low')
      await choose('Attack Requirements (AT)', 'None')
      await choose('Privileges Required (PR)', 'None')
      await choose('User Interaction (UI)', 'None')
      await choose('Vulnerable System Confidentiality (VC)', 'High')
      await choose('Vulnerable System Integrity (VI)', 'High')
      await choose('Vulnerable System Availability (VA)', 'High')
      await choose('Subsequent System Confidentiality (SC)', 'None')
      await choose('Subsequent System Integrity (SI)', 'None')
      await choose('Subsequent System Availability (SA)', 'None')
      await page.getByRole('button', { name: 'Score', exact: true }).click()
      await page.waitForLoadState('load')
      await expect.poll(() => page.locator('[data-cvss-score="4.0"]').textContent()).toContain('CVSS 4.0: 9.3 (Critical)')
      // Scoring saved nothing and kept what was typed and chosen.
      expect(await page.getByLabel('Summary').inputValue()).toBe('The search box builds its query from what is typed.')
      expect(
        await calculator.getByRole('group', { name: 'Attack Vector (AV)', exact: true }).getByLabel('Network', { exact: true }).isChecked(),
      ).toBe(true)

      await page.getByLabel('Weakness (CWE)').fill('sql injection')
      await page.getByRole('button', { name: 'Search', exact: true }).click()
      await page.waitForLoadState('load')
      const result = page.getByRole('radio', { name: /CWE-89 Improper Neutralization of Special Elements used in an SQL Command/ })
      await result.check()
      await shot(page, `advisory-severity-${js}-01-scored-and-searched`)
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await page.waitForURL(`${origin()}/w/${org.slug}/advisories/${ownId}`)

      const card = page.locator('.card', { hasText: 'Severity and weakness' })
      await expect.poll(() => card.textContent()).toContain('Critical')
      expect(await card.locator('[data-cvss-score="4.0"]').textContent()).toContain('CVSS 4.0: 9.3 (Critical)')
      expect(await card.textContent()).toContain('CWE-89 Improper Neutralization of Special Elements used in an SQL Command')
      await shot(page, `advisory-severity-${js}-02-saved`)

      // Editing again shows the saved metrics chosen and the weakness kept.
      await page.goto(`${origin()}${editPath}`)
      expect(
        await calculator
          .getByRole('group', { name: 'Vulnerable System Integrity (VI)', exact: true })
          .getByLabel('High', { exact: true })
          .isChecked(),
      ).toBe(true)
      expect(await page.getByRole('checkbox', { name: /CWE-89/ }).isChecked()).toBe(true)
      // Enter in a text field saves (the form's default button is "Save", not "Search" or "Score").
      await page.getByLabel('Title').fill('SQL injection in the appointment search box')
      await page.getByLabel('Title').press('Enter')
      await page.waitForURL(`${origin()}/w/${org.slug}/advisories/${ownId}`)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('SQL injection in the appointment search box')
      await context.close()
    }, 240_000)
  }
})
