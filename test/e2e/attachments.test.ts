import fs from 'node:fs'
import { expect, it } from 'vitest'
import { startInbound } from '../../src/mail/inbound-service.js'
import { setSecurityAddress } from '../../src/mail/index.js'
import { browserSuite } from '../support/browser.js'
import { mta } from '../support/mail.js'

/**
 * Finding 2 of the outside security review (issue 8), in a real browser: a responder sees what the
 * reporter attached on the report page, and following its link downloads the file: the page stays
 * where it is and nothing of the file is rendered, even when it is HTML with a script in it.
 */
browserSuite('finding 2: attachments in Chromium', ({ app, browser, origin, shot }) => {
  it('finding 2: a team member sees the attachment on the report page, and its link downloads it instead of opening it', async () => {
    const t = app()
    const org = await t.given.org({ slug: 'files', name: 'Files Inc' })
    const responder = await t.given.member(org, 'responder', 'Ada Responder')
    const security = `security@${org.slug}.example`
    expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
    const inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
    const exploit = '<html><body><h1 id="rendered">EXPLOIT RENDERED</h1><script>document.title="pwned"</script></body></html>'
    try {
      const client = mta(inbound.smtpPort!)
      await client.sendMail({
        from: 'finder@example.net',
        to: security,
        subject: 'Stored XSS, proof attached',
        text: 'Open the attached page in a browser to see it.',
        messageId: '<e2e-files-1@example.net>',
        attachments: [{ filename: 'proof.html', contentType: 'text/html', content: exploit }],
      })
      client.close()
      await inbound.idle()
    } finally {
      await inbound.stop()
    }

    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${origin()}/w/${org.slug}/reports`)
    await page.getByLabel('E-mail').fill(responder.email)
    await page.getByLabel('Password').fill(responder.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
    await page.getByRole('link', { name: 'Stored XSS, proof attached' }).click()
    const reportUrl = page.url()
    const link = page.getByRole('link', { name: 'proof.html' })
    await link.waitFor()
    await shot(page, 'finding-2-attachments')

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe('proof.html')
    const saved = await download.path()
    expect(fs.readFileSync(saved!, 'utf8').trimEnd()).toBe(exploit)
    // Still on the report page: no navigation, nothing of the file rendered.
    expect(page.url()).toBe(reportUrl)
    expect(await page.title()).not.toBe('pwned')
    expect(await page.locator('#rendered').count()).toBe(0)

    // Even a direct visit to the file's address downloads it rather than rendering it.
    const href = await link.getAttribute('href')
    const direct = await context.newPage()
    const [second] = await Promise.all([direct.waitForEvent('download'), direct.goto(`${origin()}${href}`).catch(() => null)])
    expect(second.suggestedFilename()).toBe('proof.html')
    expect(await direct.locator('#rendered').count()).toBe(0)
    await context.close()
  }, 90_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
