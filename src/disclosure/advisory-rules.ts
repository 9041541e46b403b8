import type { ReviewRule } from '../domain/advisory/workflow.js'
import { reviewRuleOf } from '../domain/advisory/workflow.js'
import { defaultScoring, levelDefinitions, type SeverityScoring, scoringOf } from '../domain/severity/scoring.js'
import type { Executor } from '../storage/db.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'

/** What the organization's current policy says about advisories (`advisories:`), with the defaults. */
export interface AdvisoryRules {
  review: ReviewRule
  idPrefix: string | undefined
  /** The organization's GCVE numbering authority id, when it is one. */
  gna: number | undefined
  /** How the policy scores severity (`severity.scoring`): qualitative refuses every vector. */
  scoring: SeverityScoring
  /** The organization's definition of each severity level (`severity.levels`), shown where a level is chosen. */
  levels: Partial<Record<string, string>>
}

export async function advisoryRules(db: Executor, orgId: string): Promise<AdvisoryRules> {
  const policy = (await currentPolicy(db, orgId))?.policy
  return {
    review: reviewRuleOf(policy),
    idPrefix: policy?.advisories?.idPrefix,
    gna: policy?.advisories?.gcve?.gna,
    scoring: policy ? scoringOf(policy) : defaultScoring,
    levels: policy ? levelDefinitions(policy) : {},
  }
}
