import { expect, it } from 'vitest'
import { orgWithDetailedResponse } from '../integration/reply-templates/reply-template-support.js'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 14 item 7 in Chromium, without JavaScript: an administrator writes a reply template, a
 * responder opens a report, chooses the template and presses Insert (a plain GET: the reply box
 * comes back filled from the report), completes it and sends it; the reporter reads it on the
 * follow-up page.
 */
browserSuite('reply templates in Chromium', ({ app, browser, origin, shot }) => {
  it('admin writes a template, a responder inserts it on a report and sends it, the reporter reads it', async () => {
    const t = app()
    const org = await orgWithDetailedResponse(t, 'Acme Corp')
    const admin = await t.given.member(org, 'admin')
    const responder = await t.given.member(org, 'responder')
    const report = await t.given.report(org, { reporterName: 'Night Owl', reporterEmail: 'owl@example.net' })
    const signIn = async (member: { email: string; password: string }) => {
      const context = await browser().newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      page.setDefaultTimeout(8000)
      await page.goto(`${origin()}/login`)
      await page.getByLabel('E-mail').fill(member.email)
      await page.getByLabel('Password').fill(member.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      return { context, page }
    }

    const a = await signIn(admin)
    await a.page.goto(`${origin()}/w/${org.slug}/reports`)
    await a.page.getByRole('link', { name: 'Reply templates' }).click()
    await a.page.getByRole('link', { name: 'New template' }).click()
    await a.page.getByLabel('Name').fill('Thanks and next steps')
    await a.page
      .getByLabel('Text (Markdown)')
      .fill('Hello {{reporter}},\n\nthank you for {{reference}}. We confirm receipt for {{organization}}.\n\nNext: ')
    await a.page.getByRole('button', { name: 'Save template' }).click()
    await a.page.getByText('Template "Thanks and next steps" saved.').waitFor()
    await shot(a.page, 'reply-templates-1-saved')
    await a.context.close()

    const r = await signIn(responder)
    await r.page.goto(`${origin()}/w/${org.slug}/reports/${report.ref}`)
    await r.page.getByLabel('Template').selectOption({ label: 'Thanks and next steps' })
    await r.page.getByRole('button', { name: 'Insert' }).click()
    await r.page.getByText('Template "Thanks and next steps" inserted below').waitFor()
    const box = r.page.getByLabel('Message (Markdown)')
    expect(await box.inputValue()).toBe(`Hello Night Owl,\n\nthank you for ${report.ref}. We confirm receipt for Acme Corp.\n\nNext:`)
    await box.fill(`${await box.inputValue()} we reproduce it this week.`)
    await shot(r.page, 'reply-templates-2-inserted')
    await r.page.getByRole('button', { name: 'Send' }).click()
    await r.page.getByText('Reply sent').first().waitFor()
    await r.context.close()

    const reporterContext = await browser().newContext({ javaScriptEnabled: false })
    const reporter = await reporterContext.newPage()
    reporter.setDefaultTimeout(8000)
    await reporter.goto(`${origin()}/f/${report.followUpToken}`)
    expect(reporter.url()).toBe(`${origin()}/follow-up`)
    await reporter.getByText('We confirm receipt for Acme Corp.').waitFor()
    await reporter.getByText('we reproduce it this week.').waitFor()
    await shot(reporter, 'reply-templates-3-follow-up')
    await reporterContext.close()
  })
})
