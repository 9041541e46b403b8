/**
 * A CSAF 2.0 document (https://docs.oasis-open.org/csaf/csaf/v2.0/) from a published advisory: a
 * `csaf_security_advisory`, or a `csaf_vex` when some product was checked and found not affected.
 * The product tree holds every affected product with its affected version ranges (vers) and its
 * fixed versions; scores are CVSS 3.1 only (CSAF 2.0 has no CVSS 4.0), a qualitative-only severity
 * is the document's aggregate severity text. Distribution is TLP:WHITE (CSAF 2.0's name for CLEAR).
 * Built only from the PublishedAdvisory record, so nothing internal can reach it.
 */
import type { AffectedProduct, CreditRole, PublishedAdvisory, Publisher, VersionRange } from '../advisory.js'
import { cvss31 } from './cvss.js'
import { cweName } from './cwe-names.js'
import { semverText, usesSemver } from './ecosystems.js'
import { advisoryUrl, csafDocumentUrl } from './urls.js'

// The CSAF document is a large, deeply optional structure; its shape is proven by the official
// schema and the validator's mandatory tests in the tests, not restated here as types.
type Json = Record<string, unknown>

type Leaf = { id: string; status: 'known_affected' | 'fixed' | 'known_not_affected'; fixedVersion?: string }

const roleTitle: Record<CreditRole, string> = {
  finder: 'Found by',
  reporter: 'Reported by',
  analyst: 'Analysed by',
  coordinator: 'Coordinated by',
  'remediation developer': 'Fix developed by',
  'remediation reviewer': 'Fix reviewed by',
  'remediation verifier': 'Fix verified by',
  tool: 'Found with',
  sponsor: 'Sponsored by',
  other: 'Thanks to',
}

/** vers (https://github.com/package-url/purl-spec/blob/master/VERSION-RANGE-SPEC.rst) for one range. */
function vers(product: AffectedProduct, range: VersionRange): string {
  const semver = usesSemver(product)
  const scheme = product.kind === 'package' ? (semver ? 'semver' : product.ecosystem.toLowerCase().replace(/[^a-z0-9.+-]/g, '')) : 'generic'
  const v = (s: string) => (semver ? semverText(s) : s).replace(/[|<>=!]/g, '')
  const lower = range.introduced === '0' ? [] : [`>=${v(range.introduced)}`]
  const upper = range.fixed ? [`<${v(range.fixed)}`] : range.lastAffected ? [`<=${v(range.lastAffected)}`] : []
  const constraints = [...lower, ...upper]
  return `vers:${scheme}/${constraints.length ? constraints.join('|') : '*'}`
}

class ProductTree {
  private n = 0
  readonly leaves: Leaf[] = []
  readonly vendors = new Map<string, Json[]>()

  private nextId(): string {
    this.n += 1
    return `CSAFPID-${String(this.n).padStart(4, '0')}`
  }

  add(product: AffectedProduct): void {
    const vendor = product.kind === 'product' ? product.vendor : product.ecosystem
    const name = product.kind === 'product' ? product.product : product.name
    const purl = product.kind === 'package' && product.purl ? { product_identification_helper: { purl: product.purl } } : {}
    const notAffected = product.status === 'not-affected'
    const branch: Json = { category: 'product_name', name }
    const children: Json[] = []
    for (const range of product.ranges) {
      const id = this.nextId()
      const label = vers(product, range)
      children.push({
        category: 'product_version_range',
        name: label,
        product: { product_id: id, name: `${vendor} ${name} ${label}`, ...purl },
      })
      this.leaves.push({
        id,
        status: notAffected ? 'known_not_affected' : 'known_affected',
        ...(range.fixed ? { fixedVersion: range.fixed } : {}),
      })
      if (range.fixed && !notAffected) {
        const fixedId = this.nextId()
        const version = usesSemver(product) ? semverText(range.fixed) : range.fixed
        children.push({
          category: 'product_version',
          name: version,
          product: { product_id: fixedId, name: `${vendor} ${name} ${version}` },
        })
        this.leaves.push({ id: fixedId, status: 'fixed' })
      }
    }
    if (children.length) branch.branches = children
    else {
      const id = this.nextId()
      branch.product = { product_id: id, name: `${vendor} ${name}`, ...purl }
      this.leaves.push({ id, status: notAffected ? 'known_not_affected' : 'known_affected' })
    }
    const list = this.vendors.get(vendor) ?? []
    list.push(branch)
    this.vendors.set(vendor, list)
  }

  json(): Json {
    return { branches: [...this.vendors].map(([name, branches]) => ({ category: 'vendor', name, branches })) }
  }

  ids(status: Leaf['status']): string[] {
    return this.leaves.filter((l) => l.status === status).map((l) => l.id)
  }
}

/**
 * The revision history: every published revision when the record carries them (`revisions`),
 * else what the record itself can tell (the first publication and its latest change).
 */
function tracking(advisory: PublishedAdvisory, generatedAt: string): Json {
  const revisions = advisory.revisions ?? []
  if (revisions.length > 0) {
    const history = revisions.map((r) => ({ number: String(r.number), date: r.date, summary: r.summary }))
    const last = history[history.length - 1]!
    return {
      id: advisory.identifiers.own,
      status: 'final',
      version: last.number,
      initial_release_date: history[0]!.date,
      current_release_date: last.date,
      revision_history: history,
      generator: { date: generatedAt, engine: { name: 'Embargo' } },
    }
  }
  const changedAt = advisory.withdrawnAt ?? (advisory.updatedAt > advisory.publishedAt ? advisory.updatedAt : undefined)
  const history = [{ number: '1', date: advisory.publishedAt, summary: 'Initial public release.' }]
  if (changedAt)
    history.push({
      number: '2',
      date: changedAt,
      summary: advisory.state === 'withdrawn' ? `Withdrawn${advisory.withdrawnReason ? `: ${advisory.withdrawnReason}` : '.'}` : 'Updated.',
    })
  const last = history[history.length - 1]!
  return {
    id: advisory.identifiers.own,
    status: 'final',
    version: last.number,
    initial_release_date: advisory.publishedAt,
    current_release_date: last.date,
    revision_history: history,
    generator: { date: generatedAt, engine: { name: 'Embargo' } },
  }
}

