/**
 * #10 item 7: presets are templates. An organization founded from a preset publishes its own
 * name, slug, security address and key, and never the preset organization's names, mail domains
 * or URLs; what still needs the admin is listed on the policy page.
 */
import { describe, expect, it } from 'vitest'
import { presetMarkers } from '../../../src/domain/policy/preset-template.js'
import { generateOrgMailKey, setSecurityAddress } from '../../../src/mail/index.js'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { startFromPreset } from '../../../src/policy-admin/use-cases/start-from-preset.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

const presets = ['kumi-systems', 'open-klant', 'healthimis', 'alkemio', 'khulnasoft'] as const

/** The preset organization's strings still in `text`, case-insensitively. */
const leftovers = (preset: string, text: string): string[] => {
  const source = readPreset(preset)?.source ?? ''
  return presetMarkers(source).filter((marker) => text.toLowerCase().includes(marker.toLowerCase()))
}

eachDialect('an organization founded from a preset', (ctx) => {
  const app = useTestApp(ctx)

  describe.each(presets.map((preset, i) => [preset, i] as const))('%s', (preset, i) => {
    it("publishes the organization's own name and address, and nothing of the preset's organization", async () => {
      const t = app()
      const org = await t.given.org({ name: 'Acme Widgets', slug: `acme-${i}` })
      expect((await setSecurityAddress(t.deps, org, { address: `security@acme-${i}.example`, encryptionRequired: false })).ok).toBe(true)
      const started = await startFromPreset(t.deps, org, preset, null)
      expect(started.ok ? [] : started.error).toEqual([])
      const md = (await t.app.inject({ method: 'GET', url: `/o/${org.slug}/SECURITY.md` })).body
      const txt = (await t.app.inject({ method: 'GET', url: `/o/${org.slug}/.well-known/security.txt` })).body
      expect(md).toContain('# Security policy of Acme Widgets')
      expect(txt).toContain(`Contact: mailto:security@acme-${i}.example`)
      expect(leftovers(preset, md)).toEqual([])
      expect(leftovers(preset, txt)).toEqual([])
    })
  })

  it("names the organization's own key in security.txt and SECURITY.md once it has one", async () => {
    const t = app()
    const org = await t.given.org({ name: 'Acme Widgets', slug: 'acme-keyed' })
    await setSecurityAddress(t.deps, org, { address: 'security@acme.example', encryptionRequired: false })
    const key = await generateOrgMailKey(t.deps, org)
    expect(key.ok ? null : key.error).toBeNull()
    expect((await startFromPreset(t.deps, org, 'kumi-systems', null)).ok).toBe(true)
    const txt = (await t.app.inject({ method: 'GET', url: '/o/acme-keyed/.well-known/security.txt' })).body
    expect(txt).toContain('Contact: mailto:security@acme.example')
    expect(txt).toContain('Encryption: http://127.0.0.1:8080/o/acme-keyed/openpgp.asc')
    const md = (await t.app.inject({ method: 'GET', url: '/o/acme-keyed/SECURITY.md' })).body
    expect(md).toContain('E-mail security@acme.example.')
    expect(md).toContain('http://127.0.0.1:8080/o/acme-keyed/openpgp.asc')
    expect(leftovers('kumi-systems', md + txt)).toEqual([])
  })

  it('lists on the policy page what still needs the administrator, and loads a preset into the editor as a template', async () => {
    const t = app()
    const org = await t.given.org({ name: 'Acme Widgets', slug: 'acme-admin' })
    const admin = await t.given.member(org, 'admin')
    expect((await startFromPreset(t.deps, org, 'kumi-systems', null)).ok).toBe(true)
    const b = t.browser()
    await b.signIn(admin)
    const page = await b.get('/w/acme-admin/admin/policy')
    expect(page.body).toContain('Needs your attention')
    expect(page.body).toContain('No security.txt Canonical URL of your own yet')
    expect(page.body).toContain('Contacts to check (no e-mail address yet)')
    const loaded = await b.get('/w/acme-admin/admin/policy?preset=open-klant')
    expect(loaded.body).toContain('name: Acme Widgets')
    expect(loaded.body).not.toContain('maykinmedia')
  })
})
