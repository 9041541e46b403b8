/**
 * What a feed reader or a CSAF aggregator fetches besides the documents: the Atom feed
 * (atom-feed.ts), the CSAF provider files (csaf-provider.ts), the public addresses (urls.ts), and
 * the parts the exports share: CVSS scores (cvss.ts), CWE names (cwe-names.ts), package registries
 * and semver (exports/ecosystems.ts). Issue 17: each test pins a rule mutation testing found unpinned.
 */
import { describe, expect, it } from 'vitest'
import type { AffectedProduct, PublishedAdvisory, Publisher } from '../../../src/domain/advisory/advisory.js'
import { atomFeed, lastChange, newestFirst } from '../../../src/domain/advisory/exports/atom-feed.js'
import { changesCsv, csafPath, indexTxt, providerMetadata, rolieFeed } from '../../../src/domain/advisory/exports/csaf-provider.js'
import { cvss31, cvss40 } from '../../../src/domain/advisory/exports/cvss.js'
import { cweName } from '../../../src/domain/advisory/exports/cwe-names.js'
import { collectionUrl, semverText, usesSemver } from '../../../src/domain/advisory/exports/ecosystems.js'
import { advisoriesUrl, advisoryUrl, csafDocumentUrl, csafFileName } from '../../../src/domain/advisory/exports/urls.js'
import { publisher } from '../../support/advisories.js'

const make = (own: string, over: Partial<PublishedAdvisory> = {}): PublishedAdvisory => ({
  id: own,
  identifiers: { own },
  state: 'published',
  title: `Title of ${own}`,
  summary: `Summary of ${own}`,
  description: '',
  workarounds: '',
  affected: [],
  cwes: [],
  severity: {},
  references: [],
  credits: [],
  revision: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  publishedAt: '2026-02-01T00:00:00.000Z',
  ...over,
})