/** The document publisher, as CSAF documents and the provider metadata name it. */
export function csafPublisher(publisher: Publisher): Json {
  return {
    category: 'vendor',
    name: publisher.name,
    namespace: publisher.namespace,
    ...(publisher.contact ? { contact_details: publisher.contact } : {}),
  }
}

const nonEmpty = (s: string) => s.trim() !== ''

export function toCsaf(advisory: PublishedAdvisory, publisher: Publisher): Json {
  const tree = new ProductTree()
  for (const p of advisory.affected) tree.add(p)
  const vex = advisory.affected.some((p) => p.status === 'not-affected')
  const affectedIds = tree.ids('known_affected')
  const notAffectedIds = tree.ids('known_not_affected')
  const fixedIds = tree.ids('fixed')
  const withdrawn = advisory.state === 'withdrawn'
  const generatedAt = advisory.withdrawnAt ?? advisory.updatedAt

  const documentNotes: Json[] = [{ category: 'summary', title: 'Summary', text: advisory.summary || advisory.title }]
  if (withdrawn)
    documentNotes.push({
      category: 'general',
      title: 'Withdrawn',
      text: `This advisory was withdrawn. ${advisory.withdrawnReason ?? ''}`.trim(),
    })

  const acknowledgments = advisory.credits.map((c) => ({ names: [c.name], summary: roleTitle[c.role] }))

  const remediations: Json[] = []
  const withFix = tree.leaves.filter((l) => l.status === 'known_affected' && l.fixedVersion)
  for (const version of new Set(withFix.map((l) => l.fixedVersion!)))
    remediations.push({
      category: 'vendor_fix',
      details: `Update to version ${version} or later.`,
      product_ids: withFix.filter((l) => l.fixedVersion === version).map((l) => l.id),
    })
  if (nonEmpty(advisory.workarounds) && affectedIds.length)
    remediations.push({ category: 'workaround', details: advisory.workarounds, product_ids: affectedIds })
  const unremedied = affectedIds.filter((id) => !remediations.some((r) => (r.product_ids as string[]).includes(id)))
  if (unremedied.length) remediations.push({ category: 'none_available', details: 'No fix is available yet.', product_ids: unremedied })

  const v3 = cvss31(advisory.severity.cvss31)
  const scores = v3 && affectedIds.length ? [{ cvss_v3: v3, products: affectedIds }] : []
  const [firstCwe] = advisory.cwes
  const cweNameFound = firstCwe ? cweName(firstCwe) : undefined

  const ids = [{ system_name: publisher.name, text: advisory.identifiers.own }]
  if (advisory.identifiers.gcve) ids.push({ system_name: 'GCVE', text: advisory.identifiers.gcve })

  const productStatus: Json = {}
  if (affectedIds.length) productStatus.known_affected = affectedIds
  if (fixedIds.length) productStatus.fixed = fixedIds
  if (notAffectedIds.length) productStatus.known_not_affected = notAffectedIds

  const vulnerabilityNotes: Json[] = [
    {
      category: 'description',
      title: 'Description',
      text: nonEmpty(advisory.description) ? advisory.description : advisory.summary || advisory.title,
    },
  ]
  if (advisory.severity.cvss40) vulnerabilityNotes.push({ category: 'other', title: 'CVSS 4.0 vector', text: advisory.severity.cvss40 })

  const vulnerability: Json = {
    ...(advisory.identifiers.cve ? { cve: advisory.identifiers.cve } : {}),
    ids,
    title: advisory.title,
    ...(firstCwe && cweNameFound ? { cwe: { id: firstCwe, name: cweNameFound } } : {}),
    release_date: advisory.publishedAt,
    notes: vulnerabilityNotes,
    product_status: productStatus,
    ...(remediations.length ? { remediations } : {}),
    ...(scores.length ? { scores } : {}),
    ...(notAffectedIds.length
      ? {
          threats: [
            {
              category: 'impact',
              details: `${publisher.name} checked these products and found them not affected.`,
              product_ids: notAffectedIds,
            },
          ],
        }
      : {}),
    ...(advisory.references.length
      ? { references: advisory.references.map((r) => ({ category: 'external', summary: `${r.kind} reference`, url: r.url })) }
      : {}),
  }

  return {
    document: {
      category: vex ? 'csaf_vex' : 'csaf_security_advisory',
      csaf_version: '2.0',
      title: advisory.title,
      lang: 'en',
      publisher: csafPublisher(publisher),
      distribution: { text: 'Public advisory.', tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      ...(advisory.severity.qualitative && !v3 ? { aggregate_severity: { text: advisory.severity.qualitative } } : {}),
      notes: documentNotes,
      references: [
        { category: 'self', summary: 'This document', url: csafDocumentUrl(publisher, advisory) },
        { category: 'external', summary: 'The advisory page', url: advisoryUrl(publisher, advisory) },
      ],
      ...(acknowledgments.length ? { acknowledgments } : {}),
      tracking: tracking(advisory, generatedAt),
    },
    product_tree: tree.json(),
    vulnerabilities: [vulnerability],
  }
}
