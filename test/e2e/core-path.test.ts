import { expect, it } from 'vitest'
import { browserSuite } from '../support/browser.js'

/**
 * The product's core path in a real browser: a reporter with JavaScript disabled submits a
 * report, a responder signs in, claims it and answers, and the reporter opens the follow-up
 * link and reads the answer. Each page it passes through is saved as a screenshot.
 */
browserSuite('core path in Chromium', ({ app, browser, origin, shot }) => {
  it('reporter (no JavaScript) → responder claims and replies → reporter reads the reply', async () => {
    const t = app()
    const org = await t.given.org({ slug: 'acme', name: 'ACME Corp' })
    const responder = await t.given.member(org, 'responder', 'Alice Responder')
    await t.given.program(org, { name: 'ACME Cloud', kind: 'web-app' })

    // The reporter, in a browser with JavaScript switched off.
    const reporterContext = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const reporter = await reporterContext.newPage()
    const scripts: string[] = []
    reporter.on('request', (r) => {
      if (r.resourceType() === 'script' || !r.url().startsWith(origin())) scripts.push(r.url())
    })
    await reporter.goto(`${origin()}/o/${org.slug}`)
    await shot(reporter, '01-org-page')
    await reporter.getByRole('link', { name: 'Report a vulnerability' }).first().click()
    await reporter.getByLabel('Title').fill('Account takeover via password reset')
    await reporter.getByLabel('Product or service').selectOption({ label: 'ACME Cloud' })
    await reporter.getByLabel('Description').fill('The reset link is built from the **Host** header.')
    await reporter.getByLabel('Steps to reproduce').fill('1. Request a reset with Host: evil.example\n2. Read the mail')
    await reporter.getByLabel('Your name or pseudonym (optional)').fill('Hedy')
    await reporter.getByLabel('By my pseudonym').check()
    await shot(reporter, '02-report-form')
    await reporter.getByRole('button', { name: 'Send report privately' }).click()
    expect(await reporter.getByRole('heading', { level: 1 }).textContent()).toMatch(/Report ACME-2026-0001 received/)
    const link = (await reporter.locator('.secret-box__value').textContent())?.trim()
    expect(link).toMatch(/\/f\/[A-Za-z0-9_-]{43}$/)
    await shot(reporter, '03-report-sent')

    // The responder signs in, finds the report in the queue, claims it and answers.
    const teamContext = await browser().newContext({ viewport: { width: 1280, height: 900 } })
    const team = await teamContext.newPage()
    await team.goto(`${origin()}/w/${org.slug}/reports`)
    expect(team.url()).toMatch(/\/login\?next=/)
    await team.getByLabel('E-mail').fill(responder.email)
    await team.getByLabel('Password').fill(responder.password)
    await shot(team, '04-sign-in')
    await team.getByRole('button', { name: 'Sign in' }).click()
    await team.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
    await shot(team, '05-queue')
    await team.getByRole('link', { name: 'Account takeover via password reset' }).click()
    await team.getByRole('button', { name: 'Claim' }).click()
    await team.getByText('You hold this report.').waitFor()
    await team.getByLabel('Message (Markdown)').fill('Confirmed. A fix ships **Friday**; we will credit you as Hedy.')
    await team.getByRole('button', { name: 'Send' }).click()
    await team.getByLabel('Message (Markdown)').fill('Root cause: trusting X-Forwarded-Host.')
    await team.getByLabel('Internal note (team only)').check()
    await team.getByRole('button', { name: 'Send' }).click()
    await team.getByText('Internal note — not visible to the reporter').waitFor()
    await shot(team, '06-report-page')

    // The reporter opens the secret link and reads the answer, never the internal note.
    await reporter.goto(`${origin()}${new URL(link!).pathname}`)
    expect(reporter.url()).toBe(`${origin()}/follow-up`)
    await reporter.getByText('A fix ships').waitFor()
    expect(await reporter.getByText('trusting X-Forwarded-Host').count()).toBe(0)
    await shot(reporter, '07-follow-up')

    expect(scripts).toEqual([]) // no script and nothing from another origin was ever requested
    await reporterContext.close()
    await teamContext.close()
  })
})