const first = make('ACME-2025-0001', { publishedAt: '2025-12-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' })
const second = make('ACME-2026-0002', { publishedAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' })
const third = make('ACME-2026-0003', {
  state: 'withdrawn',
  publishedAt: '2026-01-10T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
  withdrawnAt: '2026-01-20T00:00:00.000Z',
})
const acme: Publisher = { name: 'Acme & Sons', slug: 'acme', baseUrl: 'https://cvd.example//', namespace: 'https://acme.example' }

describe('public addresses', () => {
  it('one base per organization, with no doubled slash, slug and id encoded', () => {
    expect(advisoriesUrl(acme)).toBe('https://cvd.example/o/acme/advisories')
    expect(advisoryUrl({ ...acme, slug: 'a b' }, { identifiers: { own: 'ACME/2026 1' } })).toBe(
      'https://cvd.example/o/a%20b/advisories/ACME%2F2026%201',
    )
    expect(advisoriesUrl(publisher)).toBe('https://embargo.example.org/o/oklant/advisories')
  })

  it('a CSAF document sits under white/<year of publication>/ with the CSAF file name of its id', () => {
    expect(csafFileName('OKLANT-2026-0003')).toBe('oklant-2026-0003.json')
    expect(csafFileName('Acme ADV/2026:1+x')).toBe('acme_adv_2026_1+x.json')
    expect(csafDocumentUrl(acme, first)).toBe('https://cvd.example/o/acme/.well-known/csaf/white/2025/acme-2025-0001.json')
    expect(csafPath(second)).toBe('2026/acme-2026-0002.json')
  })
})

describe('when an advisory last changed', () => {
  it('its withdrawal, else the later of publication and update', () => {
    expect(lastChange(first)).toBe('2026-03-01T00:00:00.000Z')
    expect(lastChange(make('X', { publishedAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-04-01T00:00:00.000Z' }))).toBe(
      '2026-05-01T00:00:00.000Z',
    )
    expect(lastChange(third)).toBe('2026-01-20T00:00:00.000Z')
  })

  it('lists are newest change first, and the list given is left as it was', () => {
    const list = [third, second, first]
    expect(newestFirst(list).map((a) => a.identifiers.own)).toEqual(['ACME-2025-0001', 'ACME-2026-0002', 'ACME-2026-0003'])
    expect(list.map((a) => a.identifiers.own)).toEqual(['ACME-2026-0003', 'ACME-2026-0002', 'ACME-2025-0001'])
  })
})

describe('the Atom feed', () => {
  const labels = { title: 'Acme <advisories>', withdrawn: 'Withdrawn' }

  it('one entry per advisory with its links, ids, dates and summary, every text escaped', () => {
    const a = make('ACME-2026-0009', {
      identifiers: { own: 'ACME-2026-0009', cve: 'CVE-2026-1', gcve: 'GCVE-1-2026-0001' },
      title: `"Quotes" & 'apostrophes' <b>`,
      summary: 'Bell\u0007 and NUL\u0000 are dropped; tabs\tand\nlines stay; \uFFFE too is dropped',
      publishedAt: '2026-02-01T00:00:00.000Z',
      updatedAt: '2026-02-03T00:00:00.000Z',
    })
    const url = 'https://cvd.example/o/acme/advisories/ACME-2026-0009'
    expect(atomFeed(acme, [a], labels)).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '  <id>https://cvd.example/o/acme/advisories</id>',
        '  <title>Acme &lt;advisories&gt;</title>',
        '  <link rel="self" type="application/atom+xml" href="https://cvd.example/o/acme/advisories.atom"/>',
        '  <link rel="alternate" type="text/html" href="https://cvd.example/o/acme/advisories"/>',
        '  <updated>2026-02-03T00:00:00.000Z</updated>',
        '  <author><name>Acme &amp; Sons</name></author>',
        '  <entry>',
        `    <id>${url}</id>`,
        '    <title>&quot;Quotes&quot; &amp; &apos;apostrophes&apos; &lt;b&gt;</title>',
        `    <link rel="alternate" type="text/html" href="${url}"/>`,
        `    <link rel="alternate" type="application/json" title="OSV" href="${url}.osv.json"/>`,
        `    <link rel="alternate" type="application/json" title="CVE JSON 5" href="${url}.cve.json"/>`,
        '    <link rel="alternate" type="application/json" title="CSAF" href="https://cvd.example/o/acme/.well-known/csaf/white/2026/acme-2026-0009.json"/>',
        '    <published>2026-02-01T00:00:00.000Z</published>',
        '    <updated>2026-02-03T00:00:00.000Z</updated>',
        '    <summary type="text">ACME-2026-0009, CVE-2026-1, GCVE-1-2026-0001: Bell and NUL are dropped; tabs\tand\nlines stay;  too is dropped</summary>',
        '  </entry>',
        '</feed>',
        '',
      ].join('\n'),
    )
  })

  it('keeps characters beyond the basic plane, drops lone surrogates', () => {
    const feed = atomFeed(acme, [make('X', { summary: 'emoji 😀 half \uD800 end' })], labels)
    expect(feed).toContain('<summary type="text">X: emoji 😀 half  end</summary>')
  })

  it('newest change first; a withdrawn advisory is labelled in its title; ids list only those it has', () => {
    const feed = atomFeed(acme, [third, second, first], labels)
    const titles = [...feed.matchAll(/<entry>\n {4}<id>[^<]*<\/id>\n {4}<title>([^<]*)<\/title>/g)].map((m) => m[1])
    expect(titles).toEqual(['Title of ACME-2025-0001', 'Title of ACME-2026-0002', '[Withdrawn] Title of ACME-2026-0003'])
    expect(feed).toContain('  <updated>2026-03-01T00:00:00.000Z</updated>\n  <author>')
    expect(feed).toContain('<summary type="text">ACME-2026-0002: Summary of ACME-2026-0002</summary>')
    expect(feed).toContain('<updated>2026-01-20T00:00:00.000Z</updated>\n    <summary type="text">ACME-2026-0003')
  })

  it('an empty feed is dated at the epoch and has no entries', () => {
    const feed = atomFeed(acme, [], labels)
    expect(feed).toContain('  <updated>1970-01-01T00:00:00.000Z</updated>')
    expect(feed).not.toContain('<entry>')
  })
})

describe('the CSAF provider files', () => {
  const csafPublisher = { category: 'vendor', name: 'Acme & Sons', namespace: 'https://acme.example' }
  const white = 'https://cvd.example/o/acme/.well-known/csaf/white'

  it('provider metadata of a signing organization: a trusted provider with its key, dated by the newest change', () => {
    expect(providerMetadata(acme, [second, first], { fingerprint: 'ABCD', url: 'https://cvd.example/key.asc' }, csafPublisher)).toEqual({
      canonical_url: 'https://cvd.example/o/acme/.well-known/csaf/provider-metadata.json',
      distributions: [
        {
          directory_url: white,
          rolie: { feeds: [{ summary: 'TLP:WHITE advisories', tlp_label: 'WHITE', url: `${white}/csaf-feed-tlp-white.json` }] },
        },
      ],
      last_updated: '2026-03-01T00:00:00.000Z',
      list_on_CSAF_aggregators: true,
      metadata_version: '2.0',
      mirror_on_CSAF_aggregators: true,
      public_openpgp_keys: [{ fingerprint: 'ABCD', url: 'https://cvd.example/key.asc' }],
      publisher: csafPublisher,
      role: 'csaf_trusted_provider',
    })
  })

  it('without a key: a plain provider with no keys listed; with no advisory, dated at the epoch', () => {
    const meta = providerMetadata(acme, [], null, csafPublisher)
    expect(meta).toMatchObject({ role: 'csaf_provider', last_updated: '1970-01-01T00:00:00.000Z' })
    expect('public_openpgp_keys' in meta).toBe(false)
  })

  it('index.txt lists every document path; changes.csv every path with its last change, newest first', () => {
    expect(indexTxt([second, first])).toBe('2026/acme-2026-0002.json\n2025/acme-2025-0001.json\n')
    expect(indexTxt([])).toBe('')
    expect(changesCsv([second, third, first])).toBe(
      '"2025/acme-2025-0001.json","2026-03-01T00:00:00.000Z"\n' +
        '"2026/acme-2026-0002.json","2026-02-01T00:00:00.000Z"\n' +
        '"2026/acme-2026-0003.json","2026-01-20T00:00:00.000Z"\n',
    )
  })

  it('the ROLIE feed lists each document with its hashes, and its signature when documents are signed', () => {
    const doc = `${white}/2026/acme-2026-0002.json`
    const feed = rolieFeed(acme, [second], true)
    expect(feed).toEqual({
      feed: {
        id: 'acme-csaf-feed-tlp-white',
        title: 'Acme & Sons CSAF feed (TLP:WHITE)',
        link: [{ rel: 'self', href: `${white}/csaf-feed-tlp-white.json` }],
        category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
        updated: '2026-02-01T00:00:00.000Z',
        entry: [
          {
            id: 'ACME-2026-0002',
            title: 'Title of ACME-2026-0002',
            link: [
              { rel: 'self', href: doc },
              { rel: 'hash', href: `${doc}.sha256` },
              { rel: 'hash', href: `${doc}.sha512` },
              { rel: 'signature', href: `${doc}.asc` },
            ],
            published: '2026-02-01T00:00:00.000Z',
            updated: '2026-02-01T00:00:00.000Z',
            summary: { content: 'Summary of ACME-2026-0002' },
            content: { type: 'application/json', src: doc },
            format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' },
          },
        ],
      },
    })
  })

  it('unsigned: no signature link; newest change first; an advisory without summary is summed up by its title', () => {
    const feed = rolieFeed(acme, [second, make('ACME-2026-0004', { summary: '', updatedAt: '2026-05-01T00:00:00.000Z' })], false) as {
      feed: { updated: string; entry: { id: string; link: { rel: string }[]; summary: { content: string }; updated: string }[] }
    }
    expect(feed.feed.updated).toBe('2026-05-01T00:00:00.000Z')
    expect(feed.feed.entry.map((e) => [e.id, e.link.map((l) => l.rel), e.summary.content, e.updated])).toEqual([
      ['ACME-2026-0004', ['self', 'hash', 'hash'], 'Title of ACME-2026-0004', '2026-05-01T00:00:00.000Z'],
      ['ACME-2026-0002', ['self', 'hash', 'hash'], 'Summary of ACME-2026-0002', '2026-02-01T00:00:00.000Z'],
    ])
    expect((rolieFeed(acme, [], false) as { feed: { updated: string; entry: unknown[] } }).feed).toMatchObject({
      updated: '1970-01-01T00:00:00.000Z',
      entry: [],
    })
  })
})

describe('CVSS scores in the exports', () => {
  const base31 = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N'
  const base40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N'

  it('a complete 3.1 base vector gives its base score and the metrics it defines', () => {
    expect(cvss31(base31)).toEqual({
      version: '3.1',
      vectorString: base31,
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
    })
  })

  it('temporal and environmental metrics are carried as given, their scores never', () => {
    const temporal = `${base31}/E:F/RL:O/RC:C`
    expect(cvss31(temporal)).toEqual({
      ...cvss31(base31),
      vectorString: temporal,
      exploitCodeMaturity: 'FUNCTIONAL',
      remediationLevel: 'OFFICIAL_FIX',
      reportConfidence: 'CONFIRMED',
    })
    const environmental = `${base31}/CR:X/IR:X/AR:X/MAV:L/MAC:X/MPR:X/MUI:X/MS:X/MC:X/MI:X/MA:X`
    expect(cvss31(environmental)).toEqual({ ...cvss31(base31), vectorString: environmental, modifiedAttackVector: 'LOCAL' })
    // As the severity feature stores them: the metrics not set are left out, not written as X.
    expect(cvss31(`${base31}/E:F/RL:O`)).toEqual({
      ...cvss31(base31),
      vectorString: `${base31}/E:F/RL:O`,
      exploitCodeMaturity: 'FUNCTIONAL',
      remediationLevel: 'OFFICIAL_FIX',
    })
    expect(cvss31(`${base31}/MAV:L`)).toEqual({ ...cvss31(base31), vectorString: `${base31}/MAV:L`, modifiedAttackVector: 'LOCAL' })
  })

  it('no score for anything but a complete vector in canonical order', () => {
    for (const bad of [
      undefined,
      '',
      'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L',
      'CVSS:3.1/AC:L/AV:N/PR:L/UI:R/S:C/C:L/I:L/A:N',
      'CVSS:3.1/AV:Z/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
      `${base31}/RL:O/E:F`,
      `x${base31}`,
      `${base31}/`,
      'CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
      base40,
    ])
      expect(cvss31(bad), String(bad)).toBeUndefined()
  })

  it('a complete 4.0 base vector gives its score and the metrics it defines', () => {
    expect(cvss40(base40)).toMatchObject({
      version: '4.0',
      vectorString: base40,
      baseScore: 5.1,
      baseSeverity: 'MEDIUM',
      subAvailabilityImpact: 'NONE',
    })
    expect(cvss40(`${base40}/E:A`)).toMatchObject({ vectorString: `${base40}/E:A`, exploitMaturity: 'ATTACKED' })
    expect(Object.values(cvss40(base40) ?? {})).not.toContain('NOT_DEFINED')
    for (const bad of [
      undefined,
      '',
      base31,
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L',
      base40.replace('AV:N', 'AV:Z'),
      `${base40} `,
    ])
      expect(cvss40(bad), String(bad)).toBeUndefined()
  })
})

describe('CWE names in the exports', () => {
  it('names a weakness of the CWE list by its canonical id only', () => {
    expect(cweName('CWE-384')).toBe('Session Fixation')
    for (const id of ['CWE-0', 'CWE-0384', 'cwe-384', 'CWE-384 ', 'xCWE-384', 'CWE-', 'CWE-999999', '384'])
      expect(cweName(id), id).toBeUndefined()
  })
})

describe('package registries and semver in the exports', () => {
  const pkg = (ecosystem: string, ...versions: string[]): AffectedProduct => ({
    kind: 'package',
    ecosystem,
    name: 'x',
    ranges: versions.map((v) => ({ introduced: '0', fixed: v })),
    status: 'affected',
  })

  it('names the registry of the ecosystems that have one, whatever the release suffix', () => {
    expect(collectionUrl('npm')).toBe('https://www.npmjs.com')
    expect(collectionUrl('Maven')).toBe('https://repo.maven.apache.org/maven2')
    expect(collectionUrl('crates.io:edition')).toBe('https://crates.io')
    expect(collectionUrl('Debian:12')).toBeUndefined()
  })

  it('a range is semver only in a semver ecosystem and when every version it names is semver', () => {
    expect(usesSemver(pkg('npm', '1.2.3', '2.0.0-beta.1'))).toBe(true)
    expect(usesSemver(pkg('Go', 'v1.2.3'))).toBe(true)
    expect(usesSemver(pkg('SwiftURL', '5.0.0'))).toBe(true)
    expect(usesSemver(pkg('npm'))).toBe(true)
    expect(usesSemver(pkg('npm', '1.2'))).toBe(false)
    expect(usesSemver(pkg('npm', '=1.2.3'))).toBe(false)
    expect(usesSemver(pkg('npm', '1.2.3', 'next'))).toBe(false)
    expect(usesSemver(pkg('PyPI', '1.2.3'))).toBe(false)
    expect(usesSemver(pkg('npm:web', '1.2.3'))).toBe(false)
    expect(usesSemver({ kind: 'product', vendor: 'npm', product: 'x', ranges: [{ introduced: '1.0.0' }], status: 'affected' })).toBe(false)
  })

  it('"0" (from the start) does not make a range non-semver; every named version counts', () => {
    expect(usesSemver({ ...pkg('npm'), ranges: [{ introduced: '0', lastAffected: '1.0.0' }] })).toBe(true)
    expect(usesSemver({ ...pkg('npm'), ranges: [{ introduced: '1.0', lastAffected: '1.0.0' }] })).toBe(false)
    expect(usesSemver({ ...pkg('npm'), ranges: [{ introduced: '0', lastAffected: '1.0' }] })).toBe(false)
  })

  it('semver versions are written without a leading "v"', () => {
    expect(semverText('v1.2.3')).toBe('1.2.3')
    expect(semverText('vnext')).toBe('vnext')
    expect(semverText('1.0.0-v2')).toBe('1.0.0-v2')
  })
})
