import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { translator } from '../../../src/i18n/messages.js'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

/**
 * Issue 14 item 9: a page speaks the visitor's language among the organization's — the browser's
 * `Accept-Language` among the policy's `organization.languages`, or the visitor's own choice from the
 * footer's links — and English where nothing says more.
 */
eachDialect('the language of a page', (ctx) => {
  const app = useTestApp(ctx)

  /** An organization whose policy (the Kumi Systems preset) names English and German. */
  async function germanAndEnglish(slug: string) {
    const t = app()
    const org = await t.given.org({ slug, name: 'Kumi Systems' })
    const preset = readPreset('kumi-systems')
    if (!preset) throw new Error('the Kumi Systems preset is missing')
    const imported = await importPolicy(t.deps, org, preset.source, preset.fileName, null)
    if (!imported.ok) throw new Error(JSON.stringify(imported.error))
    return { t, org }
  }
  const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1]
  const languageLinks = (html: string) => [...html.matchAll(/href="\/language\/([a-z]+)(\?to=[^"]*)?"/g)].map((m) => m[1])

  it("answers in the browser's language when the organization offers it, and offers only the organization's languages", async () => {
    const { t, org } = await germanAndEnglish('kumi-offers')
    const browser = t.browser()
    const german = await browser.get(`/o/${org.slug}`, { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' })
    expect(langOf(german.body)).toBe('de')
    expect(german.body).toContain(translator('de')('layout.skipToContent'))
    expect(languageLinks(german.body)).toEqual(['en', 'de'])
    // Dutch is not a language of this organization: its first language (English) instead.
    expect(langOf((await browser.get(`/o/${org.slug}`, { 'accept-language': 'nl' })).body)).toBe('en')
    // A browser that says nothing: the policy's first language.
    expect(langOf((await browser.get(`/o/${org.slug}`)).body)).toBe('en')
  })

  it('offers every language of ours where no organization restricts them', async () => {
    const t = app()
    const page = await t.browser().get('/login', { 'accept-language': 'nl-NL,nl;q=0.9' })
    expect(langOf(page.body)).toBe('nl')
    expect(languageLinks(page.body)).toEqual(['en', 'nl', 'de'])
  })

  it("keeps the visitor's own choice, made with a plain link, and comes back to the same page", async () => {
    const { t, org } = await germanAndEnglish('kumi-choice')
    const browser = t.browser()
    const english = await browser.get(`/o/${org.slug}/policy`, { 'accept-language': 'en' })
    const link = /href="(\/language\/de\?to=[^"]+)"/.exec(english.body)?.[1]?.replaceAll('&amp;', '&')
    expect(link).toBe(`/language/de?to=${encodeURIComponent(`/o/${org.slug}/policy`)}`)
    const chosen = await browser.get(link!)
    expect(chosen.statusCode).toBe(303)
    expect(chosen.headers.location).toBe(`/o/${org.slug}/policy`)
    // The choice outweighs the browser from now on.
    expect(langOf((await browser.get(`/o/${org.slug}/policy`, { 'accept-language': 'en' })).body)).toBe('de')
  })

  it('never sends a language link to another site, and ignores a language we do not have', async () => {
    const t = app()
    const browser = t.browser()
    for (const to of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const answer = await browser.get(`/language/de?to=${encodeURIComponent(to)}`)
      expect(answer.statusCode).toBe(303)
      expect(answer.headers.location).toBe('/')
    }
    const unknown = await t.browser().get('/language/xx?to=/login')
    expect(unknown.statusCode).toBe(303)
    expect(unknown.headers['set-cookie']).toBeUndefined()
  })

  it("shows error pages in the visitor's language without repeating the address asked for", async () => {
    const t = app()
    const missing = await t.browser().get('/o/no-such-organization-x7', { 'accept-language': 'de' })
    expect(missing.statusCode).toBe(404)
    expect(langOf(missing.body)).toBe('de')
    expect(missing.body).toContain(translator('de')('problem.NOT_FOUND'))
    expect(missing.body).not.toContain('no-such-organization-x7')
  })

  it("never repeats a secret address (an invitation's link) in the language links", async () => {
    const t = app()
    const org = await t.given.org()
    const admin = t.browser()
    await admin.signIn(await t.given.member(org, 'admin'))
    await admin.submit(`/w/${org.slug}/admin/members`, `/w/${org.slug}/admin/members`, { email: 'newcomer@example.org', role: 'viewer' })
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).execute()
    const cipher = cipherFor(t.deps, org)
    const link = rows
      .map((r) => JSON.parse(cipher.decrypt(r.payload_enc, `outbox.payload|${r.id}`)) as { link?: string })
      .find((m) => m.link?.includes('/invite/'))?.link
    const path = new URL(link!).pathname
    const page = await t.browser().get(path, { 'accept-language': 'de' })
    expect(page.statusCode).toBe(200)
    expect(langOf(page.body)).toBe('de')
    // The links still switch the language (to the start page), but the secret stays in the address bar only.
    expect(languageLinks(page.body)).toEqual(['en', 'nl', 'de'])
    expect(page.body).not.toContain(encodeURIComponent(path))
    expect(page.body).not.toContain(`to=${path}`)
  })
})
