import { expect, it } from 'vitest'
import { browserSuite } from '../support/browser.js'

/**
 * Finding 7 of issue 8 in a real browser, with JavaScript off as a careful reporter has it: opening
 * another report's follow-up link while one is open asks first and keeps the open one until the
 * reporter chooses; "forget" revokes the link, and opening it again says so.
 */
browserSuite('finding 7: follow-up links in Chromium', ({ app, browser, origin, shot }) => {
  it('finding 7: a second link asks before switching, and a forgotten link says it was revoked', async () => {
    const t = app()
    const org = await t.given.org()
    const a = await t.given.report(org, { title: 'Stored XSS in comments' })
    const b = await t.given.report(org, { title: 'IDOR in invoices' })
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const open = (url: string) => page.goto(`${origin()}${new URL(url).pathname}`)
    const heading = async () => (await page.getByRole('heading', { level: 1 }).textContent())?.trim()

    await open(a.followUpUrl)
    expect(await heading()).toBe('Stored XSS in comments')

    // B's link while A is open: a question, and A stays open if the reporter keeps it.
    await open(b.followUpUrl)
    expect(await heading()).toBe('Open another report?')
    expect(await page.textContent('main')).toContain(
      `This browser has report ${a.ref} open. The link you just opened is for report ${b.ref}.`,
    )
    expect(page.url()).not.toContain(new URL(b.followUpUrl).pathname) // the secret left the address bar
    await shot(page, 'finding-7-switch')
    await page.getByRole('button', { name: `Keep ${a.ref} open` }).click()
    expect(await heading()).toBe('Stored XSS in comments')

    // Asked again, the reporter opens B.
    await open(b.followUpUrl)
    await page.getByRole('button', { name: `Open ${b.ref} instead` }).click()
    expect(await heading()).toBe('IDOR in invoices')

    // Forgetting B revokes its link: opening it again says so, and does not open the report.
    await page.getByRole('button', { name: 'Forget this report on this device' }).click()
    expect(await heading()).toBe('Report forgotten')
    await open(b.followUpUrl)
    expect(await heading()).toBe('This link was revoked')
    expect(await page.textContent('main')).not.toContain('IDOR in invoices')
    await shot(page, 'finding-7-revoked')
    await context.close()
  }, 90_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
