/**
 * The advisory as the rules and the exports see it: one record from which the public pages, the
 * Atom feed, CVE JSON 5, OSV and CSAF are all made. Times are ISO-8601 UTC strings passed in by the
 * caller (the domain never reads a clock). Text fields hold Markdown written by the team; they are
 * rendered only through the one Markdown component.
 *
 * This file is the contract between the advisory feature (storage, pages, workflow) and the
 * exports (src/domain/advisory/exports/*): both build on these types and nothing else.
 */

/** Where an advisory stands. Every change of state or content is a revision. */
export const advisoryStates = ['draft', 'in-review', 'ready', 'scheduled', 'published', 'withdrawn'] as const
export type AdvisoryState = (typeof advisoryStates)[number]

/** GitHub's credit roles (the same list CVE JSON 5 and CSAF use, spelt as in CVE JSON 5). */
export const creditRoles = [
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
export type CreditRole = (typeof creditRoles)[number]

/**
 * A public credit line. Only consented credits ever become one: a reporter's credit exists here
 * only once the reporter accepted it (or the policy credits unless declined and they did not
 * decline), with the name they chose.
 */
export interface Credit {
  name: string
  role: CreditRole
}

/** Typed references, as GitHub advisories and OSV distinguish them. */
export const referenceKinds = ['advisory', 'fix', 'report', 'web', 'package'] as const
export type ReferenceKind = (typeof referenceKinds)[number]
export interface Reference {
  kind: ReferenceKind
  url: string
}

/**
 * One range of affected versions, in OSV's event form: affected from `introduced` (inclusive;
 * "0" for "every version before the fix"), up to `fixed` (exclusive) or up to and including
 * `lastAffected`. Versions are the ecosystem's own strings (semver where it uses semver).
 */
export interface VersionRange {
  introduced: string
  fixed?: string
  lastAffected?: string
}

/**
 * An affected product: a package in an OSV ecosystem (npm, PyPI, Maven, Go, crates.io, …) with
 * its purl, or a free vendor/product pair for software outside any package ecosystem.
 * `status: 'not-affected'` marks a product checked and found not affected (a CSAF VEX document is
 * then produced).
 */
export type AffectedProduct =
  | {
      kind: 'package'
      ecosystem: string
      name: string
      purl?: string
      ranges: VersionRange[]
      status: 'affected' | 'not-affected'
    }
  | {
      kind: 'product'
      vendor: string
      product: string
      ranges: VersionRange[]
      status: 'affected' | 'not-affected'
    }

export const qualitativeSeverities = ['low', 'medium', 'high', 'critical'] as const
export type QualitativeSeverity = (typeof qualitativeSeverities)[number]

/**
 * The severity as the policy's scoring allows: CVSS 3.1 and/or 4.0 vectors (scores are computed,
 * never stored by hand), or only a qualitative level when the policy scores qualitatively.
 */
export interface AdvisorySeverity {
  cvss31?: string
  cvss40?: string
  qualitative?: QualitativeSeverity
}

export interface AdvisoryIdentifiers {
  /** The organization's own id, e.g. "OKLANT-2026-0003"; always present. */
  own: string
  cve?: string
  gcve?: string
}

export interface Advisory {
  id: string
  identifiers: AdvisoryIdentifiers
  state: AdvisoryState
  title: string
  summary: string
  description: string
  workarounds: string
  affected: AffectedProduct[]
  /** "CWE-79" style ids, validated against the CWE list. */
  cwes: string[]
  severity: AdvisorySeverity
  references: Reference[]
  credits: Credit[]
  /** Revision number, 1 for the first draft; each published update increments it. */
  revision: number
  createdAt: string
  updatedAt: string
  publishedAt?: string
  scheduledFor?: string
  withdrawnAt?: string
  withdrawnReason?: string
  /** Every published revision, oldest first (the CSAF revision history); given by the source that serves the record. */
  revisions?: PublishedRevision[]
}

/** One revision the public saw: its number (1, 2, 3…), when, and what changed. */
export interface PublishedRevision {
  number: number
  date: string
  summary: string
}

/** Who publishes: what every export names as the source. */
export interface Publisher {
  name: string
  slug: string
  /** The instance's public base URL, e.g. "https://embargo.example.org". */
  baseUrl: string
  /** The public security contact, e.g. "security@example.org". */
  contact?: string
  /** The organization's public namespace for CSAF (its web site), e.g. "https://example.org". */
  namespace: string
}

/** A published revision: the only thing exports accept. */
export type PublishedAdvisory = Advisory & { state: 'published' | 'withdrawn'; publishedAt: string }
