import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { basePolicy, orgWithPolicy } from '../integration/policy/policy-support.js'
import { browserSuite, screenshotsDir } from '../support/browser.js'

/**
 * Issue 14, item 1, in a real browser with JavaScript off: a reporter picks a proof-of-concept
 * script on the report form of a program that asks for attachments and sends it; the confirmation
 * lists the file, and a responder finds it on the report page and downloads it unchanged.
 */
const programs = `programs:
  - slug: platform
    name: Alkemio platform
    kind: open-source
    inScope: true
    fields:
      - key: poc
        label: Proof of concept, screenshots or packet captures
        type: attachments
`

browserSuite('attachments on the report form in Chromium', ({ app, browser, origin, shot, ctx }) => {
  it('with JavaScript off, a file attached on the form reaches the team, who download it unchanged', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const responder = await t.given.member(org, 'responder', 'Rea Responder')
    const script = '#!/bin/sh\n# proof of concept\ncurl -s "https://app.example.org/api/users?limit=-1"\n'
    const file = path.join(screenshotsDir, `${ctx.dialect}-upload`, 'poc.sh')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, script)

    const reporter = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const form = await reporter.newPage()
    await form.goto(`${origin()}/o/${org.slug}/report?program=platform`)
    await form.locator('[name=title]').fill('Unbounded user listing')
    await form.locator('[name=description]').fill('The users endpoint returns every user for limit=-1.')
    await form.getByLabel('Proof of concept, screenshots or packet captures').setInputFiles(file)
    await shot(form, 'form-attachments-filled')
    await form.getByRole('button', { name: 'Send report privately' }).click()
    await form.waitForURL(new RegExp(`/o/${org.slug}/report/received$`))
    const receipt = (await form.locator('[data-received-files]').textContent()) ?? ''
    expect(receipt).toContain(`poc.sh (${Buffer.byteLength(script)} bytes)`)
    await reporter.close()

    const team = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    const page = await team.newPage()
    await page.goto(`${origin()}/w/${org.slug}/reports`)
    await page.getByLabel('E-mail').fill(responder.email)
    await page.getByLabel('Password').fill(responder.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
    await page.getByRole('link', { name: 'Unbounded user listing' }).click()
    const link = page.getByRole('link', { name: 'poc.sh' })
    await link.waitFor()
    await shot(page, 'form-attachments-team')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe('poc.sh')
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(script)
    await team.close()
  }, 90_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
