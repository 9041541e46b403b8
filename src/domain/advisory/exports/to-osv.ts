/**
 * OSV 1.7 (https://ossf.github.io/osv-schema/) from a published advisory: one entry per advisory,
 * its id the organization's own (with OSV's "x_" local-database prefix), CVE and GCVE as aliases, ranges in the ecosystem's own type
 * (SEMVER where the ecosystem and the versions are semver, ECOSYSTEM otherwise). Products outside
 * any package ecosystem cannot be an OSV `affected` entry: they are listed in database_specific.
 * Built only from the PublishedAdvisory record, so nothing internal can reach it.
 */
import type { CreditRole, PublishedAdvisory, Publisher, ReferenceKind, VersionRange } from '../advisory.js'
import { semverText, usesSemver } from './ecosystems.js'
import { advisoryUrl } from './urls.js'

export const osvSchemaVersion = '1.7.0'

type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string }

export interface OsvEntry {
  schema_version: string
  id: string
  modified: string
  published: string
  withdrawn?: string
  aliases?: string[]
  summary: string
  details: string
  severity?: { type: 'CVSS_V3' | 'CVSS_V4'; score: string }[]
  affected: {
    package: { ecosystem: string; name: string; purl?: string }
    ranges: { type: 'SEMVER' | 'ECOSYSTEM'; events: OsvEvent[] }[]
  }[]
  references: { type: string; url: string }[]
  credits?: { name: string; type: string }[]
  database_specific: Record<string, unknown>
}

const creditTypes: Record<CreditRole, string> = {
  finder: 'FINDER',
  reporter: 'REPORTER',
  analyst: 'ANALYST',
  coordinator: 'COORDINATOR',
  'remediation developer': 'REMEDIATION_DEVELOPER',
  'remediation reviewer': 'REMEDIATION_REVIEWER',
  'remediation verifier': 'REMEDIATION_VERIFIER',
  tool: 'TOOL',
  sponsor: 'SPONSOR',
  other: 'OTHER',
}

const referenceTypes: Record<ReferenceKind, string> = {
  advisory: 'ADVISORY',
  fix: 'FIX',
  report: 'REPORT',
  web: 'WEB',
  package: 'PACKAGE',
}

function events(range: VersionRange, semver: boolean): OsvEvent[] {
  const v = (s: string) => (semver ? semverText(s) : s)
  const out: OsvEvent[] = [{ introduced: range.introduced === '0' ? '0' : v(range.introduced) }]
  if (range.fixed) out.push({ fixed: v(range.fixed) })
  else if (range.lastAffected) out.push({ last_affected: v(range.lastAffected) })
  return out
}

export function toOsv(advisory: PublishedAdvisory, publisher: Publisher): OsvEntry {
  const { identifiers, severity } = advisory
  const aliases = [identifiers.cve, identifiers.gcve].filter((a): a is string => !!a)
  const scores: NonNullable<OsvEntry['severity']> = []
  if (severity.cvss31) scores.push({ type: 'CVSS_V3', score: severity.cvss31 })
  if (severity.cvss40) scores.push({ type: 'CVSS_V4', score: severity.cvss40 })
  const affected: OsvEntry['affected'] = []
  const products: { vendor: string; product: string }[] = []
  for (const p of advisory.affected) {
    if (p.status !== 'affected') continue
    if (p.kind === 'product') {
      products.push({ vendor: p.vendor, product: p.product })
      continue
    }
    const semver = usesSemver(p)
    affected.push({
      package: { ecosystem: p.ecosystem, name: p.name, ...(p.purl ? { purl: p.purl } : {}) },
      ranges: [{ type: semver ? 'SEMVER' : 'ECOSYSTEM', events: p.ranges.flatMap((r) => events(r, semver)) }],
    })
  }
  const details = [advisory.description, advisory.workarounds ? `## Workarounds\n\n${advisory.workarounds}` : '']
    .filter((s) => s.trim() !== '')
    .join('\n\n')
  return {
    schema_version: osvSchemaVersion,
    // Embargo is not an OSV home database: the spec's "x_" prefix marks a local database's ids.
    id: `x_${identifiers.own}`,
    modified: advisory.withdrawnAt ?? advisory.updatedAt,
    published: advisory.publishedAt,
    ...(advisory.state === 'withdrawn' ? { withdrawn: advisory.withdrawnAt ?? advisory.updatedAt } : {}),
    ...(aliases.length ? { aliases } : {}),
    // OSV puts the rationale of a withdrawal in the summary.
    summary:
      advisory.state === 'withdrawn' && advisory.withdrawnReason
        ? `${advisory.title} (withdrawn: ${advisory.withdrawnReason})`
        : advisory.title,
    details: details || advisory.summary,
    ...(scores.length ? { severity: scores } : {}),
    affected,
    references: [
      { type: 'ADVISORY', url: advisoryUrl(publisher, advisory) },
      ...advisory.references
        .filter((r) => r.url !== advisoryUrl(publisher, advisory))
        .map((r) => ({ type: referenceTypes[r.kind], url: r.url })),
    ],
    ...(advisory.credits.length ? { credits: advisory.credits.map((c) => ({ name: c.name, type: creditTypes[c.role] })) } : {}),
    database_specific: {
      source: advisoryUrl(publisher, advisory),
      ...(advisory.cwes.length ? { cwe_ids: advisory.cwes } : {}),
      ...(severity.qualitative ? { severity: severity.qualitative.toUpperCase() } : {}),
      ...(products.length ? { products } : {}),
      ...(advisory.withdrawnReason ? { withdrawn_reason: advisory.withdrawnReason } : {}),
    },
  }
}
