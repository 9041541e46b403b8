import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import * as openpgp from 'openpgp'
import { expect, it } from 'vitest'
import type { Advisory } from '../../../src/domain/advisory/advisory.js'
import { generateOrgMailKey, setSecurityAddress } from '../../../src/mail/index.js'
import { findOrgMail } from '../../../src/storage/repositories/mail-repository.js'
import { npmXss, vendorQualitative, withdrawn, withNotAffected } from '../../support/advisories.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { asPublishedCveRecord, csafSchema, csafValidator, cveValidator, osvValidator } from '../../support/export-schemas.js'
import { AdvisoryShelf, usePublicationServer } from './publication-support.js'

const draft: Advisory = {
  ...npmXss,
  id: '01950000-0000-7000-8000-0000000000d1',
  identifiers: { own: 'OKLANT-2026-0099' },
  state: 'draft',
  title: 'EMBARGOED-DRAFT unfixed RCE in klant-core',
  publishedAt: undefined,
}
const scheduled: Advisory = {
  ...draft,
  id: '01950000-0000-7000-8000-0000000000d2',
  identifiers: { own: 'OKLANT-2026-0098' },
  state: 'scheduled',
  title: 'EMBARGOED-SCHEDULED auth bypass',
  scheduledFor: '2026-01-01T00:00:00.000Z',
  // A record that claims a publication date while its state is not published is still not public.
  publishedAt: '2026-01-01T00:00:00.000Z',
}
const hostile: Advisory = {
  ...vendorQualitative,
  id: '01950000-0000-7000-8000-0000000000e1',
  identifiers: { own: 'OKLANT-2026-0007' },
  title: 'Title <script>alert(1)</script>',
  description: 'Look: <img src=x onerror=alert(2)> and [link](javascript:alert(3)) and **bold**',
  references: [{ kind: 'web', url: 'javascript:alert(4)' }],
}

