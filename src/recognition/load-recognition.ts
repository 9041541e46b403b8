import { cipherFor, type Deps } from '../deps.js'
import type { CreditRole } from '../domain/advisory/advisory.js'
import { type CreditInAdvisory, defaultCreditName, publicCreditOf, type RecognitionSettings } from '../domain/advisory/credit-consent.js'
import type { RewardAssessment } from '../domain/advisory/rewards.js'
import { findOrganizationById, findOrganizationBySlug } from '../storage/repositories/organization-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { findReporterCredit, hallOfFame, listReportCredits, type StoredCredit } from '../storage/repositories/report-credit-repository.js'
import { findReportById } from '../storage/repositories/report-repository.js'
import { listReportRewards, type StoredReward } from '../storage/repositories/report-reward-repository.js'
import { findReporter } from '../storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { rewardsOf } from './reward-facts.js'
import { teamReport, type Viewer } from './team-report.js'

export interface RecognitionPanelView {
  /** False: need to know keeps the report (and so its credits) from the viewer. */
  readable: boolean
  mode: CreditInAdvisory
  credits: Array<StoredCredit & { publicNow: boolean }>
  /** What the proposal form starts from: the name the reporter gave unless they chose anonymous. */
  proposal: { name: string; role: CreditRole }
  rewards: Array<RewardAssessment & { recorded: StoredReward | undefined }>
}

const recognitionOf = async (deps: Deps, orgId: string) =>
  (await currentPolicy(deps.db, orgId))?.policy.recognition as RecognitionSettings | undefined

/** The recognition panel of the team's report page; undefined when the organization has no such report. */
export async function loadRecognitionPanel(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
): Promise<RecognitionPanelView | undefined> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return undefined
  const recognition = await recognitionOf(deps, org.id)
  const mode = recognition?.creditInAdvisory ?? 'on-request'
  if (!found.readable) return { readable: false, mode, credits: [], proposal: { name: '', role: 'finder' }, rewards: [] }
  const { report, cipher } = found
  const [credits, reporter, assessed, recorded] = await Promise.all([
    listReportCredits(deps.db, cipher, org.id, report.id),
    findReporter(deps.db, cipher, org.id, report.reporterId),
    rewardsOf(deps, org.id, report),
    listReportRewards(deps.db, org.id, report.id),
  ])
  const mine = credits.find((c) => c.subject === 'reporter')
  return {
    readable: true,
    mode,
    credits: credits.map((c) => ({ ...c, publicNow: publicCreditOf(c, recognition) !== null })),
    proposal: mine ? { name: mine.name, role: mine.role } : { name: defaultCreditName(report, reporter?.name ?? null), role: 'finder' },
    rewards: assessed.map((a) => ({ ...a, recorded: recorded.find((r) => r.rewardIndex === a.index) })),
  }
}

export interface ReporterCreditView {
  name: string
  role: CreditRole
  consent: StoredCredit['consent']
  /** Whether the line is public as things stand (the policy's rule applied to the current answer). */
  publicNow: boolean
  mode: CreditInAdvisory
}

/** The credit line proposed to the reporter, for the follow-up page; undefined when none was proposed. */
export async function loadReporterCredit(deps: Deps, access: { orgId: string; reportId: string }): Promise<ReporterCreditView | undefined> {
  const org = await findOrganizationById(deps.db, access.orgId)
  if (!org) return undefined
  const cipher = cipherFor(deps, org)
  if (!(await findReportById(deps.db, cipher, org.id, access.reportId))) return undefined
  const credit = await findReporterCredit(deps.db, cipher, org.id, access.reportId)
  if (!credit) return undefined
  const recognition = await recognitionOf(deps, org.id)
  return {
    name: credit.name,
    role: credit.role,
    consent: credit.consent,
    publicNow: publicCreditOf(credit, recognition) !== null,
    mode: recognition?.creditInAdvisory ?? 'on-request',
  }
}

/** The public hall of fame of an organization; undefined when there is no such organization or it keeps no hall. */
export async function loadHallOfFame(deps: Deps, slug: string) {
  const org = await findOrganizationBySlug(deps.db, slug)
  if (!org) return undefined
  const recognition = await recognitionOf(deps, org.id)
  if (!recognition?.hallOfFame?.enabled) return undefined
  return { org: { slug: org.slug, name: org.name }, years: await hallOfFame(deps.db, cipherFor(deps, org), org.id) }
}

/** Whether the organization's public page should link a hall of fame. */
export async function hasHallOfFame(deps: Deps, orgId: string): Promise<boolean> {
  return (await recognitionOf(deps, orgId))?.hallOfFame?.enabled === true
}
