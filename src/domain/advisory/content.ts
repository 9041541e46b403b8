/**
 * What the team writes in an advisory, checked before it is stored: the fields of the record
 * (advisory.ts) that a person edits, each bounded and in the format the exports need. Pure.
 *
 * The CVE id is entered by hand and checked for the CVE-YYYY-NNNN+ form; CWE ids are checked for
 * their form here (the severity helper's CWE list validation replaces this at merge); CVSS vectors
 * for their prefix (scored by the severity helper's functions at merge).
 */
import { PackageURL } from 'packageurl-js'
import semver from 'semver'
import { fail, ok, type Result } from '../result.js'
import {
  type AdvisorySeverity,
  type AffectedProduct,
  type Credit,
  type CreditRole,
  creditRoles,
  type QualitativeSeverity,
  qualitativeSeverities,
  type Reference,
  type ReferenceKind,
  referenceKinds,
  type VersionRange,
} from './advisory.js'
import { type CweCatalogue, validateCwe } from './cwe.js'
import { isOsvEcosystem, purlTypes, semverEcosystems } from './ecosystems.js'

/** The editable part of an advisory; identifiers other than the CVE are allocated, never typed. */
export interface AdvisoryContent {
  title: string
  summary: string
  description: string
  workarounds: string
  affected: AffectedProduct[]
  cwes: string[]
  severity: AdvisorySeverity
  references: Reference[]
  credits: Credit[]
  cve?: string
}

export const contentLimits = {
  title: 200,
  summary: 1_000,
  text: 50_000,
  name: 200,
  version: 100,
  url: 2_048,
  vector: 200,
  rows: 50,
  cwes: 20,
} as const

/** One row of the affected products as the form sends it: one range per row; rows naming the same product are merged. */
export interface AffectedRow {
  kind: string
  ecosystem: string
  name: string
  vendor: string
  product: string
  introduced: string
  fixed: string
  lastAffected: string
  status: string
}

/** The content as typed, before checking. */
export interface ContentInput {
  title: string
  summary: string
  description: string
  workarounds: string
  affected: AffectedRow[]
  cwes: string
  cvss31: string
  cvss40: string
  qualitative: string
  references: { kind: string; url: string }[]
  credits: { name: string; role: string }[]
  cve: string
}

export type ContentProblem = { field: string; problem: 'required' | 'too-long' | 'invalid' | 'too-many' }

export const cvePattern = /^CVE-\d{4}-\d{4,19}$/
export const cwePattern = /^CWE-[1-9]\d{0,5}$/
const cvss31Pattern = /^CVSS:3\.1\/[A-Za-z:/]{1,190}$/
const cvss40Pattern = /^CVSS:4\.0\/[A-Za-z:/]{1,190}$/
// Control characters are refused in one-line fields, NUL everywhere, and malformed Unicode (lone surrogates) everywhere.
const controlChar = (c: number) => c < 0x20 || c === 0x7f
const oneLineBad = { test: (s: string) => !s.isWellFormed() || [...s].some((ch) => controlChar(ch.codePointAt(0) ?? 0)) }
const textBad = { test: (s: string) => !s.isWellFormed() || s.includes(String.fromCharCode(0)) }

const length = (s: string) => [...s].length

