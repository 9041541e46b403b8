import { expect, it } from 'vitest'
import { importPolicy } from '../../src/policy-admin/use-cases/import-policy.js'
import { browserSuite } from '../support/browser.js'

const policy = (ack: string) =>
  [
    'version: 1',
    'organization: { name: Acme Widgets, slug: acme-editor }',
    'channels: { webForm: { enabled: true } }',
    'calendar: { timeZone: Europe/Vienna }',
    'clocks:',
    `  acknowledge: ${ack}`,
    '',
  ].join('\n')

/** #10 item 8: the policy editor walked as an administrator on a laptop screen. */
browserSuite('the policy editor in Chromium', ({ app, browser, origin, shot }) => {
  it('shows line numbers, points an error to its line, opens an old version, diffs two versions and links the docs', async () => {
    const t = app()
    const org = await t.given.org({ name: 'Acme Widgets', slug: 'acme-editor' })
    for (const ack of ['3 business days', '2 business days'])
      expect((await importPolicy(t.deps, org, policy(ack), 'policy.yaml', null)).ok).toBe(true)
    const admin = await t.given.member(org, 'admin')
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    page.setDefaultTimeout(20_000)
    await page.goto(`${origin()}/login`)
    await page.getByLabel('E-mail').fill(admin.email)
    await page.getByLabel('Password').fill(admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname !== '/login')

    await page.goto(`${origin()}/w/acme-editor/admin/policy`)
    const box = page.locator('textarea#policy-source')
    // Monospace, with a gutter of line numbers, and as wide as the laptop screen allows.
    expect(await box.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i)
    await expect.poll(() => page.locator('.policy-gutter a#L6').textContent()).toContain('6')
    const width = (await box.boundingBox())?.width ?? 0
    expect(width).toBeGreaterThan(900)

    // A typo on line 6 is reported with its line, linked to the gutter.
    await box.fill(policy('2 bussiness days'))
    await page.getByRole('button', { name: 'Show the changes' }).click()
    const problem = page.locator('.policy-problems li').first()
    await expect.poll(() => problem.textContent()).toContain('policy.yaml:6 clocks.acknowledge')
    await problem.getByRole('link', { name: 'Line 6:' }).click()
    expect(new URL(page.url()).hash).toBe('#L6')
    expect((await page.locator('textarea#policy-source').boundingBox())?.width ?? 0).toBeGreaterThan(900)
    await shot(page, 'policy-editor-error')

    // An old version, read-only with its line numbers.
    await page.getByRole('link', { name: /^Version 1 / }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Policy version 1')
    expect(await page.locator('.policy-editor__text--read').textContent()).toContain('acknowledge: 3 business days')

    // Any two versions compared.
    await page.getByLabel('Compare version').selectOption('1')
    await page.getByLabel('with version').selectOption('2')
    await page.getByRole('button', { name: 'Show the differences' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Policy version 1 compared with version 2')
    expect(await page.locator('.diff-remove').first().textContent()).toContain('acknowledge: 3 business days')
    expect(await page.locator('.diff-add').first().textContent()).toContain('acknowledge: 2 business days')
    await shot(page, 'policy-diff')

    // The documentation the editor links to is served by this instance.
    await page.getByRole('link', { name: 'Back to the policy editor' }).click()
    await page.getByRole('link', { name: 'Policy file documentation' }).click()
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Policy files')
    expect(await page.locator('table').count()).toBeGreaterThan(1)
    expect(await page.content()).toContain('disclosure.releaseWindows.partnerNotice')
    await context.close()
  }, 120_000)
})
