import path from 'node:path'
import { expect, it } from 'vitest'
import { readPreset } from '../../src/policy-admin/presets.js'
import { importPolicy } from '../../src/policy-admin/use-cases/import-policy.js'
import { browserSuite, screenshotsDir } from '../support/browser.js'

/**
 * The CVSS calculator on the report page works in a browser with JavaScript disabled: a
 * responder picks each base metric, saves, and reads the score. Under a qualitative-only policy
 * the page offers levels with their definitions and shows no number.
 */
// The report page with two calculators is long: a full-page screenshot takes too long on a busy
// machine, so the severity panel alone is kept.
const slow = 120_000

browserSuite('severity on the report page, without JavaScript', ({ app, browser, origin, ctx }) => {
  const shotPath = (name: string) => path.join(screenshotsDir, `${ctx.dialect}-${name}.png`)
  async function responderOnReport(policyExtra = '') {
    const t = app()
    const org = await t.given.org()
    const file = readPreset('healthimis')
    if (!file) throw new Error('no preset')
    const imported = await importPolicy(t.deps, org, `${file.source.trimEnd()}\n${policyExtra}`, file.fileName, null)
    if (!imported.ok) throw new Error(JSON.stringify(imported.error))
    const member = await t.given.member(org, 'responder', 'Rita Responder')
    const report = await t.given.report(org, { title: 'SQL injection in the appointment search' })
    const context = await browser().newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${origin()}/login`)
    await page.getByLabel('E-mail').fill(member.email)
    await page.getByLabel('Password').fill(member.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.goto(`${origin()}/w/${org.slug}/reports/${report.ref}`)
    return { page, context, org }
  }

  it(
    'a responder sets a CVSS 4.0 vector through the calculator and sees its score and rating',
    async () => {
      const { page, context, org } = await responderOnReport()
      const calculator = page.locator('[data-cvss-version="4.0"]')
      const choose = async (metric: string, value: string) =>
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
      await page.getByRole('button', { name: 'Score and save' }).click()
      await page.waitForLoadState('load')
      await expect.poll(() => page.locator('[data-cvss-score="4.0"]').textContent()).toContain('CVSS 4.0: 9.3 (Critical)')
      await page.locator('.severity-panel').screenshot({ path: shotPath('cvss-calculator-scored') })
      // The queue shows the score beside the level.
      await page.goto(`${origin()}/w/${org.slug}/reports`)
      expect(await page.locator('[data-severity]').first().textContent()).toBe('Critical · 9.3')
      await context.close()
    },
    slow,
  )

  it(
    'a qualitative-only policy shows its levels with their definitions and no number',
    async () => {
      const { page, context } = await responderOnReport(
        'severity:\n  scoring: qualitative\n  levels:\n    - level: high\n      definition: Patient data of one clinic can be read without signing in.\n',
      )
      expect(await page.locator('[data-cvss-version]').count()).toBe(0)
      const level = page.getByRole('group', { name: 'Level' })
      await expect.poll(() => level.textContent()).toContain('Patient data of one clinic can be read without signing in.')
      await level.getByLabel('High', { exact: true }).check()
      await page.getByRole('button', { name: 'Set severity' }).click()
      await page.waitForLoadState('load')
      const panel = page.locator('.severity-panel')
      await expect.poll(() => panel.locator('[data-severity-level]').textContent()).toBe('Level: High')
      expect(await panel.textContent()).not.toMatch(/\d/)
      await page.locator('.severity-panel').screenshot({ path: shotPath('severity-qualitative') })
      await context.close()
    },
    slow,
  )
})
