import { afterAll, beforeAll, expect, it } from 'vitest'
import { createOutboxWorker, type OutboxWorker } from '../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../src/mail/smtp-sender.js'
import { khulnaSoftWithDraft, mailsTo, partnerLinkIn } from '../integration/partners/partner-support.js'
import { browserSuite } from '../support/browser.js'
import { startRelay, type TestRelay } from '../support/mail.js'

/**
 * Issue 12 items 1–3 in Chromium: an administrator adds a partner, a responder plans the release on
 * an advisory and sends early notice, the partner opens the link from the mail and acknowledges,
 * and the team sees "acknowledged".
 */
browserSuite('partners and early notice in Chromium', ({ app, browser, origin, shot }) => {
  let relay: TestRelay
  let worker: OutboxWorker
  beforeAll(async () => {
    relay = await startRelay()
    worker = createOutboxWorker(app().deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  })
  afterAll(async () => {
    await worker?.stop()
    await relay?.close()
  })

  it('admin adds a partner, a responder plans the release and sends early notice, the partner acknowledges, the team sees it', async () => {
    const t = app()
    const { org, admin, responder, ownId } = await khulnaSoftWithDraft(t)
    const signIn = async (member: { email: string; password: string }) => {
      const context = await browser().newContext()
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
    await a.page.getByRole('link', { name: 'Partners' }).click()
    await a.page.getByLabel('Name').fill('Distro Security Team')
    await a.page.getByLabel('Kind').selectOption('distribution')
    await a.page.getByLabel('Longest embargo they accept').fill('14 days')
    await a.page.getByLabel('Contact e-mail address').fill('security@distro.example')
    await a.page.getByRole('button', { name: 'Add partner' }).click()
    await a.page.getByText('Partner added.').waitFor()
    await shot(a.page, 'partners-1-added')
    await a.context.close()

    const r = await signIn(responder)
    await r.page.goto(`${origin()}/w/${org.slug}/advisories/${ownId}`)
    await r.page.getByRole('link', { name: 'Coordination: planned release and early notice' }).click()
    await r.page.getByLabel('Release date and time').fill('2026-12-01T10:00')
    await r.page.getByRole('button', { name: 'Plan release' }).click()
    await r.page.getByText('Planned release saved.').waitFor()
    await r.page.getByLabel('Distro Security Team').check()
    await r.page.getByRole('button', { name: 'Send early notice' }).click()
    await r.page.getByText('Early notice sent to 1 partner').waitFor()
    await shot(r.page, 'partners-2-sent')

    await worker.runOnce()
    const [mail] = await mailsTo(relay, 'security@distro.example')
    expect(mail?.raw).not.toContain('Token leak') // no key: the link only
    const link = partnerLinkIn(mail?.mail.text ?? '')

    const partnerContext = await browser().newContext()
    const partner = await partnerContext.newPage()
    partner.setDefaultTimeout(8000)
    await partner.goto(`${origin()}${link}`)
    await partner.getByRole('heading', { name: 'Token leak in the KhulnaSoft agent' }).waitFor()
    await partner.getByRole('button', { name: 'Acknowledge receipt' }).click()
    await partner.getByText('your acknowledgment is recorded').waitFor()
    await shot(partner, 'partners-3-acknowledged')
    await partnerContext.close()

    await r.page.reload()
    await r.page.getByText('Acknowledged', { exact: true }).waitFor()
    expect(await r.page.locator('.timeline').textContent()).toContain('Distro Security Team acknowledged the early notice')
    await shot(r.page, 'partners-4-team-sees')
    await r.context.close()
  })

  it('a responder records the public merge: refused before its window, with the moment it opens, recorded once it is open', async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const { org, responder, ownId } = await khulnaSoftWithDraft(t, 'publicMerge: 48 hours')
    const signIn = async () => {
      const context = await browser().newContext()
      const page = await context.newPage()
      page.setDefaultTimeout(8000)
      await page.goto(`${origin()}/login`)
      await page.getByLabel('E-mail').fill(responder.email)
      await page.getByLabel('Password').fill(responder.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      return { context, page }
    }
    const coordination = `${origin()}/w/${org.slug}/advisories/${ownId}/coordination`
    const r = await signIn()
    await r.page.goto(coordination)
    await r.page.getByLabel('Release date and time').fill('2026-12-01T10:00')
    await r.page.getByRole('button', { name: 'Plan release' }).click()
    await r.page.getByText('Planned release saved.').waitFor()
    await r.page.getByText('Waiting for its window').waitFor()
    await r.page.getByRole('button', { name: 'Record merged publicly' }).click()
    await r.page.getByText('The fix may be merged publicly from').waitFor()
    await shot(r.page, 'partners-5-merge-too-early')
    await r.context.close()

    // 48 hours before the release (10:00 in Dhaka, 04:00 UTC): the window is open.
    t.clock.current = new Date('2026-11-29T04:00:00.000Z')
    const later = await signIn()
    await later.page.goto(coordination)
    await later.page.getByText('Due: merge publicly now').waitFor()
    await later.page.getByRole('button', { name: 'Record merged publicly' }).click()
    await later.page.getByText('Public merge recorded.').waitFor()
    await later.page.getByText('Merged publicly', { exact: true }).waitFor()
    expect(await later.page.locator('.timeline').textContent()).toContain('recorded the fix merged publicly')
    await shot(later.page, 'partners-6-merged')
    await later.context.close()
  })
})
