/**
 * A report's CRA case as the acting member may see it: the report (need to know decides whether
 * they may read it), the organization's current `regulation.cra` settings and zone, the case and
 * its clocks, and what the stage forms start from (the advisory's content, the report's facts).
 */
import { cipherFor, type Deps } from '../deps.js'
import type { Role } from '../domain/access/roles.js'
import { advisoryUrl, csafDocumentUrl } from '../domain/advisory/exports/urls.js'
import type { Policy } from '../domain/policy/schema.js'
import { type CraClock, type CraKind, craClocks } from '../domain/regulation/cra-clocks.js'
import type { CraSources } from '../domain/regulation/cra-forms.js'
import type { NoticeAdvisory } from '../domain/regulation/user-notice.js'
import { findAdvisoryById, findPublishedAdvisory, listAdvisoriesOfReport } from '../storage/repositories/advisory-repository.js'
import { findCraCaseOfReport, type StoredCraCase } from '../storage/repositories/cra-case-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { readReportForClocks } from '../storage/repositories/report-clock-repository.js'
import { findReportForReader } from '../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export interface Viewer {
  userId: string
  role: Role
}

export type CraSettings = NonNullable<NonNullable<Policy['regulation']>['cra']>

export interface CraContext {
  org: OrganizationRow
  report: { id: string; ref: string; status: string; title: string | null }
  readable: boolean
  policy: Policy | undefined
  settings: CraSettings | undefined
  timeZone: string
  craCase: StoredCraCase | undefined
  clocks: CraClock[]
}

/** The case facts the clocks are computed from. */
export const factsOf = (c: StoredCraCase) => ({
  kind: c.kind as CraKind,
  awareAt: c.awareAt,
  measureAt: c.measureAt,
  filed: c.filings as Partial<Record<CraClock['stage'], { at: string; reference: string }>>,
})

export async function loadCraContext(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  now: string,
): Promise<CraContext | undefined> {
  const cipher = cipherFor(deps, org)
  const found = await findReportForReader(deps.db, cipher, org.id, ref, viewer)
  if (!found) return undefined
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  const timeZone = policy?.calendar.timeZone ?? 'UTC'
  const craCase = await findCraCaseOfReport(deps.db, cipher, org.id, found.report.id)
  return {
    org,
    report: { id: found.report.id, ref: found.report.ref, status: found.report.status, title: found.text?.title ?? null },
    readable: found.readable,
    policy,
    settings: policy?.regulation?.cra,
    timeZone,
    craCase,
    clocks: craCase ? craClocks(factsOf(craCase), timeZone, now) : [],
  }
}

/** The first advisory covering the report, with its public addresses once published. */
async function advisoryOf(deps: Deps, org: OrganizationRow, reportId: string) {
  const linked = (await listAdvisoriesOfReport(deps.db, org.id, reportId))[0]
  if (!linked) return undefined
  const stored = await findAdvisoryById(deps.db, cipherFor(deps, org), org.id, linked.id)
  if (!stored) return undefined
  const published = await findPublishedAdvisory(deps.db, org.id, stored.ownId)
  const publisher = { name: org.name, slug: org.slug, baseUrl: deps.config.publicUrl.href, namespace: deps.config.publicUrl.href }
  return {
    stored,
    url: published ? advisoryUrl(publisher, published) : undefined,
    csafUrl: published ? csafDocumentUrl(publisher, published) : undefined,
  }
}

const productName = (p: { kind: 'package'; ecosystem: string; name: string } | { kind: 'product'; vendor: string; product: string }) =>
  p.kind === 'package' ? `${p.name} (${p.ecosystem})` : `${p.vendor} ${p.product}`

/** What the forms start from: the advisory's content when there is one, the report's facts otherwise; never the evidence or notes. */
export async function craSources(deps: Deps, c: CraContext): Promise<{ sources: CraSources; notice: NoticeAdvisory | undefined }> {
  const advisory = await advisoryOf(deps, c.org, c.report.id)
  const clockRow = await readReportForClocks(deps.db, c.org.id, c.report.id)
  if (!advisory) {
    return {
      sources: { ...(c.report.title ? { title: c.report.title } : {}), ...(clockRow?.severity ? { severity: clockRow.severity } : {}) },
      notice: undefined,
    }
  }
  const content = advisory.stored.content
  const affected = content.affected.filter((p) => p.status === 'affected')
  const products = affected.map((p) => ({
    name: productName(p),
    fixed: p.ranges.flatMap((r) => (r.fixed ? [r.fixed] : [])),
  }))
  const fixes = products.filter((p) => p.fixed.length > 0).map((p) => `${p.name}: fixed in ${p.fixed.join(', ')}`)
  const severity = content.severity.qualitative ?? clockRow?.severity ?? undefined
  const sources: CraSources = {
    product: affected.map((p) => `${productName(p)}${p.ranges.length ? `, ${p.ranges.map(rangeText).join('; ')}` : ''}`).join('\n'),
    title: content.title,
    cwes: content.cwes,
    ...(severity ? { severity } : {}),
    summary: content.summary,
    description: content.description,
    workarounds: content.workarounds,
    securityUpdate: [...fixes, ...(advisory.url ? [`Advisory: ${advisory.url}`] : [])].join('\n'),
  }
  const notice: NoticeAdvisory = {
    ownId: advisory.stored.ownId,
    title: content.title,
    summary: content.summary,
    workarounds: content.workarounds,
    products,
    cve: content.cve,
    url: advisory.url,
    csafUrl: advisory.csafUrl,
  }
  return { sources, notice }
}

const rangeText = (r: { introduced?: string; fixed?: string; lastAffected?: string }) =>
  [
    r.introduced && r.introduced !== '0' ? `from ${r.introduced}` : '',
    r.fixed ? `fixed in ${r.fixed}` : r.lastAffected ? `up to ${r.lastAffected}` : '',
  ]
    .filter(Boolean)
    .join(' ')
