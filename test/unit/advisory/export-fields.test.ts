/**
 * The fields a consumer reads in each export of a published advisory: the CVE JSON 5 CNA container
 * (to-cve5.ts), the OSV entry (to-osv.ts) and the CSAF 2.0 document (to-csaf.ts). Unlike the schema
 * checks in exports.test.ts these need no ../shared/standards, so they run in every clone.
 * Issue 17: each test pins a rule mutation testing found unpinned.
 */
import { describe, expect, it } from 'vitest'
import type { AffectedProduct, PublishedAdvisory } from '../../../src/domain/advisory/advisory.js'
import { toCsaf } from '../../../src/domain/advisory/exports/to-csaf.js'
import { toCve5 } from '../../../src/domain/advisory/exports/to-cve5.js'
import { toOsv } from '../../../src/domain/advisory/exports/to-osv.js'
import { npmXss, publisher } from '../../support/advisories.js'

const page = 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0010'
const xssName = "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"
const v31 = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N'
const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N'
const v31Json = {
  version: '3.1',
  vectorString: v31,
  baseScore: 5.4,
  baseSeverity: 'MEDIUM',
  attackVector: 'NETWORK',
  attackComplexity: 'LOW',
  privilegesRequired: 'LOW',
  userInteraction: 'REQUIRED',
  scope: 'CHANGED',
  confidentialityImpact: 'LOW',
  integrityImpact: 'LOW',
  availabilityImpact: 'NONE',
}
const v40Json = {
  version: '4.0',
  vectorString: v40,
  baseScore: 5.1,
  baseSeverity: 'MEDIUM',
  attackVector: 'NETWORK',
  attackComplexity: 'LOW',
  attackRequirements: 'NONE',
  privilegesRequired: 'LOW',
  userInteraction: 'PASSIVE',
  vulnConfidentialityImpact: 'LOW',
  vulnIntegrityImpact: 'LOW',
  vulnAvailabilityImpact: 'NONE',
  subConfidentialityImpact: 'LOW',
  subIntegrityImpact: 'LOW',
  subAvailabilityImpact: 'NONE',
}

/** A bare published advisory; each test adds what it is about. */
const make = (over: Partial<PublishedAdvisory> = {}): PublishedAdvisory => ({
  id: 'adv-10',
  identifiers: { own: 'OKLANT-2026-0010' },
  state: 'published',
  title: 'Open redirect in the sign-in page',
  summary: 'The next parameter is followed anywhere.',
  description: 'Sign-in redirects to any address.',
  workarounds: '',
  affected: [],
  cwes: [],
  severity: {},
  references: [],
  credits: [],
  revision: 1,
  createdAt: '2026-04-01T09:00:00.000Z',
  updatedAt: '2026-04-02T09:00:00.000Z',
  publishedAt: '2026-04-02T09:00:00.000Z',
  ...over,
})
const npm = (name: string, ranges: AffectedProduct['ranges'], status: 'affected' | 'not-affected' = 'affected'): AffectedProduct => ({
  kind: 'package',
  ecosystem: 'npm',
  name,
  purl: `pkg:npm/${name}`,
  ranges,
  status,
})
const withdrawnAdvisory = (reason?: string) =>
  make({
    state: 'withdrawn',
    withdrawnAt: '2026-04-09T10:00:00.000Z',
    updatedAt: '2026-04-09T10:00:00.000Z',
    ...(reason ? { withdrawnReason: reason } : {}),
  })

