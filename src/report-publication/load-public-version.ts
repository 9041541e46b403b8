import { cipherFor, type Deps } from '../deps.js'
import type { ReportStatus } from '../domain/report/status.js'
import {
  outcomeOf,
  type PublicOutcome,
  type PublicVersionState,
  type PublishedReport,
  promptsPublicVersion,
  type Waiting,
  waitingFor,
} from '../domain/report-publication/report-publication.js'
import { findOrganizationById, findOrganizationBySlug } from '../storage/repositories/organization-repository.js'
import {
  awaitedAdvisories,
  findPublicVersion,
  findPublishedReport,
  hasPublishedReports,
  listPublishedReports,
  reportsWithPublicVersion,
} from '../storage/repositories/report-publication-repository.js'
import { findReportById } from '../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { publicationRules, teamReport, type Viewer } from './publication-rules.js'

export interface PublicVersionPanelView {
  /** False: need to know keeps the report (and so its public version) from the viewer. */
  readable: boolean
  /** The outcome the report's status stands for; undefined while it is not decided. */
  outcome: PublicOutcome | undefined
  /** The policy makes every report public and this decided report has no public version yet. */
  prompt: boolean
  reviewRequired: boolean
  objection: string
  /** Where the published page is (and will be). */
  publicHref: string
  version?: {
    state: PublicVersionState
    outcome: PublicOutcome
    title: string
    body: string
    reason: string
    afterAdvisory: string | null
    preparedByViewer: boolean
    objectionEndsAt: string | null
    objection: string | null
    publishedAt: string | null
    /** Why a shown version is not published yet. */
    waiting: Exclude<Waiting, 'not-shown'> | undefined
    /** The advisories it waits for that are not published yet. */
    awaiting: string[]
  }
}

/** The public-version panel of the team's report page; undefined when the organization has no such report. */
export async function loadPublicVersionPanel(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
): Promise<PublicVersionPanelView | undefined> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return undefined
  const rules = await publicationRules(deps, org.id)
  const base = {
    readable: found.readable,
    outcome: outcomeOf(found.report.status as ReportStatus),
    reviewRequired: rules.reviewRequired,
    objection: rules.objection,
    publicHref: `/o/${encodeURIComponent(org.slug)}/reports/${encodeURIComponent(found.report.ref)}`,
  }
  if (!found.readable) return { ...base, prompt: false }
  const v = await findPublicVersion(deps.db, found.cipher, org.id, found.report.id)
  const prompt = promptsPublicVersion(rules.publishAllReports, found.report.status as ReportStatus, v)
  if (!v) return { ...base, prompt }
  const advisories = await awaitedAdvisories(deps.db, org.id, found.report.id, v.afterAdvisory)
  const waiting = waitingFor(v, { advisories, status: found.report.status as ReportStatus }, deps.now().toISOString())
  return {
    ...base,
    prompt,
    version: {
      state: v.state,
      outcome: v.outcome,
      title: v.title,
      body: v.body,
      reason: v.reason,
      afterAdvisory: v.afterAdvisory,
      preparedByViewer: v.preparedBy === viewer.userId,
      objectionEndsAt: v.objectionEndsAt,
      objection: v.objection,
      publishedAt: v.publishedAt,
      waiting: waiting === 'not-shown' ? undefined : waiting,
      awaiting: advisories.filter((a) => a.state !== 'published').map((a) => a.ownId),
    },
  }
}

export interface ReporterPublicVersionView {
  state: 'shown' | 'objected' | 'published'
  outcome: PublicOutcome
  title: string
  body: string
  reason: string
  objectionEndsAt: string | null
  objection: string | null
  /** The objection period runs: the "Object" form is offered. */
  mayObject: boolean
  publicHref: string
}

/**
 * The proposed public version for the follow-up page, once the team approved it; a draft or a
 * withdrawn version is never shown to the reporter. Undefined when there is none to show.
 */
export async function loadReporterPublicVersion(
  deps: Deps,
  access: { orgId: string; reportId: string },
): Promise<ReporterPublicVersionView | undefined> {
  const org = await findOrganizationById(deps.db, access.orgId)
  if (!org) return undefined
  const cipher = cipherFor(deps, org)
  const report = await findReportById(deps.db, cipher, org.id, access.reportId)
  if (!report) return undefined
  const v = await findPublicVersion(deps.db, cipher, org.id, access.reportId)
  if (!v || (v.state !== 'shown' && v.state !== 'objected' && v.state !== 'published')) return undefined
  const now = deps.now().toISOString()
  return {
    state: v.state,
    outcome: v.outcome,
    title: v.title,
    body: v.body,
    reason: v.reason,
    objectionEndsAt: v.objectionEndsAt,
    objection: v.objection,
    mayObject: v.state === 'shown' && v.objectionEndsAt !== null && now < v.objectionEndsAt,
    publicHref: `/o/${encodeURIComponent(org.slug)}/reports/${encodeURIComponent(report.ref)}`,
  }
}

/** The organization's published reports for the public list; undefined when there is no such organization. */
export async function loadPublicReports(deps: Deps, slug: string) {
  const org = await findOrganizationBySlug(deps.db, slug)
  if (!org) return undefined
  return { org: { slug: org.slug, name: org.name }, reports: await listPublishedReports(deps.db, org.id) }
}

/** One published report; undefined unless the organization exists and the report is published. */
export async function loadPublicReport(
  deps: Deps,
  slug: string,
  ref: string,
): Promise<{ org: { slug: string; name: string }; report: PublishedReport } | undefined> {
  const org = await findOrganizationBySlug(deps.db, slug)
  if (!org) return undefined
  const report = await findPublishedReport(deps.db, org.id, ref)
  return report && { org: { slug: org.slug, name: org.name }, report }
}

/** Whether the organization's public page should link its published reports: it has some, or its policy promises them. */
export async function hasPublicReports(deps: Deps, orgId: string): Promise<boolean> {
  if ((await publicationRules(deps, orgId)).publishAllReports) return true
  return hasPublishedReports(deps.db, orgId)
}

/**
 * The queue's flag: of the listed reports the viewer may read, those decided without a public
 * version yet, when the policy makes every report public. Empty otherwise.
 */
export async function publicVersionsToPrepare(
  deps: Deps,
  orgId: string,
  rows: ReadonlyArray<{ id: string; status: string; title: string | null }>,
): Promise<Set<string>> {
  if (!(await publicationRules(deps, orgId)).publishAllReports) return new Set()
  const decided = rows.filter((r) => r.title !== null && outcomeOf(r.status as ReportStatus) !== undefined).map((r) => r.id)
  const prepared = await reportsWithPublicVersion(deps.db, orgId, decided)
  return new Set(decided.filter((id) => !prepared.has(id)))
}
