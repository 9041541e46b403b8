import type { Deps } from '../deps.js'
import type { QualitativeSeverity } from '../domain/advisory/advisory.js'
import { assessRewards, type PolicyReward, type RewardAssessment } from '../domain/advisory/rewards.js'
import { findProgram } from '../storage/repositories/organization-repository.js'
import type { ReportState } from '../storage/repositories/report-repository.js'
import { findReportSeverity } from '../storage/repositories/report-reward-repository.js'
import { reportPolicy } from './team-report.js'

/** The policy's rewards (of the policy the report was received under), each assessed for the report. */
export async function rewardsOf(deps: Deps, orgId: string, report: ReportState): Promise<RewardAssessment[]> {
  const policy = await reportPolicy(deps, orgId, report.id)
  const [program, severity] = await Promise.all([
    report.programId ? findProgram(deps.db, orgId, report.programId) : undefined,
    findReportSeverity(deps.db, orgId, report.id),
  ])
  return assessRewards(policy?.recognition?.rewards as PolicyReward[] | undefined, {
    status: report.status,
    duplicateOf: report.duplicateOf,
    severity: (severity ?? null) as QualitativeSeverity | null,
    program: program ? { kind: program.kind, inScope: Boolean(program.in_scope) } : null,
  })
}