function safeUrl(value: string): boolean {
  if (length(value) > contentLimits.url || oneLineBad.test(value)) return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** Builds the purl of a package in an ecosystem that has a purl type (Maven "group:artifact", Go/Packagist "a/b/name"). */
export function purlOf(ecosystem: string, name: string): string | undefined {
  const type = purlTypes[ecosystem.split(':')[0] as keyof typeof purlTypes]
  if (!type) return undefined
  let namespace: string | undefined
  let local = name
  if (type === 'maven' && name.includes(':')) [namespace, local] = name.split(':', 2) as [string, string]
  else if (name.includes('/') && type !== 'pypi') {
    const cut = name.lastIndexOf('/')
    namespace = name.slice(0, cut)
    local = name.slice(cut + 1)
  }
  try {
    return new PackageURL(type, namespace, local, undefined, undefined, undefined).toString()
  } catch {
    return undefined
  }
}

function versionOk(ecosystem: string, version: string, allowZero: boolean): boolean {
  if (version === '') return true
  if (length(version) > contentLimits.version || oneLineBad.test(version) || /\s/.test(version)) return false
  if (allowZero && version === '0') return true
  if (semverEcosystems.has(ecosystem.split(':')[0] ?? '')) return semver.valid(version) !== null
  return true
}

function checkAffected(rows: AffectedRow[], problems: ContentProblem[]): AffectedProduct[] {
  const out: AffectedProduct[] = []
  const filled = rows.filter((r) => [r.ecosystem, r.name, r.vendor, r.product, r.introduced, r.fixed, r.lastAffected].some((v) => v !== ''))
  if (filled.length > contentLimits.rows) problems.push({ field: 'affected', problem: 'too-many' })
  filled.slice(0, contentLimits.rows).forEach((r, i) => {
    const field = (name: string) => `affected.${i}.${name}`
    const status = r.status === 'not-affected' ? 'not-affected' : 'affected'
    const isPackage = r.kind !== 'product'
    const ecosystem = isPackage ? r.ecosystem : ''
    for (const [name, value] of Object.entries({ name: r.name, vendor: r.vendor, product: r.product })) {
      if (length(value) > contentLimits.name || oneLineBad.test(value)) problems.push({ field: field(name), problem: 'invalid' })
    }
    if (isPackage) {
      if (!isOsvEcosystem(r.ecosystem)) problems.push({ field: field('ecosystem'), problem: 'invalid' })
      if (r.name.trim() === '') problems.push({ field: field('name'), problem: 'required' })
    } else if (r.product.trim() === '' || r.vendor.trim() === '') {
      problems.push({ field: field(r.vendor.trim() === '' ? 'vendor' : 'product'), problem: 'required' })
    }
    if (!versionOk(ecosystem, r.introduced, true)) problems.push({ field: field('introduced'), problem: 'invalid' })
    if (!versionOk(ecosystem, r.fixed, false)) problems.push({ field: field('fixed'), problem: 'invalid' })
    if (!versionOk(ecosystem, r.lastAffected, false)) problems.push({ field: field('lastAffected'), problem: 'invalid' })
    if (r.fixed !== '' && r.lastAffected !== '') problems.push({ field: field('lastAffected'), problem: 'invalid' })
    const range: VersionRange = { introduced: r.introduced === '' ? '0' : r.introduced }
    if (r.fixed !== '') range.fixed = r.fixed
    if (r.lastAffected !== '') range.lastAffected = r.lastAffected
    const same = out.find((p) =>
      p.kind === 'package' && isPackage
        ? p.ecosystem === r.ecosystem && p.name === r.name && p.status === status
        : p.kind === 'product' && !isPackage && p.vendor === r.vendor && p.product === r.product && p.status === status,
    )
    if (same) {
      same.ranges.push(range)
      return
    }
    if (isPackage) {
      const purl = purlOf(r.ecosystem, r.name)
      out.push({ kind: 'package', ecosystem: r.ecosystem, name: r.name, ...(purl ? { purl } : {}), ranges: [range], status })
    } else {
      out.push({ kind: 'product', vendor: r.vendor, product: r.product, ranges: [range], status })
    }
  })
  return out
}

/** Checks what was typed and returns the content to store, or every problem found (by field). */
/**
 * What the organization's policy and the CWE list add to the checks: under qualitative scoring no
 * vector is accepted (no number may ever be shown), and CWE ids must be current entries of the list.
 */
export interface ContentContext {
  /** The policy scores qualitatively (`severity.scoring: qualitative`). */
  qualitativeOnly?: boolean
  /** The canonical form of a vector the scoring library scores completely, or undefined (src/domain/severity). */
  canonicalVector?: (version: '3.1' | '4.0', vector: string) => string | undefined
  cwes?: CweCatalogue
}

export function checkContent(input: ContentInput, context: ContentContext = {}): Result<AdvisoryContent, ContentProblem[]> {
  const problems: ContentProblem[] = []
  const line = (field: string, value: string, max: number, required = false) => {
    if (required && value.trim() === '') problems.push({ field, problem: 'required' })
    else if (length(value) > max) problems.push({ field, problem: 'too-long' })
    else if (oneLineBad.test(value)) problems.push({ field, problem: 'invalid' })
  }
  const text = (field: string, value: string) => {
    if (length(value) > contentLimits.text) problems.push({ field, problem: 'too-long' })
    else if (textBad.test(value)) problems.push({ field, problem: 'invalid' })
  }
  line('title', input.title, contentLimits.title, true)
  text('summary', input.summary)
  if (length(input.summary) > contentLimits.summary) problems.push({ field: 'summary', problem: 'too-long' })
  text('description', input.description)
  text('workarounds', input.workarounds)

  const affected = checkAffected(input.affected, problems)

  const cwes = [
    ...new Set(
      input.cwes
        .split(/[\s,;]+/)
        .filter((c) => c !== '')
        .map((c) => c.toUpperCase()),
    ),
  ]
  if (cwes.length > contentLimits.cwes) problems.push({ field: 'cwes', problem: 'too-many' })
  if (cwes.some((c) => !cwePattern.test(c))) problems.push({ field: 'cwes', problem: 'invalid' })
  else if (context.cwes) {
    const catalogue = context.cwes
    if (cwes.some((c) => !validateCwe(catalogue, c).ok)) problems.push({ field: 'cwes', problem: 'invalid' })
  }

  const severity: AdvisorySeverity = {}
  const cvss31 = input.cvss31.trim()
  const cvss40 = input.cvss40.trim()
  // Vectors are scored by the one scoring library (src/domain/severity): a vector it cannot score
  // completely is refused, and the canonical form is kept.
  const canonical = (version: '3.1' | '4.0', vector: string, pattern: RegExp) =>
    !pattern.test(vector) ? undefined : context.canonicalVector ? context.canonicalVector(version, vector) : vector
  if (cvss31 !== '') {
    const vector = canonical('3.1', cvss31, cvss31Pattern)
    if (context.qualitativeOnly || !vector) problems.push({ field: 'cvss31', problem: 'invalid' })
    else severity.cvss31 = vector
  }
  if (cvss40 !== '') {
    const vector = canonical('4.0', cvss40, cvss40Pattern)
    if (context.qualitativeOnly || !vector) problems.push({ field: 'cvss40', problem: 'invalid' })
    else severity.cvss40 = vector
  }
  if (input.qualitative !== '') {
    if ((qualitativeSeverities as readonly string[]).includes(input.qualitative))
      severity.qualitative = input.qualitative as QualitativeSeverity
    else problems.push({ field: 'qualitative', problem: 'invalid' })
  }

  const references: Reference[] = []
  const refRows = input.references.filter((r) => r.url.trim() !== '')
  if (refRows.length > contentLimits.rows) problems.push({ field: 'references', problem: 'too-many' })
  refRows.slice(0, contentLimits.rows).forEach((r, i) => {
    const url = r.url.trim()
    if (!(referenceKinds as readonly string[]).includes(r.kind)) problems.push({ field: `references.${i}.kind`, problem: 'invalid' })
    else if (!safeUrl(url)) problems.push({ field: `references.${i}.url`, problem: 'invalid' })
    else references.push({ kind: r.kind as ReferenceKind, url })
  })

  const credits: Credit[] = []
  const creditRows = input.credits.filter((c) => c.name.trim() !== '')
  if (creditRows.length > contentLimits.rows) problems.push({ field: 'credits', problem: 'too-many' })
  creditRows.slice(0, contentLimits.rows).forEach((c, i) => {
    if (!(creditRoles as readonly string[]).includes(c.role)) problems.push({ field: `credits.${i}.role`, problem: 'invalid' })
    else if (length(c.name) > contentLimits.name || oneLineBad.test(c.name))
      problems.push({ field: `credits.${i}.name`, problem: 'invalid' })
    else credits.push({ name: c.name.trim(), role: c.role as CreditRole })
  })

  const cve = input.cve.trim().toUpperCase()
  if (cve !== '' && !cvePattern.test(cve)) problems.push({ field: 'cve', problem: 'invalid' })

  if (problems.length > 0) return fail(problems)
  return ok({
    title: input.title,
    summary: input.summary,
    description: input.description,
    workarounds: input.workarounds,
    affected,
    cwes,
    severity,
    references,
    credits,
    ...(cve !== '' ? { cve } : {}),
  })
}

/** The content of an advisory record, for editing it again. */
export const contentOf = (a: AdvisoryContent): AdvisoryContent => ({
  title: a.title,
  summary: a.summary,
  description: a.description,
  workarounds: a.workarounds,
  affected: a.affected,
  cwes: a.cwes,
  severity: a.severity,
  references: a.references,
  credits: a.credits,
  ...(a.cve ? { cve: a.cve } : {}),
})
