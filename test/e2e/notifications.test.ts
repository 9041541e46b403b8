import { expect, it } from 'vitest'
import { runNotifications } from '../../src/notifications/index.js'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 14 item 6 in a real browser: a responder sees the unread count in the workspace
 * navigation, opens the inbox, follows the notification to the report, comes back and marks it
 * read — and the count is gone.
 */
browserSuite('notifications in Chromium', ({ app, browser, origin, shot }) => {
  it('a responder sees the unread count, opens the inbox, follows to the report and marks it read', async () => {
    const t = app()
    const org = await t.given.org({ slug: `inbox-${Math.random().toString(36).slice(2, 8)}` })
    const responder = await t.given.member(org, 'responder', 'Nora Notified')
    const report = await t.given.report(org, { title: 'Open redirect in the login page' })
    await runNotifications(t.deps)

    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${origin()}/w/${org.slug}/reports`)
    await page.getByLabel('E-mail').fill(responder.email)
    await page.getByLabel('Password').fill(responder.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
    await page.getByRole('link', { name: 'Inbox (1 unread)' }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/inbox$`))
    await shot(page, 'notifications-01-inbox')
    const notice = `New report ${report.ref}`
    expect(await page.content()).not.toContain('Open redirect in the login page')

    await page.getByRole('link', { name: notice }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/reports/${report.ref}$`))
    await page.getByRole('heading', { name: 'Open redirect in the login page' }).waitFor()

    await page.getByRole('link', { name: 'Inbox (1 unread)' }).click()
    await page.getByRole('button', { name: new RegExp(`^Mark read\\s*:\\s*${notice}$`) }).click()
    await page.getByText('Marked read.').waitFor()
    expect(await page.getByRole('link', { name: /^Inbox$/ }).count()).toBe(1)
    expect(await page.getByRole('button', { name: /Mark read/ }).count()).toBe(0)
    await shot(page, 'notifications-02-read')
  }, 120_000)
})
