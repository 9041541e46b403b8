import { afterAll, beforeAll, expect, it } from 'vitest'
import { announcementHandlers } from '../../src/announcements/index.js'
import { createOutboxWorker } from '../../src/mail/outbox-worker.js'
import { type Receiver, startReceiver, withAnnouncements } from '../integration/announcements/announcement-support.js'
import { draftFor, fixedReport, orgWithAdvisories } from '../integration/disclosure/disclosure-support.js'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 12 item 4 in Chromium: an administrator gives two of the policy's announcement channels a
 * delivery (a Slack-compatible webhook, and a signed webhook whose secret is shown once), publishes
 * an advisory, and after the outbox has run the advisory's announcements say which channel was
 * sent and which failed (the partner's receiver refuses with 410).
 */
browserSuite('announcements on disclosure day in Chromium', ({ app, browser, origin, shot }) => {
  let receiver: Receiver
  beforeAll(async () => {
    app().deps.config.announceHttp = true
    receiver = await startReceiver()
  })
  afterAll(() => receiver.close())

  it('an administrator configures channels, publishes, and the advisory shows each channel sent or failed', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    await withAnnouncements(t, org, [
      { kind: 'chat', name: 'Team Slack' },
      { kind: 'advisory', name: 'Partner webhook' },
    ])
    const admin = await t.given.member(org, 'admin')
    const { ref } = await fixedReport(t, org, admin)
    const ownId = await draftFor(t, org, ref, admin)
    receiver.answers.set('/partner', [410])

    const context = await browser().newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(8000)
    await page.goto(`${origin()}/login`)
    await page.getByLabel('E-mail').fill(admin.email)
    await page.getByLabel('Password').fill(admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.goto(`${origin()}/w/${org.slug}/reports`)
    await page.getByRole('link', { name: 'Announcements' }).click()

    await page.getByRole('link', { name: 'Set the delivery of Team Slack' }).click()
    await page.getByLabel('Delivery').selectOption('slack')
    await page.getByLabel('Webhook address (Slack-compatible or signed webhook)').fill(`${receiver.url}/slack/T1/B1/secretpart`)
    await page.getByRole('button', { name: 'Save delivery for Team Slack' }).click()
    await page.getByText('Delivery saved for Team Slack.').waitFor()
    expect(await page.content()).not.toContain('secretpart')

    await page.getByRole('link', { name: 'Set the delivery of Partner webhook' }).click()
    await page.getByLabel('Delivery').selectOption('webhook')
    await page.getByLabel('Webhook address (Slack-compatible or signed webhook)').fill(`${receiver.url}/partner/hook`)
    await page.getByRole('button', { name: 'Save delivery for Partner webhook' }).click()
    await page.getByText('Signing secret for Partner webhook (shown only once)').waitFor()
    expect(await page.locator('.secret-box__value code').textContent()).toMatch(/^whsec_/)
    await shot(page, 'announcements-1-secret-once')

    await page.goto(`${origin()}/w/${org.slug}/advisories/${ownId}`)
    await page.getByRole('button', { name: 'Publish now' }).click()
    await page.locator('.page-header .badge').getByText('Published').waitFor()

    // The background process's outbox pass: fan-out, then each delivery.
    const worker = createOutboxWorker(t.deps, { handlers: announcementHandlers(t.deps) })
    await worker.runOnce()
    await worker.stop()
    expect(receiver.at('/slack/T1/')).toHaveLength(1)
    expect(receiver.at('/partner/')).toHaveLength(1)

    await page.reload()
    await page.getByRole('link', { name: 'Announcements' }).last().click()
    await page.locator('tr[data-channel="Team Slack"]').getByText('Sent').waitFor()
    await page.locator('tr[data-channel="Partner webhook"]').getByText('Failed').waitFor()
    expect(await page.locator('tr[data-channel="Partner webhook"]').textContent()).toContain('HTTP 410')
    await shot(page, 'announcements-2-status')
    await context.close()
  })
})
