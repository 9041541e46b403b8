import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ContentInput, checkContent, purlOf } from '../../../src/domain/advisory/content.js'
import { loadCweCatalogue } from '../../../src/domain/advisory/cwe.js'
import { osvEcosystems } from '../../../src/domain/advisory/ecosystems.js'
import { scoreCvss31, scoreCvss40 } from '../../../src/domain/severity/cvss-score.js'
import { standard } from '../../support/standards.js'

const input = (over: Partial<ContentInput> = {}): ContentInput => ({
  title: 'Title',
  summary: '',
  description: '',
  workarounds: '',
  affected: [],
  cwes: '',
  cvss31: '',
  cvss40: '',
  qualitative: '',
  references: [],
  credits: [],
  cve: '',
  ...over,
})
const row = (over: Record<string, string>) => ({
  kind: 'package',
  ecosystem: 'npm',
  name: 'left-pad',
  vendor: '',
  product: '',
  introduced: '',
  fixed: '',
  lastAffected: '',
  status: 'affected',
  ...over,
})

describe('advisory content', () => {
  it('accepts CVE-YYYY-NNNN+ ids in any case and refuses anything else', () => {
    expect(checkContent(input({ cve: 'cve-2026-0001' }))).toMatchObject({ ok: true, value: { cve: 'CVE-2026-0001' } })
    expect(checkContent(input({ cve: 'CVE-2026-1234567' })).ok).toBe(true)
    for (const bad of ['CVE-2026-1', 'CVE-26-1234', 'GHSA-xxxx', 'CVE-2026-1234 x', 'CVE-2026-12a4'])
      expect(checkContent(input({ cve: bad })).ok, bad).toBe(false)
  })

  it('merges rows of the same package into one product with several ranges, with its purl', () => {
    const checked = checkContent(input({ affected: [row({ fixed: '1.2.3' }), row({ introduced: '2.0.0', fixed: '2.0.4' })] }))
    expect(checked).toMatchObject({
      ok: true,
      value: {
        affected: [
          {
            kind: 'package',
            purl: 'pkg:npm/left-pad',
            ranges: [
              { introduced: '0', fixed: '1.2.3' },
              { introduced: '2.0.0', fixed: '2.0.4' },
            ],
          },
        ],
      },
    })
  })

  it('checks semver only where the ecosystem uses it', () => {
    expect(checkContent(input({ affected: [row({ fixed: 'next' })] })).ok).toBe(false)
    expect(checkContent(input({ affected: [row({ ecosystem: 'PyPI', name: 'django', fixed: '4.2rc1' })] })).ok).toBe(true)
    expect(checkContent(input({ affected: [row({ ecosystem: 'Go', name: 'github.com/acme/x', fixed: 'v1.2.3' })] })).ok).toBe(true)
  })

  it('builds purls for namespaced packages', () => {
    expect(purlOf('Maven', 'org.apache.logging.log4j:log4j-core')).toBe('pkg:maven/org.apache.logging.log4j/log4j-core')
    expect(purlOf('Go', 'github.com/acme/x')).toBe('pkg:golang/github.com/acme/x')
    expect(purlOf('Debian', 'openssl')).toBeUndefined()
  })

  it('refuses links that are not http(s) and malformed CWE ids', () => {
    expect(checkContent(input({ references: [{ kind: 'web', url: 'javascript:alert(1)' }] })).ok).toBe(false)
    expect(checkContent(input({ cwes: 'CWE-79, cwe-89' }))).toMatchObject({ ok: true, value: { cwes: ['CWE-79', 'CWE-89'] } })
    expect(checkContent(input({ cwes: 'CWE-0' })).ok).toBe(false)
  })

  const osv = standard('osv')
  it.skipIf(!osv.present)(`the ecosystem list is the official OSV list ${osv.reason}`, () => {
    const official = Object.keys(JSON.parse(fs.readFileSync(path.join(osv.dir, 'ecosystems.json'), 'utf8')) as object)
    expect([...osvEcosystems].sort()).toEqual(official.sort())
  })
})

describe('advisory severity and weaknesses, as the policy and the CWE list allow', () => {
  const scored = {
    canonicalVector: (version: '3.1' | '4.0', vector: string) => {
      const result = version === '3.1' ? scoreCvss31(vector) : scoreCvss40(vector)
      return result.ok ? result.value.vector : undefined
    },
  }

  it('a vector the scoring library cannot score completely is refused; a good one is kept in canonical form', async () => {
    expect(checkContent(input({ cvss31: 'CVSS:3.1/AV:N/AC:L' }), scored).ok).toBe(false)
    expect(checkContent(input({ cvss40: 'CVSS:4.0/AV:N/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }), scored).ok).toBe(false)
    const good = checkContent(input({ cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }), scored)
    expect(good).toMatchObject({ ok: true, value: { severity: { cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } } })
  })

  it('under qualitative scoring no vector is accepted, only the level', () => {
    const vector = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
    expect(checkContent(input({ cvss31: vector }), { ...scored, qualitativeOnly: true }).ok).toBe(false)
    expect(checkContent(input({ qualitative: 'high' }), { ...scored, qualitativeOnly: true })).toMatchObject({
      ok: true,
      value: { severity: { qualitative: 'high' } },
    })
  })

  it('CWE ids must be current entries of the CWE list when it is given', async () => {
    const cwes = await loadCweCatalogue()
    expect(checkContent(input({ cwes: 'CWE-79, cwe-89' }), { cwes })).toMatchObject({ ok: true, value: { cwes: ['CWE-79', 'CWE-89'] } })
    expect(checkContent(input({ cwes: 'CWE-999999' }), { cwes }).ok).toBe(false)
  })
})
