import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type Page, chromium as playwright } from 'playwright-core'
import { afterAll, beforeAll, describe } from 'vitest'
import { type TestApp, useTestApp } from './app.js'
import { type DialectContext, eachDialect } from './databases.js'
import { chromium, chromiumArgs } from './environment.js'

/** Where the browser tests leave their screenshots (a person looks at them; CI keeps them). */
export const screenshotsDir = path.resolve('test-results/e2e')

export interface BrowserWorld {
  /** The application under test, listening on a loopback port. */
  app: () => TestApp
  /** Debian's Chromium, headless, shared by the suite's tests. */
  browser: () => Browser
  /** The application's address, e.g. http://127.0.0.1:41234. */
  origin: () => string
  /** Saves a full-page screenshot named after the dialect and the step. */
  shot: (page: Page, name: string) => Promise<Buffer>
  ctx: DialectContext
}

/**
 * A browser test on both databases: the app listens on loopback and one Chromium serves the whole
 * suite. Without Chromium the suite is skipped with the reason in its title (CI=true fails instead,
 * in test/support/global-setup.ts).
 */
export function browserSuite(title: string, fn: (world: BrowserWorld) => void): void {
  const available = chromium()
  if (!available.available) {
    describe.skip(`${title} (SKIPPED: ${available.reason})`, () => undefined)
    return
  }
  eachDialect(title, (ctx) => {
    const app = useTestApp(ctx)
    let browser: Browser | undefined
    let origin = ''
    beforeAll(async () => {
      origin = await app().app.listen({ host: '127.0.0.1', port: 0 })
      browser = await playwright.launch({ executablePath: available.value, args: chromiumArgs })
      fs.mkdirSync(screenshotsDir, { recursive: true })
    })
    afterAll(async () => browser?.close())
    fn({
      app,
      browser: () => {
        if (!browser) throw new Error('Chromium is not running')
        return browser
      },
      origin: () => origin,
      shot: (page, name) => page.screenshot({ path: path.join(screenshotsDir, `${ctx.dialect}-${name}.png`), fullPage: true }),
      ctx,
    })
  })
}
