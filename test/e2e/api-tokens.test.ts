import { expect, it } from 'vitest'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 13, item 6 in a real browser: a responder finds "API tokens" in the workspace, creates a
 * token and sees it once; the test (not the browser) uses it against the JSON API; the responder
 * revokes it on the page, and the next use is refused. The administrator then finds both the
 * read and the token's use in the audit log.
 */
browserSuite('API tokens in Chromium', ({ app, browser, origin, shot }) => {
  it('a responder creates a token, sees it once, uses it from a script, revokes it, and the next use is refused', async () => {
    const t = app()
    const org = await t.given.org({ slug: `tok-${Math.random().toString(36).slice(2, 8)}` })
    const responder = await t.given.member(org, 'responder', 'Tess Token')
    const admin = await t.given.member(org, 'admin', 'Ada Audit')
    const report = await t.given.report(org, { title: 'SSRF in the webhook tester' })

    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${origin()}/w/${org.slug}/reports`)
    await page.getByLabel('E-mail').fill(responder.email)
    await page.getByLabel('Password').fill(responder.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
    await page.getByRole('link', { name: 'API tokens' }).click()
    await page.getByLabel('Name').fill('ticket sync')
    await page.getByLabel('Work (read, change status, reply)').check()
    await page.getByRole('button', { name: 'Create token' }).click()
    await page.getByText('Your new API token (shown only once)').waitFor()
    const secret = (await page.locator('.secret-box__value code').textContent())?.trim() ?? ''
    expect(secret).toMatch(/^emb_[A-Za-z0-9_-]{43}$/)
    await shot(page, 'api-tokens-01-created')

    // Shown once: the page opened again lists the token, not its secret.
    await page.goto(`${origin()}/w/${org.slug}/tokens`)
    await page.getByRole('cell', { name: 'ticket sync' }).waitFor()
    expect(await page.content()).not.toContain(secret)

    // A script uses it (fetch from the test, not the browser).
    const api = (path: string) => fetch(`${origin()}${path}`, { headers: { authorization: `Bearer ${secret}` } })
    const queue = await api(`/api/v1/orgs/${org.slug}/reports`)
    expect(queue.status).toBe(200)
    expect(((await queue.json()) as { reports: { ref: string }[] }).reports.map((r) => r.ref)).toContain(report.ref)
    const one = await api(`/api/v1/orgs/${org.slug}/reports/${report.ref}`)
    expect(((await one.json()) as { title: string }).title).toBe('SSRF in the webhook tester')

    await page.reload()
    expect(await page.getByText('Never').count()).toBe(0) // "Last used" now has a time
    await page.getByRole('button', { name: 'Revoke ticket sync' }).click()
    await page.getByRole('cell', { name: 'Revoked' }).waitFor()
    await shot(page, 'api-tokens-02-revoked')
    expect((await api(`/api/v1/orgs/${org.slug}/reports`)).status).toBe(401)

    // The administrator sees the read through the API in the audit log, linked from the navigation.
    const adminContext = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const adminPage = await adminContext.newPage()
    await adminPage.goto(`${origin()}/w/${org.slug}/reports`)
    await adminPage.getByLabel('E-mail').fill(admin.email)
    await adminPage.getByLabel('Password').fill(admin.password)
    await adminPage.getByRole('button', { name: 'Sign in' }).click()
    await adminPage.waitForURL(new RegExp(`/w/${org.slug}/reports$`))
    await adminPage.getByRole('link', { name: 'Audit log' }).click()
    await adminPage.getByText('Read the report through the API').waitFor()
    await adminPage.getByText('Revoked an API token').waitFor()
    await shot(adminPage, 'api-tokens-03-audit-log')
    await context.close()
    await adminContext.close()
  }, 90_000) // a browser on a shared 2-core machine: generous, so load does not fail it
})