eachDialect('public advisories', (ctx) => {
  const app = useTestApp(ctx)
  const shelf = new AdvisoryShelf()
  const server = usePublicationServer(app, shelf)
  const get = (url: string) => server().inject({ method: 'GET', url })

  const orgWithAdvisories = async (opts: { key: boolean }) => {
    const t = app()
    t.clock.current = new Date() // a generated key must be valid "now"
    const org = await t.given.org({ name: 'Open Klant' })
    if (opts.key) {
      expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })).ok).toBe(true)
      expect((await generateOrgMailKey(t.deps, org)).ok).toBe(true)
    }
    shelf.put(org.id, npmXss, vendorQualitative, withNotAffected, withdrawn, draft, scheduled)
    return org
  }

  it('the list shows published and withdrawn advisories, newest change first, and links the feeds', async () => {
    const org = await orgWithAdvisories({ key: false })
    const res = await get(`/o/${org.slug}/advisories`)
    expect(res.statusCode).toBe(200)
    const ids = [...res.body.matchAll(/advisories\/(OKLANT-2026-\d{4})"/g)].map((m) => m[1])
    expect(ids).toEqual(['OKLANT-2026-0006', 'OKLANT-2026-0005', 'OKLANT-2026-0003', 'OKLANT-2026-0004'])
    expect(res.body).toContain('Withdrawn: </strong>Denial of service in klant-forms upload')
    expect(res.body).toContain(`href="/o/${org.slug}/advisories.atom"`)
    expect(res.body).toContain(`href="/o/${org.slug}/.well-known/csaf/provider-metadata.json"`)
    expect(res.body).not.toMatch(/<script/i)
  })

  it('a draft or a scheduled advisory in the source is never reachable, by any URL', async () => {
    const org = await orgWithAdvisories({ key: true })
    const everything = [
      `/o/${org.slug}/advisories`,
      `/o/${org.slug}/advisories.atom`,
      `/o/${org.slug}/.well-known/csaf/provider-metadata.json`,
      `/o/${org.slug}/.well-known/csaf/white/index.txt`,
      `/o/${org.slug}/.well-known/csaf/white/changes.csv`,
      `/o/${org.slug}/.well-known/csaf/white/csaf-feed-tlp-white.json`,
    ]
    for (const url of everything) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).not.toContain('EMBARGOED')
      expect(res.body, url).not.toMatch(/oklant-2026-009[89]/i)
    }
    for (const own of ['OKLANT-2026-0099', 'OKLANT-2026-0098']) {
      for (const url of [
        `/o/${org.slug}/advisories/${own}`,
        `/o/${org.slug}/advisories/${own}.osv.json`,
        `/o/${org.slug}/advisories/${own}.cve.json`,
        `/o/${org.slug}/.well-known/csaf/white/2026/${own.toLowerCase()}.json`,
        `/o/${org.slug}/.well-known/csaf/white/2026/${own.toLowerCase()}.json.sha256`,
        `/o/${org.slug}/.well-known/csaf/white/2026/${own.toLowerCase()}.json.asc`,
      ]) {
        const res = await get(url)
        expect(res.statusCode, url).toBe(404)
        expect(res.body, url).not.toContain('EMBARGOED')
      }
    }
  })

  it('another organization does not see these advisories', async () => {
    await orgWithAdvisories({ key: false })
    const other = await app().given.org({ name: 'Other' })
    expect((await get(`/o/${other.slug}/advisories/OKLANT-2026-0003`)).statusCode).toBe(404)
    expect((await get(`/o/${other.slug}/advisories`)).body).not.toContain('OKLANT-2026-0003')
    expect((await get('/o/no-such-org/advisories')).statusCode).toBe(404)
  })

  it('an advisory page renders the team text through Markdown, without script, with its exports linked', async () => {
    const org = await orgWithAdvisories({ key: false })
    shelf.put(org.id, hostile)
    const res = await get(`/o/${org.slug}/advisories/OKLANT-2026-0003`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<strong>klant-forms</strong>')
    expect(res.body).toContain('CVE-2026-12345')
    expect(res.body).toContain('Ada Reporter (Reporter)')
    expect(res.body).toContain('>= 2.0.0, &lt; 2.4.1')
    expect(res.body).toContain(`href="/o/${org.slug}/advisories/OKLANT-2026-0003.osv.json"`)
    expect(res.body).toContain(`href="/o/${org.slug}/.well-known/csaf/white/2026/oklant-2026-0003.json"`)
    const bad = await get(`/o/${org.slug}/advisories/OKLANT-2026-0007`)
    expect(bad.statusCode).toBe(200)
    expect(bad.body).not.toMatch(/<script|<img|href="javascript:/i)
    expect(bad.body).toContain('Title &lt;script>alert(1)&lt;/script>')
    expect(bad.body).toContain('<strong>bold</strong>')
  })

  it('a withdrawn advisory stays reachable and says it was withdrawn, and why', async () => {
    const org = await orgWithAdvisories({ key: false })
    const res = await get(`/o/${org.slug}/advisories/OKLANT-2026-0006`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('This advisory was withdrawn on 2026-03-20.')
    expect(res.body).toContain('Not reproducible')
  })

  it.skipIf(!csafSchema.present)('the OSV and CVE JSON of each advisory are at stable URLs and valid', async () => {
    const org = await orgWithAdvisories({ key: false })
    const osv = osvValidator()
    const cve = cveValidator()
    for (const a of [npmXss, vendorQualitative, withNotAffected, withdrawn]) {
      const o = await get(`/o/${org.slug}/advisories/${a.identifiers.own}.osv.json`)
      expect(o.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(osv(o.json())).toBe(true)
      const c = await get(`/o/${org.slug}/advisories/${a.identifiers.own}.cve.json`)
      expect(cve(asPublishedCveRecord(c.json(), a.identifiers.cve ?? 'CVE-2026-99999'))).toBe(true)
    }
  })

  it('the Atom feed lists every public advisory with its links, XML-escaped', async () => {
    const org = await orgWithAdvisories({ key: false })
    shelf.put(org.id, hostile)
    const res = await get(`/o/${org.slug}/advisories.atom`)
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/)
    expect(res.body.match(/<entry>/g)).toHaveLength(5)
    expect(res.body).toContain('<title>[Withdrawn] Denial of service in klant-forms upload</title>')
    expect(res.body).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(res.body).toContain(`href="http://127.0.0.1:8080/o/${org.slug}/advisories/OKLANT-2026-0003.osv.json"`)
  })

  it.skipIf(!csafSchema.present)(
    'a CSAF aggregator finds signed, hashed documents through provider-metadata.json, index.txt, changes.csv and the ROLIE feed',
    async () => {
      const org = await orgWithAdvisories({ key: true })
      const base = `/o/${org.slug}/.well-known/csaf`
      const meta = (await get(`${base}/provider-metadata.json`)).json()
      expect(providerValidator()(meta)).toBe(true)
      expect(meta).toMatchObject({ role: 'csaf_trusted_provider', canonical_url: `http://127.0.0.1:8080${base}/provider-metadata.json` })
      const settings = await findOrgMail(app().deps.db, org.id)
      expect(meta.public_openpgp_keys).toEqual([
        { fingerprint: settings!.fingerprint, url: `http://127.0.0.1:8080/o/${org.slug}/openpgp.asc` },
      ])

      const index = (await get(`${base}/white/index.txt`)).body
      expect(index.trim().split('\n').sort()).toEqual([
        '2026/oklant-2026-0003.json',
        '2026/oklant-2026-0004.json',
        '2026/oklant-2026-0005.json',
        '2026/oklant-2026-0006.json',
      ])
      const changes = (await get(`${base}/white/changes.csv`)).body
      expect(changes.split('\n')[0]).toBe('"2026/oklant-2026-0006.json","2026-03-20T10:00:00.000Z"')

      const feed = (await get(`${base}/white/csaf-feed-tlp-white.json`)).json()
      expect(feed.feed.entry).toHaveLength(4)
      const validate = csafValidator()
      const publicKey = await openpgp.readKey({ armoredKey: settings!.publicKey! })
      for (const entry of feed.feed.entry as { link: { rel: string; href: string }[] }[]) {
        const url = (rel: string, suffix = '') => new URL(entry.link.find((l) => l.rel === rel && l.href.endsWith(suffix))!.href).pathname
        const doc = await get(url('self'))
        expect(doc.statusCode).toBe(200)
        expect(validate(doc.json())).toBe(true)
        const name = path.basename(url('self'))
        const sha256 = (await get(url('hash', '.sha256'))).body
        expect(sha256).toBe(`${crypto.createHash('sha256').update(doc.body).digest('hex')}  ${name}\n`)
        const sha512 = (await get(url('hash', '.sha512'))).body
        expect(sha512).toBe(`${crypto.createHash('sha512').update(doc.body).digest('hex')}  ${name}\n`)
        const asc = await get(url('signature'))
        expect(asc.headers['content-type']).toBe('application/pgp-signature')
        const verified = await openpgp.verify({
          message: await openpgp.createMessage({ binary: new TextEncoder().encode(doc.body) }),
          signature: await openpgp.readSignature({ armoredSignature: asc.body }),
          verificationKeys: publicKey,
          expectSigned: true,
        })
        await expect(verified.signatures[0]!.verified).resolves.toBe(true)
      }
    },
  )

  it('without an organization key the layout is a plain CSAF provider, with no signature files', async () => {
    const org = await orgWithAdvisories({ key: false })
    const base = `/o/${org.slug}/.well-known/csaf`
    const meta = (await get(`${base}/provider-metadata.json`)).json()
    expect(meta.role).toBe('csaf_provider')
    expect(meta.public_openpgp_keys).toBeUndefined()
    expect((await get(`${base}/white/2026/oklant-2026-0003.json.asc`)).statusCode).toBe(404)
    expect((await get(`${base}/white/2026/oklant-2026-0003.json`)).statusCode).toBe(200)
  })
})

function providerValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false })
  formats.default(ajv)
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(csafSchema.dir, '..', file), 'utf8'))
  // provider-metadata refers to the CSAF schema's publisher definition by its $id.
  for (const v of ['2.0', '3.0', '3.1']) {
    const {
      $schema: _s,
      id: _id,
      $id: _$id,
      ...schema
    } = JSON.parse(fs.readFileSync(path.join(csafSchema.dir, '../../referenced_schema/first', `cvss-v${v}.json`), 'utf8'))
    ajv.addSchema(schema, `https://www.first.org/cvss/cvss-v${v}.json`)
  }
  const { $schema: _c, ...csaf } = read('csaf_json_schema.json')
  ajv.addSchema(csaf)
  const { $schema: _p, ...provider } = read('provider_json_schema.json')
  return ajv.compile(provider)
}
