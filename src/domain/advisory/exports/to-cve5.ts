/**
 * The CNA container of a CVE JSON 5.1 record (what a CNA posts to CVE Services as
 * `{ cnaContainer }`; the service sets `providerMetadata` and the record's metadata itself).
 * Built only from the PublishedAdvisory record, so nothing internal can reach it. A qualitative-only
 * severity is carried as text (`other`), never as a number.
 */
import type { AffectedProduct, PublishedAdvisory, Publisher, ReferenceKind, VersionRange } from '../advisory.js'
import { cvss31, cvss40 } from './cvss.js'
import { cweName } from './cwe-names.js'
import { collectionUrl, semverText, usesSemver } from './ecosystems.js'
import { advisoryUrl } from './urls.js'

type Lang = { lang: 'en' }
type Text = Lang & { value: string }

export interface Cve5Version {
  version: string
  status: 'affected' | 'unaffected'
  versionType?: string
  lessThan?: string
  lessThanOrEqual?: string
}

export interface Cve5Affected {
  vendor?: string
  product?: string
  collectionURL?: string
  packageName?: string
  versions?: Cve5Version[]
  defaultStatus: 'affected' | 'unaffected' | 'unknown'
}

export interface CnaContainer {
  title: string
  datePublic: string
  descriptions: (Text & { supportingMedia?: { type: string; base64: boolean; value: string }[] })[]
  affected: Cve5Affected[]
  problemTypes?: { descriptions: (Lang & { description: string; cweId: string; type: 'CWE' })[] }[]
  metrics?: Record<string, unknown>[]
  workarounds?: Text[]
  references: { url: string; tags?: string[] }[]
  credits?: (Text & { type: string })[]
  source: { discovery: 'UNKNOWN' | 'EXTERNAL' | 'INTERNAL' }
  x_generator: { engine: string }
}

const referenceTags: Record<ReferenceKind, string[] | undefined> = {
  advisory: ['vendor-advisory'],
  fix: ['patch'],
  report: ['issue-tracking'],
  web: undefined,
  package: ['product'],
}

function versions(product: AffectedProduct): Cve5Version[] {
  const semver = usesSemver(product)
  const versionType = semver ? 'semver' : 'custom'
  const v = (s: string) => (semver ? semverText(s) : s)
  const status = product.status === 'affected' ? 'affected' : 'unaffected'
  return product.ranges.map((r: VersionRange) => {
    if (r.fixed) return { version: v(r.introduced), status, lessThan: v(r.fixed), versionType }
    if (r.lastAffected) return { version: v(r.introduced), status, lessThanOrEqual: v(r.lastAffected), versionType }
    // From `introduced` on with no known end: every later version.
    return r.introduced === '0'
      ? { version: '0', status, lessThan: '*', versionType }
      : { version: v(r.introduced), status, lessThan: '*', versionType }
  })
}

function affected(product: AffectedProduct, publisher: Publisher): Cve5Affected {
  const where =
    product.kind === 'product'
      ? { vendor: product.vendor, product: product.product }
      : collectionUrl(product.ecosystem)
        ? { collectionURL: collectionUrl(product.ecosystem), packageName: product.name, product: product.name }
        : { vendor: publisher.name, product: product.name, packageName: product.name }
  const list = versions(product)
  return {
    ...where,
    ...(list.length ? { versions: list } : {}),
    defaultStatus: list.length ? 'unaffected' : product.status === 'affected' ? 'affected' : 'unaffected',
  }
}

function metrics(advisory: PublishedAdvisory): Record<string, unknown>[] {
  const general = { scenarios: [{ lang: 'en', value: 'GENERAL' }] }
  const out: Record<string, unknown>[] = []
  const v4 = cvss40(advisory.severity.cvss40)
  if (v4) out.push({ format: 'CVSS', ...general, cvssV4_0: v4 })
  const v3 = cvss31(advisory.severity.cvss31)
  if (v3) out.push({ format: 'CVSS', ...general, cvssV3_1: v3 })
  if (!out.length && advisory.severity.qualitative)
    out.push({ format: 'other', ...general, other: { type: 'qualitative-severity', content: { text: advisory.severity.qualitative } } })
  return out
}

const uniqueByUrl = <T extends { url: string }>(list: T[]): T[] => list.filter((r, i) => list.findIndex((o) => o.url === r.url) === i)

export function toCve5(advisory: PublishedAdvisory, publisher: Publisher): CnaContainer {
  const withdrawn = advisory.state === 'withdrawn'
  const summary = [withdrawn ? `WITHDRAWN${advisory.withdrawnReason ? `: ${advisory.withdrawnReason}` : ''}.` : '', advisory.summary]
    .filter(Boolean)
    .join(' ')
  const markdown = [summary, advisory.description].filter((s) => s.trim() !== '').join('\n\n')
  const problemTypes = advisory.cwes
    .map((id) => ({ id, name: cweName(id) }))
    .map(({ id, name }) => ({ lang: 'en' as const, cweId: id, description: name ? `${id} ${name}` : id, type: 'CWE' as const }))
  const scored = metrics(advisory)
  return {
    title: advisory.title.slice(0, 256),
    datePublic: advisory.publishedAt,
    descriptions: [{ lang: 'en', value: markdown, supportingMedia: [{ type: 'text/markdown', base64: false, value: markdown }] }],
    affected: advisory.affected.map((p) => affected(p, publisher)),
    ...(problemTypes.length ? { problemTypes: [{ descriptions: problemTypes }] } : {}),
    ...(scored.length ? { metrics: scored } : {}),
    ...(advisory.workarounds.trim() ? { workarounds: [{ lang: 'en' as const, value: advisory.workarounds }] } : {}),
    references: uniqueByUrl([
      { url: advisoryUrl(publisher, advisory), tags: ['vendor-advisory'] },
      ...advisory.references.map((r) => ({ url: r.url, ...(referenceTags[r.kind] ? { tags: referenceTags[r.kind] } : {}) })),
    ]),
    ...(advisory.credits.length ? { credits: advisory.credits.map((c) => ({ lang: 'en' as const, value: c.name, type: c.role })) } : {}),
    source: { discovery: advisory.credits.some((c) => c.role === 'finder' || c.role === 'reporter') ? 'EXTERNAL' : 'UNKNOWN' },
    x_generator: { engine: 'Embargo' },
  }
}
