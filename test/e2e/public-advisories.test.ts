import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { identity } from '../../src/auth/index.js'
import { publicationFeature } from '../../src/disclosure/index.js'
import { buildServer } from '../../src/http/server.js'
import { intakeRoutes } from '../../src/intake/index.js'
import { AdvisoryShelf } from '../integration/publication/publication-support.js'
import { npmXss, vendorQualitative, withdrawn, withNotAffected } from '../support/advisories.js'
import { browserSuite } from '../support/browser.js'

/**
 * A visitor with JavaScript off walks from the organization's public page to its advisories and
 * one advisory: the pages hold no script and the browser asks no other origin for anything.
 */
browserSuite('public advisories in Chromium, JavaScript off', ({ app, browser, shot }) => {
  const shelf = new AdvisoryShelf()
  let server: FastifyInstance | undefined
  let origin = ''
  beforeAll(async () => {
    server = await buildServer(app().deps, { identity, features: [intakeRoutes, publicationFeature(() => shelf)] })
    origin = await server.listen({ host: '127.0.0.1', port: 0 })
  })
  afterAll(async () => server?.close())

  it('the advisory list and an advisory page render without script and without any third-party request', async () => {
    const org = await app().given.org({ name: 'Open Klant' })
    shelf.put(org.id, npmXss, vendorQualitative, withNotAffected, withdrawn)
    const context = await browser().newContext({ javaScriptEnabled: false })
    const requests: string[] = []
    context.on('request', (request) => requests.push(request.url()))
    const page = await context.newPage()

    await page.goto(`${origin}/o/${org.slug}`)
    await page.getByRole('link', { name: 'Published security advisories' }).click()
    await page.getByRole('heading', { name: 'Security advisories of Open Klant' }).waitFor()
    expect(await page.locator('script').count()).toBe(0)
    expect(await page.getByRole('row').count()).toBe(5) // the header and four advisories
    await expect(page.getByText('Withdrawn:').count()).resolves.toBe(1)
    await shot(page, 'public-advisories-list')

    await page.getByRole('link', { name: 'OKLANT-2026-0003' }).click()
    await page.getByRole('heading', { name: 'Stored XSS in the klant-forms date picker' }).waitFor()
    expect(await page.locator('script').count()).toBe(0)
    expect(await page.locator('strong', { hasText: 'klant-forms' }).count()).toBe(1)
    await expect(page.getByText('Ada Reporter (Reporter)').count()).resolves.toBe(1)
    await shot(page, 'public-advisory-page')

    expect(requests.length).toBeGreaterThan(2)
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([])
    await context.close()
  }, 120_000) // Chromium on a shared two-core machine: the walk alone can take half a minute
})
