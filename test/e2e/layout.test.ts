import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, it } from 'vitest'
import { translator } from '../../src/i18n/messages.js'
import { readPreset } from '../../src/policy-admin/presets.js'
import { importPolicy } from '../../src/policy-admin/use-cases/import-policy.js'
import { browserSuite, screenshotsDir } from '../support/browser.js'
import { culprits, overflow } from '../support/layout.js'

/**
 * Issue 14 item 4: the pages a team and a reporter use hold their layout on a phone (360 px), a
 * laptop (1280 px) and a wide screen (1920 px): none scrolls sideways, whatever a reporter typed
 * (a 300-character URL, a long line of code), and axe-core finds no violation. Each page is saved
 * as a screenshot at each width under test-results/e2e/layout/.
 */
const widths = [360, 1280, 1920] as const

const longUrl = `https://app.example.org/reset?token=${'A1b2C3d4'.repeat(40)}`
const longCode = `curl -H 'Host: evil.example' ${'-d a=1&b=2&c=3 '.repeat(12).trim()}https://app.example.org/api/v1/password/reset`

browserSuite('layout at three widths, and accessibility', ({ app, browser, origin, ctx }) => {
  // In English and in German, whose words are the longest of our languages (Dutch is walked in languages.test.ts).
  for (const locale of ['en', 'de'] as const)
    it(`${locale}: every page a team or a reporter uses holds at 360, 1280 and 1920 px with no axe-core violation`, async () => {
      const t = app()
      const say = translator(locale)
      const org = await t.given.org({ slug: `khulnasoft-${locale}`, name: 'KhulnaSoft' })
      const preset = readPreset('khulnasoft')
      if (!preset) throw new Error('the KhulnaSoft preset is missing')
      // The preset offers English only; German is added so that its pages can be shown in German.
      const source = preset.source.replace('languages: [en]', 'languages: [en, de]')
      const imported = await importPolicy(t.deps, org, source, preset.fileName, null)
      if (!imported.ok) throw new Error(JSON.stringify(imported.error))
      const admin = await t.given.member(org, 'admin', 'Ada Admin')
      const report = await t.given.report(org, {
        title: `Password reset poisoning through the Host header on ${'every-subdomain-'.repeat(6)}khulnasoft.com`,
        description: `The link is built from the Host header:\n\n${longUrl}\n\n\`\`\`\n${longCode}\n\`\`\`\n\nSee ${longUrl}`,
      })

      // JavaScript stays on here only so axe-core can run in the page (the pages need none; the
      // reporter's path without JavaScript is walked in core-path and no-double-submission).
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, locale: locale === 'de' ? 'de-AT' : 'en-GB' })
      const page = await context.newPage()
      // The reporter's pages first (no account).
      const reporterPages = [
        `/o/${org.slug}`,
        `/o/${org.slug}/report`,
        `/o/${org.slug}/policy`,
        `/f/${report.followUpToken}`,
        '/',
        '/login',
      ]
      // Then the team's, signed in as an administrator (who sees every page).
      await page.goto(`${origin()}/login`)
      await page.getByLabel(say('login.email')).fill(admin.email)
      await page.getByLabel(say('login.password')).fill(admin.password)
      await page.getByRole('button', { name: say('login.submit') }).click()
      await page.waitForURL((u) => !u.pathname.startsWith('/login'))
      await page.goto(`${origin()}/w/${org.slug}/reports/${report.ref}`)
      await page.getByRole('button', { name: say('reportPage.claim') }).click()
      await page.getByLabel(say('reportPage.replyBody')).fill(`Thanks. We reproduced it with ${longUrl}`)
      await page.getByRole('button', { name: say('reportPage.send'), exact: true }).click()
      const w = `/w/${org.slug}`
      const teamPages = [
        `${w}/reports`,
        `${w}/reports/${report.ref}`,
        `${w}/advisories`,
        `${w}/advisories/new?report=${report.ref}`,
        `${w}/cra`,
        `${w}/tokens`,
        `${w}/inbox`,
        `${w}/reply-templates`,
        `${w}/reply-templates/new`,
        `${w}/admin/members`,
        `${w}/admin/programs`,
        `${w}/admin/mail`,
        `${w}/admin/policy`,
        `${w}/admin/audit`,
        `${w}/admin/sso`,
        `${w}/admin/cve-services`,
        `${w}/admin/announcements`,
        `${w}/admin/partners`,
        '/account',
        '/account/security',
      ]

      const problems: string[] = []
      const dir = path.join(screenshotsDir, 'layout')
      fs.mkdirSync(dir, { recursive: true })
      const anonymous = await browser().newContext({ locale: locale === 'de' ? 'de-AT' : 'en-GB' })
      const visits = [...reporterPages.map((p) => ({ p, tab: anonymous })), ...teamPages.map((p) => ({ p, tab: context }))]
      for (const { p, tab } of visits) {
        const visit = await tab.newPage()
        const target = p.startsWith('http') ? p : `${origin()}${p}`
        const answer = await visit.goto(target)
        const lang = await visit.getAttribute('html', 'lang')
        if (lang !== locale) problems.push(`${p}: in ${lang}, not ${locale}`)
        if (!answer || answer.status() >= 400) problems.push(`${p}: answered ${answer?.status()}`)
        for (const width of widths) {
          await visit.setViewportSize({ width, height: 900 })
          const name = `${ctx.dialect}-${locale}-${p.replace(/^https?:\/\/[^/]+/, '').replace(/[^a-z0-9]+/gi, '_')}-${width}.png`
          await visit.screenshot({ path: path.join(dir, name), fullPage: true })
          const past = await overflow(visit)
          if (past > 0) problems.push(`${p} at ${width} px scrolls sideways by ${past} px: ${(await culprits(visit)).join(', ')}`)
        }
        await visit.setViewportSize({ width: 1280, height: 900 })
        const axe = await new AxeBuilder({ page: visit }).analyze()
        for (const v of axe.violations)
          problems.push(
            `${p}: axe ${v.id} (${v.impact}): ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
          )
        await visit.close()
      }
      await anonymous.close()
      await context.close()
      expect(problems).toEqual([])
    }, 300_000)
})
