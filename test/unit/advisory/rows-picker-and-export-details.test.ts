/**
 * Details a team member or an export's consumer notices that the earlier rule tests left open:
 * rows of the affected-products form switched between package and product keep the other kind's
 * fields without being merged by them (content.ts), the order and matching of the weakness picker
 * (cwe.ts), semver pre-releases that happen to contain a "v", CSAF file names, product trees and the
 * VEX category (exports/). Issue 17: each test pins a rule mutation testing found unpinned.
 */
import { describe, expect, it } from 'vitest'
import type { AffectedProduct } from '../../../src/domain/advisory/advisory.js'
import { type AffectedRow, type ContentInput, checkContent, purlOf } from '../../../src/domain/advisory/content.js'
import { cweCatalogueFrom, searchCwe } from '../../../src/domain/advisory/cwe.js'
import { usesSemver } from '../../../src/domain/advisory/exports/ecosystems.js'
import { toCsaf } from '../../../src/domain/advisory/exports/to-csaf.js'
import { toCve5 } from '../../../src/domain/advisory/exports/to-cve5.js'
import { toOsv } from '../../../src/domain/advisory/exports/to-osv.js'
import { csafFileName } from '../../../src/domain/advisory/exports/urls.js'
import { npmXss, publisher, vendorQualitative, withNotAffected } from '../../support/advisories.js'

const input = (affected: AffectedRow[]): ContentInput => ({
  title: 'Title',
  summary: '',
  description: '',
  workarounds: '',
  affected,
  cwes: '',
  cvss31: '',
  cvss40: '',
  qualitative: '',
  references: [],
  credits: [],
  cve: '',
})
const row = (over: Partial<AffectedRow>): AffectedRow => ({
  kind: 'package',
  ecosystem: '',
  name: '',
  vendor: '',
  product: '',
  introduced: '',
  fixed: '',
  lastAffected: '',
  status: 'affected',
  ...over,
})
const storedAffected = (rows: AffectedRow[]) => {
  const result = checkContent(input(rows))
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value.affected.map((p) => (p.kind === 'package' ? `package ${p.ecosystem} ${p.name}` : `product ${p.vendor} ${p.product}`))
}

describe('rows of the affected products switched between package and product', () => {
  it('a row switched to product is a product, even when it still carries the package fields of the row above', () => {
    expect(
      storedAffected([
        row({ ecosystem: 'npm', name: 'left-pad', fixed: '1.3.0' }),
        row({ kind: 'product', ecosystem: 'npm', name: 'left-pad', vendor: 'Acme', product: 'Router', fixed: '7.2' }),
      ]),
    ).toEqual(['package npm left-pad', 'product Acme Router'])
  })

  it('a row switched to package is a package, even when it still carries the vendor and product of the row above', () => {
    expect(
      storedAffected([
        row({ kind: 'product', vendor: 'Acme', product: 'Router', fixed: '7.2' }),
        row({ ecosystem: 'npm', name: 'left-pad', vendor: 'Acme', product: 'Router', fixed: '1.3.0' }),
      ]),
    ).toEqual(['product Acme Router', 'package npm left-pad'])
  })

  it('only a Maven name is split at a colon into group and artifact', () => {
    expect(purlOf('Maven', 'org.acme:core')).toBe('pkg:maven/org.acme/core')
    expect(purlOf('Packagist', 'acme:forms')).toBe('pkg:composer/acme%3Aforms')
  })
})

describe('the weakness picker', () => {
  const entry = (name: string) => ({ attr: { '@_Name': name, '@_Status': 'Stable' } })
  const list = () =>
    cweCatalogueFrom({
      '15': entry('External Control of System or Configuration Setting'),
      '94': entry("Improper Control of Generation of Code ('Code Injection')"),
      '125': entry('Out-of-bounds Read'),
      '319': entry('Cleartext Transmission of Sensitive Information over SSL'),
      '787': entry('Out-of-bounds Write'),
    })

  it('lists the Top 25 first in their Top 25 order, then the others by number', () => {
    expect(searchCwe(list(), 'out').map((w) => w.id)).toEqual(['CWE-787', 'CWE-125'])
    expect(searchCwe(list(), 'control').map((w) => w.id)).toEqual(['CWE-94', 'CWE-15'])
    expect(searchCwe(list(), 'o').map((w) => w.id)).toEqual(['CWE-787', 'CWE-125', 'CWE-94', 'CWE-15', 'CWE-319'])
  })

  it('compares words in lower case: a German sharp s is not read as "ss"', () => {
    expect(searchCwe(list(), 'ssl').map((w) => w.id)).toEqual(['CWE-319'])
    expect(searchCwe(list(), 'ßl')).toEqual([])
  })

  it('takes weaknesses by their number only, not by a number inside another key', () => {
    const built = cweCatalogueFrom({ '79': entry('Cross-site Scripting'), x12: entry('Not a number'), '123456': entry('Six digits') })
    expect(built.all().map((w) => w.id)).toEqual(['CWE-79'])
  })
})

const npm = (version: string): AffectedProduct => ({
  kind: 'package',
  ecosystem: 'npm',
  name: 'klant-forms',
  purl: 'pkg:npm/klant-forms',
  ranges: [{ introduced: '0', fixed: version }],
  status: 'affected',
})

describe('the exports', () => {
  it('a semver pre-release whose tag starts with "v" is still semver: CVE 5 and OSV say so', () => {
    expect(usesSemver(npm('2.0.0-v.1'))).toBe(true)
    expect(usesSemver(npm('2.0.0-'))).toBe(false)
    const advisory = { ...npmXss, affected: [npm('2.0.0-v.1')] }
    expect(toOsv(advisory, publisher).affected?.[0]?.ranges[0]?.type).toBe('SEMVER')
    const cve = toCve5(advisory, publisher) as { affected: { versions: { versionType: string }[] }[] }
    expect(cve.affected[0]?.versions[0]?.versionType).toBe('semver')
  })

  it('a CSAF file name replaces each run of other characters than [+\\-a-z0-9] with one "_" (CSAF 2.0 §5.1)', () => {
    expect(csafFileName('OKLANT-2026-0003')).toBe('oklant-2026-0003.json')
    expect(csafFileName('Example Co. :: 2026/7+x')).toBe('example_co_2026_7+x.json')
  })

  it('a CSAF product without a purl has no identification helper', () => {
    const text = JSON.stringify(toCsaf(vendorQualitative, publisher))
    expect(text).toContain('"name":"Klant Appliance"')
    expect(text).not.toContain('product_identification_helper')
    const unnamed = { ...npmXss, affected: [{ ...npm('2.0.0'), purl: undefined }] }
    expect(JSON.stringify(toCsaf(unnamed as never, publisher))).not.toContain('product_identification_helper')
  })

  it('a CSAF document is a VEX as soon as one product was found not affected, even if others are', () => {
    expect((toCsaf(withNotAffected, publisher) as { document: { category: string } }).document.category).toBe('csaf_vex')
    expect((toCsaf(npmXss, publisher) as { document: { category: string } }).document.category).toBe('csaf_security_advisory')
  })
})
