import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { en } from '../../src/i18n/en/index.js'
import { type Locale, messageOf, translator } from '../../src/i18n/messages.js'
import { browserSuite, screenshotsDir } from '../support/browser.js'
import { culprits, overflow } from '../support/layout.js'

/**
 * Issue 14 item 9: the whole path — a reporter with JavaScript off sends a report, a responder signs
 * in, claims it and answers, the reporter reads the answer — in English, Dutch and German, each
 * page at 360, 1280 and 1920 px (saved under test-results/e2e/languages/), none scrolling
 * sideways, none with an axe-core violation, and no English sentence left on a Dutch or German page.
 */
const widths = [360, 1280, 1920] as const
const browserLocale: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-AT' }

/** English sentences of the catalogue that read differently in `locale`: none may show on its pages. */
function englishLeftovers(locale: Locale): string[] {
  return (Object.keys(en) as (keyof typeof en)[])
    .filter((key) => !key.startsWith('mail.') && !/[{}]/.test(en[key]) && en[key].length >= 20 && messageOf(locale, key) !== en[key])
    .map((key) => en[key])
}

browserSuite('the whole path in three languages', ({ app, browser, origin, ctx }) => {
  for (const locale of ['en', 'nl', 'de'] as const) {
    it(`${locale}: reporter (no JavaScript) → responder → reporter, at three widths, in ${locale}`, async () => {
      const t = app()
      const say = translator(locale)
      const org = await t.given.org({ slug: `lang-${locale}-${ctx.dialect}`, name: 'Gemeente Voorbeeld' })
      const responder = await t.given.member(org, 'responder', 'Alice Responder')
      await t.given.program(org, { name: 'Open Klant', kind: 'web-app' })
      const dir = path.join(screenshotsDir, 'languages')
      fs.mkdirSync(dir, { recursive: true })
      const problems: string[] = []
      const leftovers = locale === 'en' ? [] : englishLeftovers(locale)
      // Axe needs JavaScript in the page: a second browser in the same language looks at each page the reporter saw.
      const inspector = await browser().newContext({ locale: browserLocale[locale] })

      /** Every width: screenshot, no sideways scrolling; then the language of the page, English left over, axe. */
      const look = async (page: Page, step: string, axe = true) => {
        expect(await page.getAttribute('html', 'lang')).toBe(locale)
        for (const width of widths) {
          await page.setViewportSize({ width, height: 900 })
          await page.screenshot({ path: path.join(dir, `${ctx.dialect}-${locale}-${step}-${width}.png`), fullPage: true })
          const past = await overflow(page)
          if (past > 0) problems.push(`${step} at ${width} px scrolls sideways by ${past} px: ${(await culprits(page)).join(', ')}`)
        }
        await page.setViewportSize({ width: 1280, height: 900 })
        const text = await page.locator('body').innerText()
        for (const sentence of leftovers) if (text.includes(sentence)) problems.push(`${step}: English left: "${sentence}"`)
        if (!axe) return
        const visit = page.context() === inspector ? page : await inspector.newPage()
        if (visit !== page) await visit.goto(page.url())
        for (const v of (await new AxeBuilder({ page: visit }).analyze()).violations) problems.push(`${step}: axe ${v.id}`)
        if (visit !== page) await visit.close()
      }

      // The reporter, JavaScript off, browser in the language.
      const reporterContext = await browser().newContext({ javaScriptEnabled: false, locale: browserLocale[locale] })
      const reporter = await reporterContext.newPage()
      await reporter.goto(`${origin()}/o/${org.slug}`)
      await look(reporter, '01-org-page')
      await reporter
        .getByRole('link', { name: say('org.report') })
        .first()
        .click()
      await look(reporter, '02-report-form')
      await reporter.getByLabel(say('report.field.title')).fill('Account takeover via password reset')
      await reporter.getByLabel(say('report.field.program')).selectOption({ label: 'Open Klant' })
      await reporter.getByLabel(say('report.field.description')).fill('The reset link is built from the **Host** header.')
      await reporter.getByLabel(say('report.field.steps')).fill('1. Request a reset with Host: evil.example')
      await reporter.getByLabel(say('report.field.reporterName')).fill('Hedy')
      await reporter.getByLabel(say('report.credit.pseudonym')).check()
      await reporter.getByRole('button', { name: say('report.submit') }).click()
      await reporter.getByRole('heading', { level: 1, name: say('report.sent.title', { ref: `${org.ref_prefix}-2026-0001` }) }).waitFor()
      const link = (await reporter.locator('.secret-box__value').textContent())?.trim()
      expect(link).toMatch(/\/f\/[A-Za-z0-9_-]{43}$/)
      await look(reporter, '03-report-sent', false) // the receipt is shown once: a second browser would not see it

      // The responder, signed in with a browser in the same language.
      const teamContext = await browser().newContext({ locale: browserLocale[locale] })
      const team = await teamContext.newPage()
      await team.goto(`${origin()}/w/${org.slug}/reports`)
      await team.getByLabel(say('login.email')).fill(responder.email)
      await team.getByLabel(say('login.password')).fill(responder.password)
      await team.getByRole('button', { name: say('login.submit') }).click()
      await team.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
      await look(team, '04-queue')
      await team.getByRole('link', { name: 'Account takeover via password reset' }).click()
      await team.getByRole('button', { name: say('reportPage.claim') }).click()
      await team.getByText(say('reportPage.heldByYou')).waitFor()
      await team.getByLabel(say('reportPage.replyBody')).fill('Confirmed. A fix ships **Friday**.')
      await team.getByRole('button', { name: say('reportPage.send'), exact: true }).click()
      await team.getByText('A fix ships').waitFor()
      await look(team, '05-report-page')

      // The reporter reads the answer through the secret link.
      await reporter.goto(`${origin()}${new URL(link!).pathname}`)
      await reporter.getByText('A fix ships').waitFor()
      await look(reporter, '06-follow-up', false) // opened by the link's cookie, which the inspecting browser lacks

      await inspector.close()
      await reporterContext.close()
      await teamContext.close()
      expect(problems).toEqual([])
    }, 240_000)
  }
})
