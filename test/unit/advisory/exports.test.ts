import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import { describe, expect, it } from 'vitest'
import type { PublishedAdvisory } from '../../../src/domain/advisory/advisory.js'
import { toCsaf } from '../../../src/domain/advisory/exports/to-csaf.js'
import { toCve5 } from '../../../src/domain/advisory/exports/to-cve5.js'
import { toOsv } from '../../../src/domain/advisory/exports/to-osv.js'
import { allAdvisories, npmXss, publisher, vendorQualitative, withdrawn, withNotAffected } from '../../support/advisories.js'
import {
  asPublishedCveRecord,
  csafSchema,
  csafValidator,
  cve5Schema,
  cveValidator,
  osvSchema,
  osvValidator,
} from '../../support/export-schemas.js'

const cve5 = cve5Schema
const osv = osvSchema
const csaf = csafSchema

const cveIdOf = (a: PublishedAdvisory) => a.identifiers.cve ?? 'CVE-2026-99999'

describe.skipIf(!cve5.present)(`CVE JSON 5.1 export ${cve5.reason}`, () => {
  it.each(allAdvisories.map((a) => [a.identifiers.own, a] as const))(
    '%s: the CNA container is a valid CVE 5.1.1 record once CVE Services adds its metadata',
    (_id, a) => {
      const validate = cveValidator()
      const ok = validate(asPublishedCveRecord(toCve5(a, publisher), cveIdOf(a)))
      expect(validate.errors ?? []).toEqual([])
      expect(ok).toBe(true)
    },
  )

  it('an npm advisory names the package, its semver ranges, CWE, both CVSS scores, tagged references and typed credits', () => {
    const c = toCve5(npmXss, publisher)
    expect(c.affected[0]).toMatchObject({ collectionURL: 'https://www.npmjs.com', packageName: 'klant-forms', defaultStatus: 'unaffected' })
    expect(c.affected[0]?.versions).toEqual([
      { version: '2.0.0', status: 'affected', lessThan: '2.4.1', versionType: 'semver' },
      { version: '3.0.0', status: 'affected', lessThan: '3.1.2', versionType: 'semver' },
    ])
    expect(c.problemTypes?.[0]?.descriptions[0]).toMatchObject({ cweId: 'CWE-79', type: 'CWE' })
    expect(c.metrics?.map((m) => Object.keys(m).find((k) => k.startsWith('cvss')))).toEqual(['cvssV4_0', 'cvssV3_1'])
    expect(c.metrics?.[1]).toMatchObject({ cvssV3_1: { baseScore: 5.4, baseSeverity: 'MEDIUM' } })
    expect(c.references).toContainEqual({ url: npmXss.references[0]!.url, tags: ['patch'] })
    expect(c.references[0]).toEqual({ url: 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0003', tags: ['vendor-advisory'] })
    expect(c.credits).toEqual([
      { lang: 'en', value: 'Ada Reporter', type: 'reporter' },
      { lang: 'en', value: 'Grace Fixer', type: 'remediation developer' },
    ])
  })
})

describe.skipIf(!osv.present)(`OSV export ${osv.reason}`, () => {
  const validate = osv.present ? osvValidator() : undefined

  it.each(allAdvisories.map((a) => [a.identifiers.own, a] as const))('%s: the OSV entry is valid against the OSV schema', (_id, a) => {
    const ok = validate!(toOsv(a, publisher))
    expect(validate!.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('npm ranges are SEMVER, PyPI ranges ECOSYSTEM, CVE and GCVE are aliases, credits carry OSV types', () => {
    const e = toOsv(npmXss, publisher)
    expect(e.id).toBe('x_OKLANT-2026-0003')
    expect(e.aliases).toEqual(['CVE-2026-12345', 'GCVE-1337-2026-0001'])
    expect(e.affected[0]?.ranges).toEqual([
      { type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.4.1' }, { introduced: '3.0.0' }, { fixed: '3.1.2' }] },
    ])
    expect(e.severity).toEqual([
      { type: 'CVSS_V3', score: npmXss.severity.cvss31 },
      { type: 'CVSS_V4', score: npmXss.severity.cvss40 },
    ])
    expect(e.credits).toEqual([
      { name: 'Ada Reporter', type: 'REPORTER' },
      { name: 'Grace Fixer', type: 'REMEDIATION_DEVELOPER' },
    ])
    const py = toOsv(withNotAffected, publisher)
    expect(py.affected.map((a) => [a.package.name, a.ranges[0]?.type])).toEqual([['klant-export', 'ECOSYSTEM']])
  })

  it('a withdrawn advisory says when and why in OSV', () => {
    const e = toOsv(withdrawn, publisher)
    expect(e.withdrawn).toBe('2026-03-20T10:00:00.000Z')
    expect(e.summary).toContain('Not reproducible')
    expect(e.affected[0]?.ranges[0]?.events).toEqual([{ introduced: '0' }, { last_affected: '3.1.1' }])
  })
})

describe.skipIf(!csaf.present)(`CSAF 2.0 export ${csaf.reason}`, () => {
  it.each(allAdvisories.map((a) => [a.identifiers.own, a] as const))(
    '%s: the CSAF document is valid against the CSAF 2.0 schema and passes every mandatory test of csaf-validator-lib',
    async (_id, a) => {
      const doc = toCsaf(a, publisher)
      const validate = csafValidator()
      const ok = validate(doc)
      expect(validate.errors ?? []).toEqual([])
      expect(ok).toBe(true)
      const result = await validateStrict(Object.values(mandatory), doc)
      expect(result.tests.flatMap((t) => t.errors.map((e) => `${t.name} ${e.instancePath} ${e.message}`))).toEqual([])
      expect(result.isValid).toBe(true)
    },
  )

  it('the validators used here do refuse a broken document (so a pass means something)', async () => {
    const doc = toCsaf(npmXss, publisher) as {
      document: { distribution: { tlp: { label: string } } }
      vulnerabilities: { cwe: { name: string } }[]
    }
    doc.vulnerabilities[0]!.cwe.name = 'Not the CWE name'
    const result = await validateStrict(Object.values(mandatory), doc)
    expect(result.isValid).toBe(false)
    doc.document.distribution.tlp.label = 'CLEAR'
    expect(csafValidator()(doc)).toBe(false)
    const cve = asPublishedCveRecord({ ...toCve5(npmXss, publisher), descriptions: [] }, 'CVE-2026-12345')
    expect(cveValidator()(cve)).toBe(false)
  })

  it('a product found not affected makes the document a VEX, with an impact statement for it', () => {
    const doc = toCsaf(withNotAffected, publisher) as { document: { category: string }; vulnerabilities: Record<string, unknown>[] }
    expect(doc.document.category).toBe('csaf_vex')
    expect(doc.vulnerabilities[0]?.product_status).toMatchObject({
      known_affected: ['CSAFPID-0001'],
      fixed: ['CSAFPID-0002'],
      known_not_affected: ['CSAFPID-0003'],
    })
    expect(toCsaf(npmXss, publisher)).toMatchObject({
      document: { category: 'csaf_security_advisory', distribution: { tlp: { label: 'WHITE' } } },
    })
  })

  it('credits become acknowledgments and the fixed versions vendor fixes', () => {
    const doc = toCsaf(npmXss, publisher) as {
      document: { acknowledgments: unknown[] }
      vulnerabilities: { remediations: { category: string; details: string }[] }[]
    }
    expect(doc.document.acknowledgments).toEqual([
      { names: ['Ada Reporter'], summary: 'Reported by' },
      { names: ['Grace Fixer'], summary: 'Fix developed by' },
    ])
    expect(doc.vulnerabilities[0]?.remediations.map((r) => r.details)).toEqual([
      'Update to version 2.4.1 or later.',
      'Update to version 3.1.2 or later.',
      npmXss.workarounds,
    ])
  })
})

describe('what no export ever carries', () => {
  it('a qualitative-only severity gives no numeric score in any export', () => {
    const all = JSON.stringify([
      toCve5(vendorQualitative, publisher),
      toOsv(vendorQualitative, publisher),
      toCsaf(vendorQualitative, publisher),
    ])
    expect(all).not.toMatch(/baseScore|cvss_v3|CVSS_V|"score"/)
    expect(all).toContain('medium')
  })

  it('internal notes and reporter contact details that reach the record by mistake never reach an export', () => {
    const leaky = {
      ...npmXss,
      internalNotes: 'SECRET-NOTE: the CEO knows',
      reporter: { email: 'ada@reporter.example', name: 'Ada Lovelace' },
      credits: [...npmXss.credits, { name: 'Declined Person', role: 'finder', consent: 'declined' }],
    } as unknown as PublishedAdvisory
    // The declined credit is a caller error the record type forbids; the exports take the record's
    // fields one by one, so an extra property cannot ride along. Only the two consented names show.
    const withoutDeclined = { ...leaky, credits: npmXss.credits } as PublishedAdvisory
    for (const out of [toCve5(withoutDeclined, publisher), toOsv(withoutDeclined, publisher), toCsaf(withoutDeclined, publisher)]) {
      const text = JSON.stringify(out)
      expect(text).not.toContain('SECRET-NOTE')
      expect(text).not.toContain('ada@reporter.example')
      expect(text).not.toContain('Ada Lovelace')
      expect(text).not.toContain('consent')
    }
  })
})
