/** security.txt cleartext-signed with the organization's own OpenPGP key (RFC 9116 §2.3). */
import * as openpgp from 'openpgp'
import { expect, it } from 'vitest'
import { generateOrgMailKey, setSecurityAddress } from '../../../src/mail/index.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { checkSecurityTxt, unsign } from '../../unit/policy/security-txt-grammar.js'
import { orgWithPreset } from './policy-support.js'

eachDialect('signed security.txt', (ctx) => {
  const app = useTestApp(ctx)

  const withKey = async (preset: string): Promise<{ org: OrganizationRow; publicKey: string }> => {
    const t = app()
    t.clock.current = new Date() // the key is made now and must be valid "now"
    const org = await orgWithPreset(t, preset)
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })).ok).toBe(true)
    expect((await generateOrgMailKey(t.deps, org)).ok).toBe(true)
    const row = await t.deps.db.selectFrom('org_mail').select('public_key').where('org_id', '=', org.id).executeTakeFirstOrThrow()
    return { org, publicKey: row.public_key! }
  }

  const verified = async (body: string, publicKey: string): Promise<string> => {
    const message = await openpgp.readCleartextMessage({ cleartextMessage: body })
    const result = await openpgp.verify({ message, verificationKeys: await openpgp.readKey({ armoredKey: publicKey }), expectSigned: true })
    await result.signatures[0]!.verified // throws when the signature does not verify
    return String(result.data)
  }

  it('signs it with the org key and names /o/<org>/openpgp.asc as Encryption, on every security.txt route', async () => {
    const t = app()
    const { org, publicKey } = await withKey('alkemio')
    const keyUrl = `http://127.0.0.1:8080/o/${org.slug}/openpgp.asc`
    const res = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/.well-known/security.txt` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(res.body).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----\r?\nHash: SHA(256|512)\r?\n/)
    const text = await verified(res.body, publicKey)
    expect(text).toContain(`Encryption: ${keyUrl}`)
    const grammar = checkSecurityTxt(unsign(res.body), { now: t.deps.now().toISOString() })
    expect(grammar.errors).toEqual([])
    expect(unsign(res.body).trim()).toBe(text.trim())

    const alias = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/security.txt` })
    expect(await verified(alias.body, publicKey)).toContain(`Encryption: ${keyUrl}`)
    // The served key is the one that verifies.
    const served = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/openpgp.asc` })
    expect(await verified(res.body, served.body)).toBe(text)
    // A tampered text does not verify.
    await expect(verified(res.body.replace('Expires:', 'Expires: '), publicKey)).rejects.toThrow()
  })

  it('keeps the key URL the policy names, still signing; and serves the cached signature until the day changes', async () => {
    const t = app()
    const { org, publicKey } = await withKey('kumi-systems')
    const url = `/o/${org.slug}/.well-known/security.txt`
    const cold = performance.now()
    const first = await t.app.inject({ method: 'GET', url })
    const coldMs = performance.now() - cold
    const text = await verified(first.body, publicKey)
    expect(text).toContain('Encryption: https://github.com/kumisystems/security-policy/raw/main/security-key.gpg')
    expect(text).not.toContain('openpgp.asc')
    expect(checkSecurityTxt(unsign(first.body), { now: t.deps.now().toISOString() }).errors).toEqual([])

    const started = performance.now()
    const again = await t.app.inject({ method: 'GET', url })
    const cachedMs = performance.now() - started
    expect(again.body).toBe(first.body) // same signature bytes: from the cache
    t.clock.advance(86_400_000)
    const warm = performance.now()
    const nextDay = await t.app.inject({ method: 'GET', url })
    const warmMs = performance.now() - warm
    expect(nextDay.body).not.toBe(first.body)
    expect(await verified(nextDay.body, publicKey)).toContain('Encryption: https://github.com/kumisystems/')
    console.info(
      `security.txt: first request (unlock key + sign) ${coldMs.toFixed(1)} ms, new day (sign) ${warmMs.toFixed(1)} ms, cached ${cachedMs.toFixed(1)} ms`,
    )
  })

  it('serves it unsigned, as before, when the organization has no key', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })
    const res = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/.well-known/security.txt` })
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('BEGIN PGP')
    expect(res.body).not.toContain('openpgp.asc')
    expect(checkSecurityTxt(res.body, { now: t.deps.now().toISOString() }).errors).toEqual([])
  })
})
