import { cipherFor, type Deps } from '../deps.js'
import { revisionDiff } from '../domain/advisory/revision-text.js'
import { availableActions, statusOf } from '../domain/advisory/workflow.js'
import { mergeStep } from '../domain/partner/public-merge.js'
import {
  findAdvisory,
  findAdvisoryRevision,
  listAdvisories,
  listAdvisoryReports,
  listAdvisoryRevisions,
} from '../storage/repositories/advisory-repository.js'
import { findCveRecord } from '../storage/repositories/cve-record-repository.js'
import { hasCveServicesSettings } from '../storage/repositories/cve-services-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { mayReadAdvisory } from './advisory-access.js'
import { advisoryRules } from './advisory-rules.js'
import type { Viewer } from './change-advisory.js'

/** The advisories the viewer may know (need to know over their linked reports), most recently changed first. */
export async function listAdvisoriesFor(deps: Deps, org: OrganizationRow, viewer: Viewer) {
  const all = await listAdvisories(deps.db, cipherFor(deps, org), org.id)
  const readable = []
  for (const a of all) if (await mayReadAdvisory(deps.db, org.id, a.id, viewer)) readable.push(a)
  return readable
}

/** Everything the advisory page shows, or undefined when there is no such advisory for this viewer. */
export async function loadAdvisory(deps: Deps, org: OrganizationRow, ownId: string, viewer: Viewer) {
  const advisory = await findAdvisory(deps.db, cipherFor(deps, org), org.id, ownId)
  if (!advisory || !(await mayReadAdvisory(deps.db, org.id, advisory.id, viewer))) return undefined
  const [reports, revisions, members, rules, cveServices, cveRecord, policy] = await Promise.all([
    listAdvisoryReports(deps.db, org.id, advisory.id),
    listAdvisoryRevisions(deps.db, org.id, advisory.id),
    listMembers(deps.db, org.id),
    advisoryRules(deps.db, org.id),
    hasCveServicesSettings(deps.db, org.id),
    findCveRecord(deps.db, org.id, advisory.id),
    currentPolicy(deps.db, org.id),
  ])
  const releaseAt = advisory.releaseAt ? Date.parse(advisory.releaseAt) : undefined
  const mergedAt = advisory.mergedAt ? Date.parse(advisory.mergedAt) : undefined
  const actions = viewer.role === 'viewer' ? [] : availableActions(statusOf(advisory), rules.review, viewer.userId)
  return {
    advisory,
    reports: reports.map((r) => ({ ref: r.ref, status: r.status })),
    revisions,
    names: new Map(members.map((m) => [m.userId, m.name])),
    rules,
    actions,
    /** The organization has CVE Services credentials: the team may reserve a CVE id here. */
    cveServices,
    /** The CVE record at CVE Services, when the advisory's CVE id was reserved there (and still is its id). */
    cveRecord: cveRecord && cveRecord.cveId === advisory.content.cve ? cveRecord : undefined,
    /** The public merge (`disclosure.releaseWindows.publicMerge`) is overdue: the planned release passed without it. */
    mergeOverdue: mergeStep(policy?.policy, releaseAt, mergedAt, deps.now().getTime())?.state === 'overdue',
    /** The organization's zone (its policy's calendar): the team reads the advisory's times in it. */
    timeZone: policy?.policy.calendar?.timeZone,
  }
}

export type AdvisoryView = NonNullable<Awaited<ReturnType<typeof loadAdvisory>>>

/** The line diff of two revisions of an advisory the viewer may read; undefined when either is missing. */
export async function loadRevisionDiff(deps: Deps, org: OrganizationRow, ownId: string, from: number, to: number, viewer: Viewer) {
  const cipher = cipherFor(deps, org)
  const advisory = await findAdvisory(deps.db, cipher, org.id, ownId)
  if (!advisory || !(await mayReadAdvisory(deps.db, org.id, advisory.id, viewer))) return undefined
  const [before, after] = await Promise.all([
    findAdvisoryRevision(deps.db, cipher, org.id, advisory.id, from),
    findAdvisoryRevision(deps.db, cipher, org.id, advisory.id, to),
  ])
  if (!before || !after) return undefined
  return { advisory, from, to, lines: revisionDiff(before, after) }
}
