/**
 * Issue 11: once an organization publishes advisories, its security.txt names its CSAF provider
 * (`CSAF:` with the absolute URL of provider-metadata.json, CSAF 2.0 §7.1.8 requirement 8), and
 * the text signed with the organization's key still verifies and follows RFC 9116's grammar.
 */
import * as openpgp from 'openpgp'
import { expect, it } from 'vitest'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import { generateOrgMailKey, setSecurityAddress } from '../../../src/mail/index.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { checkSecurityTxt, unsign } from '../../unit/policy/security-txt-grammar.js'
import { draftFor, fixedReport, orgWithAdvisories, viewerOf } from './disclosure-support.js'

eachDialect('security.txt names the CSAF provider', (ctx) => {
  const app = useTestApp(ctx)

  it('no CSAF field before the first advisory; after it, a signed security.txt with the provider-metadata.json URL that verifies', async () => {
    const t = app()
    t.clock.current = new Date() // the key is made now and must be valid "now"
    const org = await orgWithAdvisories(t, '')
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })).ok).toBe(true)
    expect((await generateOrgMailKey(t.deps, org)).ok).toBe(true)
    const row = await t.deps.db.selectFrom('org_mail').select('public_key').where('org_id', '=', org.id).executeTakeFirstOrThrow()
    const verificationKeys = await openpgp.readKey({ armoredKey: row.public_key! })
    const verified = async (body: string) => {
      const message = await openpgp.readCleartextMessage({ cleartextMessage: body })
      const result = await openpgp.verify({ message, verificationKeys, expectSigned: true })
      await result.signatures[0]!.verified
      return String(result.data)
    }
    const url = `/o/${org.slug}/.well-known/security.txt`

    const before = await t.app.inject({ method: 'GET', url })
    expect(await verified(before.body)).not.toContain('CSAF:')

    const alice = await t.given.member(org, 'responder')
    const { ref } = await fixedReport(t, org, alice)
    const ownId = await draftFor(t, org, ref, alice)
    expect((await publishAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)

    const after = await t.app.inject({ method: 'GET', url })
    expect(after.statusCode).toBe(200)
    const text = await verified(after.body)
    const providerUrl = `http://127.0.0.1:8080/o/${org.slug}/.well-known/csaf/provider-metadata.json`
    expect(text.split(/\r?\n/)).toContain(`CSAF: ${providerUrl}`)
    expect(checkSecurityTxt(unsign(after.body), { now: t.deps.now().toISOString() }).errors).toEqual([])
    // The field names the provider metadata this instance serves.
    const metadata = await t.app.inject({ method: 'GET', url: new URL(providerUrl).pathname })
    expect(metadata.statusCode).toBe(200)
    expect(JSON.parse(metadata.body)).toMatchObject({ canonical_url: providerUrl })
  })
})