describe('CVE JSON 5 CNA container', () => {
  it('an npm advisory: every field a CVE consumer reads', () => {
    expect(toCve5(npmXss, publisher)).toEqual({
      title: npmXss.title,
      datePublic: '2026-03-10T12:00:00.000Z',
      descriptions: [
        {
          lang: 'en',
          value: `${npmXss.summary}\n\n${npmXss.description}`,
          supportingMedia: [{ type: 'text/markdown', base64: false, value: `${npmXss.summary}\n\n${npmXss.description}` }],
        },
      ],
      affected: [
        {
          collectionURL: 'https://www.npmjs.com',
          packageName: 'klant-forms',
          product: 'klant-forms',
          versions: [
            { version: '2.0.0', status: 'affected', lessThan: '2.4.1', versionType: 'semver' },
            { version: '3.0.0', status: 'affected', lessThan: '3.1.2', versionType: 'semver' },
          ],
          defaultStatus: 'unaffected',
        },
      ],
      problemTypes: [{ descriptions: [{ lang: 'en', cweId: 'CWE-79', description: `CWE-79 ${xssName}`, type: 'CWE' }] }],
      metrics: [
        { format: 'CVSS', scenarios: [{ lang: 'en', value: 'GENERAL' }], cvssV4_0: v40Json },
        { format: 'CVSS', scenarios: [{ lang: 'en', value: 'GENERAL' }], cvssV3_1: v31Json },
      ],
      workarounds: [{ lang: 'en', value: npmXss.workarounds }],
      references: [
        { url: 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0003', tags: ['vendor-advisory'] },
        { url: npmXss.references[0]?.url, tags: ['patch'] },
        { url: 'https://openklant.example/blog/2026-03-forms' },
      ],
      credits: [
        { lang: 'en', value: 'Ada Reporter', type: 'reporter' },
        { lang: 'en', value: 'Grace Fixer', type: 'remediation developer' },
      ],
      source: { discovery: 'EXTERNAL' },
      x_generator: { engine: 'Embargo' },
    })
  })

  it('a bare advisory carries no empty lists: no problem types, metrics, workarounds or credits', () => {
    const c = toCve5(make(), publisher)
    expect(Object.keys(c)).toEqual(['title', 'datePublic', 'descriptions', 'affected', 'references', 'source', 'x_generator'])
    expect(c.references).toEqual([{ url: page, tags: ['vendor-advisory'] }])
    expect(c.source).toEqual({ discovery: 'UNKNOWN' })
    expect(toCve5(make({ workarounds: ' \n ' }), publisher).workarounds).toBeUndefined()
  })

  it('the title is cut to the 256 characters CVE allows', () => {
    expect(toCve5(make({ title: 't'.repeat(300) }), publisher).title).toBe('t'.repeat(256))
  })

  it('the description is the summary then the text; either alone when the other is empty', () => {
    expect(toCve5(make({ summary: '' }), publisher).descriptions[0]?.value).toBe('Sign-in redirects to any address.')
    expect(toCve5(make({ description: ' \n' }), publisher).descriptions[0]?.value).toBe('The next parameter is followed anywhere.')
  })

  it('a withdrawn advisory says so first, with the reason when there is one', () => {
    expect(toCve5(withdrawnAdvisory('Not reproducible'), publisher).descriptions[0]?.value).toBe(
      'WITHDRAWN: Not reproducible. The next parameter is followed anywhere.\n\nSign-in redirects to any address.',
    )
    expect(toCve5({ ...withdrawnAdvisory(), summary: '' }, publisher).descriptions[0]?.value).toBe(
      'WITHDRAWN.\n\nSign-in redirects to any address.',
    )
  })

  it('products: vendor and product; packages outside a known registry are named under the publisher', () => {
    const c = toCve5(
      make({
        affected: [
          { kind: 'product', vendor: 'Acme', product: 'Router', ranges: [{ introduced: '7.0', fixed: '7.2' }], status: 'affected' },
          { kind: 'package', ecosystem: 'Debian:12', name: 'klant', ranges: [{ introduced: '0', fixed: '1.0-2' }], status: 'affected' },
          {
            kind: 'package',
            ecosystem: 'PyPI',
            name: 'klant-export',
            ranges: [{ introduced: '1.0', lastAffected: '1.4' }],
            status: 'affected',
          },
        ],
      }),
      publisher,
    )
    expect(c.affected).toEqual([
      {
        vendor: 'Acme',
        product: 'Router',
        versions: [{ version: '7.0', status: 'affected', lessThan: '7.2', versionType: 'custom' }],
        defaultStatus: 'unaffected',
      },
      {
        vendor: 'Open Klant',
        product: 'klant',
        packageName: 'klant',
        versions: [{ version: '0', status: 'affected', lessThan: '1.0-2', versionType: 'custom' }],
        defaultStatus: 'unaffected',
      },
      {
        collectionURL: 'https://pypi.org',
        packageName: 'klant-export',
        product: 'klant-export',
        versions: [{ version: '1.0', status: 'affected', lessThanOrEqual: '1.4', versionType: 'custom' }],
        defaultStatus: 'unaffected',
      },
    ])
  })

  it('ranges: open-ended from a version or from the start; Go versions lose their "v" under semver', () => {
    const c = toCve5(
      make({
        affected: [
          npm('a', [{ introduced: '0' }, { introduced: '2.0.0' }, { introduced: '0', lastAffected: '1.0.0' }]),
          {
            kind: 'package',
            ecosystem: 'Go',
            name: 'github.com/acme/x',
            ranges: [{ introduced: 'v1.0.0', fixed: 'v1.2.3' }],
            status: 'affected',
          },
        ],
      }),
      publisher,
    )
    expect(c.affected[0]?.versions).toEqual([
      { version: '0', status: 'affected', lessThan: '*', versionType: 'semver' },
      { version: '2.0.0', status: 'affected', lessThan: '*', versionType: 'semver' },
      { version: '0', status: 'affected', lessThanOrEqual: '1.0.0', versionType: 'semver' },
    ])
    expect(c.affected[1]).toEqual({
      collectionURL: 'https://pkg.go.dev',
      packageName: 'github.com/acme/x',
      product: 'github.com/acme/x',
      versions: [{ version: '1.0.0', status: 'affected', lessThan: '1.2.3', versionType: 'semver' }],
      defaultStatus: 'unaffected',
    })
  })

  it('a product found not affected lists its versions as unaffected; without versions the default says it all', () => {
    const c = toCve5(
      make({
        affected: [
          npm('checked', [{ introduced: '1.0.0', fixed: '2.0.0' }], 'not-affected'),
          npm('none', [], 'not-affected'),
          npm('all', [], 'affected'),
        ],
      }),
      publisher,
    )
    expect(c.affected.map((a) => [a.versions, a.defaultStatus])).toEqual([
      [[{ version: '1.0.0', status: 'unaffected', lessThan: '2.0.0', versionType: 'semver' }], 'unaffected'],
      [undefined, 'unaffected'],
      [undefined, 'affected'],
    ])
  })

  it('a weakness the CWE list does not name is given by its id alone', () => {
    expect(toCve5(make({ cwes: ['CWE-79', 'CWE-999999'] }), publisher).problemTypes).toEqual([
      {
        descriptions: [
          { lang: 'en', cweId: 'CWE-79', description: `CWE-79 ${xssName}`, type: 'CWE' },
          { lang: 'en', cweId: 'CWE-999999', description: 'CWE-999999', type: 'CWE' },
        ],
      },
    ])
  })

  it('scores: only valid complete vectors; a qualitative level only when no score is given', () => {
    expect(toCve5(make({ severity: { cvss31: v31 } }), publisher).metrics).toEqual([
      { format: 'CVSS', scenarios: [{ lang: 'en', value: 'GENERAL' }], cvssV3_1: v31Json },
    ])
    expect(toCve5(make({ severity: { cvss40: v40, qualitative: 'high' } }), publisher).metrics).toEqual([
      { format: 'CVSS', scenarios: [{ lang: 'en', value: 'GENERAL' }], cvssV4_0: v40Json },
    ])
    const qualitative = [
      {
        format: 'other',
        scenarios: [{ lang: 'en', value: 'GENERAL' }],
        other: { type: 'qualitative-severity', content: { text: 'high' } },
      },
    ]
    expect(toCve5(make({ severity: { qualitative: 'high' } }), publisher).metrics).toEqual(qualitative)
    expect(toCve5(make({ severity: { cvss31: 'CVSS:3.1/AV:N', qualitative: 'high' } }), publisher).metrics).toEqual(qualitative)
    expect(toCve5(make({ severity: { cvss31: 'CVSS:3.1/AV:N', cvss40: 'CVSS:4.0/AV:N' } }), publisher).metrics).toBeUndefined()
  })

  it('references: tagged by kind, the advisory page first, each address once', () => {
    const c = toCve5(
      make({
        references: [
          { kind: 'advisory', url: 'https://ghsa.example/1' },
          { kind: 'report', url: 'https://issues.example/1' },
          { kind: 'package', url: 'https://npm.example/x' },
          { kind: 'web', url: page },
          { kind: 'fix', url: 'https://issues.example/1' },
        ],
      }),
      publisher,
    )
    expect(c.references).toEqual([
      { url: page, tags: ['vendor-advisory'] },
      { url: 'https://ghsa.example/1', tags: ['vendor-advisory'] },
      { url: 'https://issues.example/1', tags: ['issue-tracking'] },
      { url: 'https://npm.example/x', tags: ['product'] },
    ])
  })

  it('the discovery is external when a finder or reporter is credited, unknown otherwise', () => {
    const discovery = (role: 'finder' | 'reporter' | 'analyst' | 'tool') =>
      toCve5(make({ credits: [{ name: 'X', role }] }), publisher).source.discovery
    expect(discovery('finder')).toBe('EXTERNAL')
    expect(discovery('reporter')).toBe('EXTERNAL')
    expect(discovery('analyst')).toBe('UNKNOWN')
    expect(discovery('tool')).toBe('UNKNOWN')
  })
})

describe('OSV entry', () => {
  it('an npm advisory: every field an OSV consumer reads', () => {
    expect(toOsv(npmXss, publisher)).toEqual({
      schema_version: '1.7.0',
      id: 'x_OKLANT-2026-0003',
      modified: '2026-03-10T12:00:00.000Z',
      published: '2026-03-10T12:00:00.000Z',
      aliases: ['CVE-2026-12345', 'GCVE-1337-2026-0001'],
      summary: npmXss.title,
      details: `${npmXss.description}\n\n## Workarounds\n\n${npmXss.workarounds}`,
      severity: [
        { type: 'CVSS_V3', score: npmXss.severity.cvss31 },
        { type: 'CVSS_V4', score: npmXss.severity.cvss40 },
      ],
      affected: [
        {
          package: { ecosystem: 'npm', name: 'klant-forms', purl: 'pkg:npm/klant-forms' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.4.1' }, { introduced: '3.0.0' }, { fixed: '3.1.2' }] }],
        },
      ],
      references: [
        { type: 'ADVISORY', url: 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0003' },
        { type: 'FIX', url: npmXss.references[0]?.url },
        { type: 'WEB', url: 'https://openklant.example/blog/2026-03-forms' },
      ],
      credits: [
        { name: 'Ada Reporter', type: 'REPORTER' },
        { name: 'Grace Fixer', type: 'REMEDIATION_DEVELOPER' },
      ],
      database_specific: { source: 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0003', cwe_ids: ['CWE-79'] },
    })
  })

  it('a bare advisory carries no empty lists: no aliases, severity or credits; its details are its text', () => {
    const e = toOsv(make({ updatedAt: '2026-04-05T09:00:00.000Z' }), publisher)
    expect(Object.keys(e)).toEqual([
      'schema_version',
      'id',
      'modified',
      'published',
      'summary',
      'details',
      'affected',
      'references',
      'database_specific',
    ])
    expect(e).toMatchObject({
      modified: '2026-04-05T09:00:00.000Z',
      published: '2026-04-02T09:00:00.000Z',
      details: 'Sign-in redirects to any address.',
      affected: [],
      references: [{ type: 'ADVISORY', url: page }],
      database_specific: { source: page },
    })
  })

  it('details: the workarounds alone under their heading when there is no text; the summary when there is neither', () => {
    expect(toOsv(make({ description: '', workarounds: 'Block it.' }), publisher).details).toBe('## Workarounds\n\nBlock it.')
    expect(toOsv(make({ description: ' ' }), publisher).details).toBe('The next parameter is followed anywhere.')
  })

  it('a withdrawn advisory: when (also as the last change) and why, in the summary and the database-specific part', () => {
    const e = toOsv(withdrawnAdvisory('Not reproducible'), publisher)
    expect(e).toMatchObject({
      modified: '2026-04-09T10:00:00.000Z',
      withdrawn: '2026-04-09T10:00:00.000Z',
      summary: 'Open redirect in the sign-in page (withdrawn: Not reproducible)',
      database_specific: { source: page, withdrawn_reason: 'Not reproducible' },
    })
    expect(toOsv(withdrawnAdvisory(), publisher).summary).toBe('Open redirect in the sign-in page')
    // A withdrawn record that lacks its date falls back on its last update.
    const { withdrawnAt: _w, ...undated } = withdrawnAdvisory()
    expect(toOsv({ ...undated, updatedAt: '2026-04-08T00:00:00.000Z' }, publisher)).toMatchObject({
      modified: '2026-04-08T00:00:00.000Z',
      withdrawn: '2026-04-08T00:00:00.000Z',
    })
  })

  it('a published advisory is never marked withdrawn, and its summary is its title', () => {
    const e = toOsv(make({ withdrawnReason: 'stray' }), publisher)
    expect(e.withdrawn).toBeUndefined()
    expect(e.summary).toBe('Open redirect in the sign-in page')
  })

  it('affected: only affected packages, each with its purl when it has one; products go to the database-specific part', () => {
    const e = toOsv(
      make({
        affected: [
          npm('checked', [{ introduced: '0', fixed: '1.0.0' }], 'not-affected'),
          { kind: 'product', vendor: 'Acme', product: 'Router', ranges: [{ introduced: '7.0' }], status: 'affected' },
          { kind: 'product', vendor: 'Acme', product: 'Switch', ranges: [], status: 'not-affected' },
          { kind: 'package', ecosystem: 'Debian:12', name: 'klant', ranges: [{ introduced: '0', fixed: '1.0-2' }], status: 'affected' },
        ],
      }),
      publisher,
    )
    expect(e.affected).toEqual([
      {
        package: { ecosystem: 'Debian:12', name: 'klant' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0-2' }] }],
      },
    ])
    expect(e.database_specific.products).toEqual([{ vendor: 'Acme', product: 'Router' }])
  })

  it('events: "0" opens every range as is, a fix ends it before a last affected version, Go versions lose their "v"', () => {
    const e = toOsv(
      make({
        affected: [
          {
            kind: 'package',
            ecosystem: 'Go',
            name: 'github.com/acme/x',
            ranges: [{ introduced: 'v1.0.0', fixed: 'v1.2.3', lastAffected: 'v1.2.2' }],
            status: 'affected',
          },
          {
            kind: 'package',
            ecosystem: 'Go',
            name: 'github.com/acme/y',
            ranges: [{ introduced: '0', lastAffected: 'v2.0.0' }, { introduced: 'v3.0.0' }],
            status: 'affected',
          },
          { kind: 'package', ecosystem: 'PyPI', name: 'z', ranges: [{ introduced: 'v1', lastAffected: 'v2' }], status: 'affected' },
        ],
      }),
      publisher,
    )
    expect(e.affected.map((a) => a.ranges)).toEqual([
      [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.2.3' }] }],
      [{ type: 'SEMVER', events: [{ introduced: '0' }, { last_affected: '2.0.0' }, { introduced: '3.0.0' }] }],
      [{ type: 'ECOSYSTEM', events: [{ introduced: 'v1' }, { last_affected: 'v2' }] }],
    ])
  })

  it('references are typed by kind after the advisory page, which is not repeated', () => {
    const e = toOsv(
      make({
        references: [
          { kind: 'advisory', url: 'https://a.example' },
          { kind: 'report', url: 'https://r.example' },
          { kind: 'package', url: 'https://p.example' },
          { kind: 'web', url: page },
        ],
      }),
      publisher,
    )
    expect(e.references).toEqual([
      { type: 'ADVISORY', url: page },
      { type: 'ADVISORY', url: 'https://a.example' },
      { type: 'REPORT', url: 'https://r.example' },
      { type: 'PACKAGE', url: 'https://p.example' },
    ])
  })

  it('every credit role has its OSV type', () => {
    const roles = [
      'finder',
      'reporter',
      'analyst',
      'coordinator',
      'remediation developer',
      'remediation reviewer',
      'remediation verifier',
      'tool',
      'sponsor',
      'other',
    ] as const
    expect(toOsv(make({ credits: roles.map((role) => ({ name: role, role })) }), publisher).credits?.map((c) => c.type)).toEqual([
      'FINDER',
      'REPORTER',
      'ANALYST',
      'COORDINATOR',
      'REMEDIATION_DEVELOPER',
      'REMEDIATION_REVIEWER',
      'REMEDIATION_VERIFIER',
      'TOOL',
      'SPONSOR',
      'OTHER',
    ])
  })

  it('a qualitative level is given in capitals in the database-specific part; a CVSS 4.0 vector alone is scored', () => {
    expect(toOsv(make({ severity: { qualitative: 'critical' } }), publisher)).toMatchObject({ database_specific: { severity: 'CRITICAL' } })
    expect(toOsv(make({ severity: { qualitative: 'critical' } }), publisher).severity).toBeUndefined()
    expect(toOsv(make({ severity: { cvss40: v40 } }), publisher).severity).toEqual([{ type: 'CVSS_V4', score: v40 }])
  })

  it('aliases: the GCVE id alone when there is no CVE', () => {
    expect(toOsv(make({ identifiers: { own: 'OKLANT-2026-0010', gcve: 'GCVE-1-2026-0001' } }), publisher).aliases).toEqual([
      'GCVE-1-2026-0001',
    ])
  })
})

type Csaf = {
  document: Record<string, unknown> & { tracking: Record<string, unknown>; notes: Record<string, unknown>[] }
  product_tree: { branches: { category: string; name: string; branches: Record<string, unknown>[] }[] }
  vulnerabilities: (Record<string, unknown> & { remediations?: Record<string, unknown>[] })[]
}
const csaf = (a: PublishedAdvisory) => toCsaf(a, publisher) as unknown as Csaf
const vulnerability = (a: PublishedAdvisory) => csaf(a).vulnerabilities[0] ?? {}
/** Every product id with its full name, in tree order. */
const productNames = (doc: Csaf): string[] => {
  const out: string[] = []
  const walk = (node: Record<string, unknown>) => {
    const product = node.product as { product_id: string; name: string } | undefined
    if (product) out.push(`${product.product_id} ${product.name}`)
    for (const child of (node.branches as Record<string, unknown>[] | undefined) ?? []) walk(child)
  }
  walk(doc.product_tree as unknown as Record<string, unknown>)
  return out
}

describe('CSAF 2.0 document', () => {
  it('an npm advisory: the document part a CSAF consumer reads', () => {
    const doc = csaf(npmXss)
    expect(doc.document).toEqual({
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      title: npmXss.title,
      lang: 'en',
      publisher: {
        category: 'vendor',
        name: 'Open Klant',
        namespace: 'https://openklant.example',
        contact_details: 'security@openklant.example',
      },
      distribution: { text: 'Public advisory.', tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      notes: [{ category: 'summary', title: 'Summary', text: npmXss.summary }],
      references: [
        {
          category: 'self',
          summary: 'This document',
          url: 'https://embargo.example.org/o/oklant/.well-known/csaf/white/2026/oklant-2026-0003.json',
        },
        { category: 'external', summary: 'The advisory page', url: 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0003' },
      ],
      acknowledgments: [
        { names: ['Ada Reporter'], summary: 'Reported by' },
        { names: ['Grace Fixer'], summary: 'Fix developed by' },
      ],
      tracking: {
        id: 'OKLANT-2026-0003',
        status: 'final',
        version: '1',
        initial_release_date: '2026-03-10T12:00:00.000Z',
        current_release_date: '2026-03-10T12:00:00.000Z',
        revision_history: [{ number: '1', date: '2026-03-10T12:00:00.000Z', summary: 'Initial public release.' }],
        generator: { date: '2026-03-10T12:00:00.000Z', engine: { name: 'Embargo' } },
      },
    })
  })

  it('an npm advisory: the product tree and the vulnerability a CSAF consumer reads', () => {
    const doc = csaf(npmXss)
    const range = (id: string, label: string) => ({
      category: 'product_version_range',
      name: label,
      product: { product_id: id, name: `npm klant-forms ${label}`, product_identification_helper: { purl: 'pkg:npm/klant-forms' } },
    })
    const fixed = (id: string, version: string) => ({
      category: 'product_version',
      name: version,
      product: { product_id: id, name: `npm klant-forms ${version}` },
    })
    expect(doc.product_tree).toEqual({
      branches: [
        {
          category: 'vendor',
          name: 'npm',
          branches: [
            {
              category: 'product_name',
              name: 'klant-forms',
              branches: [
                range('CSAFPID-0001', 'vers:semver/>=2.0.0|<2.4.1'),
                fixed('CSAFPID-0002', '2.4.1'),
                range('CSAFPID-0003', 'vers:semver/>=3.0.0|<3.1.2'),
                fixed('CSAFPID-0004', '3.1.2'),
              ],
            },
          ],
        },
      ],
    })
    expect(doc.vulnerabilities).toEqual([
      {
        cve: 'CVE-2026-12345',
        ids: [
          { system_name: 'Open Klant', text: 'OKLANT-2026-0003' },
          { system_name: 'GCVE', text: 'GCVE-1337-2026-0001' },
        ],
        title: npmXss.title,
        cwe: { id: 'CWE-79', name: xssName },
        release_date: '2026-03-10T12:00:00.000Z',
        notes: [
          { category: 'description', title: 'Description', text: npmXss.description },
          { category: 'other', title: 'CVSS 4.0 vector', text: npmXss.severity.cvss40 },
        ],
        product_status: { known_affected: ['CSAFPID-0001', 'CSAFPID-0003'], fixed: ['CSAFPID-0002', 'CSAFPID-0004'] },
        remediations: [
          { category: 'vendor_fix', details: 'Update to version 2.4.1 or later.', product_ids: ['CSAFPID-0001'] },
          { category: 'vendor_fix', details: 'Update to version 3.1.2 or later.', product_ids: ['CSAFPID-0003'] },
          { category: 'workaround', details: npmXss.workarounds, product_ids: ['CSAFPID-0001', 'CSAFPID-0003'] },
        ],
        scores: [{ cvss_v3: v31Json, products: ['CSAFPID-0001', 'CSAFPID-0003'] }],
        references: [
          { category: 'external', summary: 'fix reference', url: npmXss.references[0]?.url },
          { category: 'external', summary: 'web reference', url: 'https://openklant.example/blog/2026-03-forms' },
        ],
      },
    ])
  })

  it('a bare advisory: no acknowledgments, remediations, scores, threats, references, CVE or CWE; the publisher without contact', () => {
    const { contact: _c, ...noContact } = publisher
    const doc = toCsaf(make(), noContact) as unknown as Csaf
    expect(Object.keys(doc.document)).toEqual([
      'category',
      'csaf_version',
      'title',
      'lang',
      'publisher',
      'distribution',
      'notes',
      'references',
      'tracking',
    ])
    expect(doc.document.publisher).toEqual({ category: 'vendor', name: 'Open Klant', namespace: 'https://openklant.example' })
    expect(doc.vulnerabilities).toEqual([
      {
        ids: [{ system_name: 'Open Klant', text: 'OKLANT-2026-0010' }],
        title: 'Open redirect in the sign-in page',
        release_date: '2026-04-02T09:00:00.000Z',
        notes: [{ category: 'description', title: 'Description', text: 'Sign-in redirects to any address.' }],
        product_status: {},
      },
    ])
    expect(doc.product_tree).toEqual({ branches: [] })
  })

  it('version ranges in vers: from the start, open-ended, up to a last affected version, per ecosystem scheme', () => {
    const doc = csaf(
      make({
        affected: [
          npm('a', [
            { introduced: '0', fixed: '1.0.0' },
            { introduced: '2.0.0' },
            { introduced: '0', lastAffected: '3.0.0' },
            { introduced: '0' },
          ]),
          {
            kind: 'package',
            ecosystem: 'Go',
            name: 'github.com/acme/x',
            ranges: [{ introduced: 'v1.0.0', fixed: 'v1.2.3' }],
            status: 'not-affected',
          },
          {
            kind: 'package',
            ecosystem: 'Red Hat:rhel_aus-8.4',
            name: 'klant',
            ranges: [{ introduced: '1.0|<2', lastAffected: '>=1.4!' }],
            status: 'not-affected',
          },
          { kind: 'product', vendor: 'Acme', product: 'Router', ranges: [{ introduced: '7.0', fixed: '7.2' }], status: 'not-affected' },
        ],
      }),
    )
    expect(productNames(doc)).toEqual([
      'CSAFPID-0001 npm a vers:semver/<1.0.0',
      'CSAFPID-0002 npm a 1.0.0',
      'CSAFPID-0003 npm a vers:semver/>=2.0.0',
      'CSAFPID-0004 npm a vers:semver/<=3.0.0',
      'CSAFPID-0005 npm a vers:semver/*',
      'CSAFPID-0006 Go github.com/acme/x vers:semver/>=1.0.0|<1.2.3',
      'CSAFPID-0007 Red Hat:rhel_aus-8.4 klant vers:redhatrhelaus-8.4/>=1.02|<=1.4',
      'CSAFPID-0008 Acme Router vers:generic/>=7.0|<7.2',
    ])
  })

  it('a fixed version of a semver product loses its "v"; products of one vendor share its branch', () => {
    const doc = csaf(
      make({
        affected: [
          {
            kind: 'package',
            ecosystem: 'Go',
            name: 'github.com/acme/x',
            ranges: [{ introduced: '0', fixed: 'v1.2.3' }],
            status: 'affected',
          },
          { kind: 'product', vendor: 'Acme', product: 'Router', ranges: [{ introduced: '7.0', fixed: '7.2' }], status: 'affected' },
          { kind: 'product', vendor: 'Acme', product: 'Switch', ranges: [], status: 'affected' },
        ],
      }),
    )
    expect(productNames(doc)).toEqual([
      'CSAFPID-0001 Go github.com/acme/x vers:semver/<1.2.3',
      'CSAFPID-0002 Go github.com/acme/x 1.2.3',
      'CSAFPID-0003 Acme Router vers:generic/>=7.0|<7.2',
      'CSAFPID-0004 Acme Router 7.2',
      'CSAFPID-0005 Acme Switch',
    ])
    expect(doc.product_tree.branches.map((b) => [b.name, b.branches.map((p) => p.name)])).toEqual([
      ['Go', ['github.com/acme/x']],
      ['Acme', ['Router', 'Switch']],
    ])
    expect(doc.product_tree.branches[1]?.branches[1]).toEqual({
      category: 'product_name',
      name: 'Switch',
      product: { product_id: 'CSAFPID-0005', name: 'Acme Switch' },
    })
  })

  it('a product without ranges keeps its purl on the product itself, with the status it has', () => {
    const doc = csaf(make({ affected: [npm('checked', [], 'not-affected'), npm('all', [], 'affected')] }))
    expect(doc.product_tree.branches[0]?.branches).toEqual([
      {
        category: 'product_name',
        name: 'checked',
        product: { product_id: 'CSAFPID-0001', name: 'npm checked', product_identification_helper: { purl: 'pkg:npm/checked' } },
      },
      {
        category: 'product_name',
        name: 'all',
        product: { product_id: 'CSAFPID-0002', name: 'npm all', product_identification_helper: { purl: 'pkg:npm/all' } },
      },
    ])
    expect(vulnerability(make({ affected: [npm('checked', [], 'not-affected'), npm('all', [], 'affected')] })).product_status).toEqual({
      known_affected: ['CSAFPID-0002'],
      known_not_affected: ['CSAFPID-0001'],
    })
  })

  it('a product found not affected makes a VEX document with an impact statement, no fix, score or remediation for it', () => {
    const advisory = make({
      affected: [npm('checked', [{ introduced: '1.0.0', fixed: '2.0.0' }], 'not-affected')],
      severity: { cvss31: v31 },
      workarounds: 'Block it.',
    })
    const doc = csaf(advisory)
    expect(doc.document.category).toBe('csaf_vex')
    expect(productNames(doc)).toEqual(['CSAFPID-0001 npm checked vers:semver/>=1.0.0|<2.0.0'])
    const v = vulnerability(advisory)
    expect(v.product_status).toEqual({ known_not_affected: ['CSAFPID-0001'] })
    expect(v.threats).toEqual([
      { category: 'impact', details: 'Open Klant checked these products and found them not affected.', product_ids: ['CSAFPID-0001'] },
    ])
    expect(v.remediations).toBeUndefined()
    expect(v.scores).toBeUndefined()
  })

  it('remediations: one vendor fix per fixed version; affected products with neither fix nor workaround are told none is available', () => {
    const v = vulnerability(
      make({
        affected: [
          npm('a', [{ introduced: '1.0.0', fixed: '1.2.0' }, { introduced: '2.0.0' }]),
          npm('b', [{ introduced: '0', fixed: '1.2.0' }]),
          npm('c', [], 'not-affected'),
        ],
      }),
    )
    expect(v.remediations).toEqual([
      { category: 'vendor_fix', details: 'Update to version 1.2.0 or later.', product_ids: ['CSAFPID-0001', 'CSAFPID-0004'] },
      { category: 'none_available', details: 'No fix is available yet.', product_ids: ['CSAFPID-0003'] },
    ])
    expect(v.product_status).toEqual({
      known_affected: ['CSAFPID-0001', 'CSAFPID-0003', 'CSAFPID-0004'],
      fixed: ['CSAFPID-0002', 'CSAFPID-0005'],
      known_not_affected: ['CSAFPID-0006'],
    })
  })

  it('a workaround covers every affected product, so none is left without a remediation', () => {
    const v = vulnerability(make({ affected: [npm('a', [{ introduced: '2.0.0' }])], workarounds: 'Block it.' }))
    expect(v.remediations).toEqual([{ category: 'workaround', details: 'Block it.', product_ids: ['CSAFPID-0001'] }])
    expect(vulnerability(make({ affected: [npm('a', [{ introduced: '2.0.0' }])], workarounds: '  ' })).remediations).toEqual([
      { category: 'none_available', details: 'No fix is available yet.', product_ids: ['CSAFPID-0001'] },
    ])
  })

  it('scores are CVSS 3.1 for the affected products; a qualitative level without one is the aggregate severity', () => {
    const affected = [npm('a', [{ introduced: '2.0.0' }])]
    expect(vulnerability(make({ affected, severity: { cvss31: v31 } })).scores).toEqual([{ cvss_v3: v31Json, products: ['CSAFPID-0001'] }])
    expect(vulnerability(make({ affected: [], severity: { cvss31: v31 } })).scores).toBeUndefined()
    expect(csaf(make({ affected, severity: { qualitative: 'high' } })).document.aggregate_severity).toEqual({ text: 'high' })
    expect(csaf(make({ affected, severity: { qualitative: 'high', cvss31: 'CVSS:3.1/AV:N' } })).document.aggregate_severity).toEqual({
      text: 'high',
    })
    expect(csaf(make({ affected, severity: { qualitative: 'high', cvss31: v31 } })).document.aggregate_severity).toBeUndefined()
    expect(vulnerability(make({ affected, severity: { qualitative: 'high' } })).scores).toBeUndefined()
  })

  it('the weakness is the first CWE, named as in the CWE list; none when the list does not name it', () => {
    expect(vulnerability(make({ cwes: ['CWE-22', 'CWE-79'] })).cwe).toEqual({
      id: 'CWE-22',
      name: "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')",
    })
    expect(vulnerability(make({ cwes: ['CWE-999999', 'CWE-79'] })).cwe).toBeUndefined()
  })

  it('the notes fall back from the description to the summary to the title', () => {
    expect(vulnerability(make({ description: ' ' })).notes).toEqual([
      { category: 'description', title: 'Description', text: 'The next parameter is followed anywhere.' },
    ])
    const titleOnly = make({ description: '', summary: '' })
    expect(vulnerability(titleOnly).notes).toEqual([
      { category: 'description', title: 'Description', text: 'Open redirect in the sign-in page' },
    ])
    expect(csaf(titleOnly).document.notes).toEqual([{ category: 'summary', title: 'Summary', text: 'Open redirect in the sign-in page' }])
  })

  it('every credit role has its acknowledgment wording', () => {
    const roles = [
      'finder',
      'reporter',
      'analyst',
      'coordinator',
      'remediation developer',
      'remediation reviewer',
      'remediation verifier',
      'tool',
      'sponsor',
      'other',
    ] as const
    const acks = csaf(make({ credits: roles.map((role) => ({ name: role, role })) })).document.acknowledgments as { summary: string }[]
    expect(acks.map((a) => a.summary)).toEqual([
      'Found by',
      'Reported by',
      'Analysed by',
      'Coordinated by',
      'Fix developed by',
      'Fix reviewed by',
      'Fix verified by',
      'Found with',
      'Sponsored by',
      'Thanks to',
    ])
  })

  it('a withdrawn document says so with the reason, and its history ends with the withdrawal', () => {
    const doc = csaf(withdrawnAdvisory('Not reproducible'))
    expect(doc.document.notes).toEqual([
      { category: 'summary', title: 'Summary', text: 'The next parameter is followed anywhere.' },
      { category: 'general', title: 'Withdrawn', text: 'This advisory was withdrawn. Not reproducible' },
    ])
    expect(doc.document.tracking).toEqual({
      id: 'OKLANT-2026-0010',
      status: 'final',
      version: '2',
      initial_release_date: '2026-04-02T09:00:00.000Z',
      current_release_date: '2026-04-09T10:00:00.000Z',
      revision_history: [
        { number: '1', date: '2026-04-02T09:00:00.000Z', summary: 'Initial public release.' },
        { number: '2', date: '2026-04-09T10:00:00.000Z', summary: 'Withdrawn: Not reproducible' },
      ],
      generator: { date: '2026-04-09T10:00:00.000Z', engine: { name: 'Embargo' } },
    })
    const plain = csaf(withdrawnAdvisory())
    expect(plain.document.notes[1]).toEqual({ category: 'general', title: 'Withdrawn', text: 'This advisory was withdrawn.' })
    expect((plain.document.tracking.revision_history as { summary: string }[])[1]?.summary).toBe('Withdrawn.')
  })

  it('without a revision list the history tells what the record can: an update after publication is revision 2', () => {
    const updated = csaf(make({ updatedAt: '2026-04-03T09:00:00.000Z' })).document.tracking
    expect(updated).toMatchObject({
      version: '2',
      current_release_date: '2026-04-03T09:00:00.000Z',
      revision_history: [
        { number: '1', date: '2026-04-02T09:00:00.000Z', summary: 'Initial public release.' },
        { number: '2', date: '2026-04-03T09:00:00.000Z', summary: 'Updated.' },
      ],
      generator: { date: '2026-04-03T09:00:00.000Z', engine: { name: 'Embargo' } },
    })
    expect(csaf(make()).document.tracking).toMatchObject({ version: '1', revision_history: [{ number: '1' }] })
  })

  it('with the revision list the history is every published revision', () => {
    const revisions = [
      { number: 1, date: '2026-04-02T09:00:00.000Z', summary: 'Initial public release.' },
      { number: 2, date: '2026-04-04T09:00:00.000Z', summary: 'Updated: severity.' },
      { number: 3, date: '2026-04-06T09:00:00.000Z', summary: 'Updated: references.' },
    ]
    expect(
      csaf(make({ revisions, publishedAt: '2026-04-03T00:00:00.000Z', updatedAt: '2026-04-06T09:00:00.000Z' })).document.tracking,
    ).toEqual({
      id: 'OKLANT-2026-0010',
      status: 'final',
      version: '3',
      initial_release_date: '2026-04-02T09:00:00.000Z',
      current_release_date: '2026-04-06T09:00:00.000Z',
      revision_history: revisions.map((r) => ({ ...r, number: String(r.number) })),
      generator: { date: '2026-04-06T09:00:00.000Z', engine: { name: 'Embargo' } },
    })
    expect(csaf(make({ revisions: [] })).document.tracking).toMatchObject({ version: '1' })
  })
})
