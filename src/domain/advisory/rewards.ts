/**
 * Which of the policy's rewards a report earns (Kumi: "a free t-shirt if you are the first to
 * report a given non-trivial security vulnerability"). Pure: the caller passes the report's facts.
 *
 * Each condition of a reward is met, unmet, or not decidable yet (no severity set, no product
 * named); a reward applies when every condition is met, does not when one is unmet, and waits for
 * the team otherwise. A rejected report earns nothing.
 */
import type { QualitativeSeverity } from './advisory.js'

export const rewardKinds = ['recognition', 't-shirt', 'services', 'money', 'swag', 'other'] as const
export type RewardKind = (typeof rewardKinds)[number]
export type RewardCondition = 'first-reporter' | 'non-trivial' | 'own-products-only' | 'by-severity'

/** One reward as the policy states it (`recognition.rewards[]`). */
export interface PolicyReward {
  kind: RewardKind
  description: string
  conditions?: readonly RewardCondition[] | undefined
  onRequest?: boolean | undefined
  amounts?: ({ currency: string } & Partial<Record<QualitativeSeverity, number>>) | undefined
}

/** What the rule needs to know of a report. */
export interface RewardFacts {
  status: string
  /** Set when the report was marked a duplicate of an earlier one: its reporter was not first. */
  duplicateOf: string | null
  severity: QualitativeSeverity | null
  /** The program the report is about, when one was named. */
  program: { kind: string; inScope: boolean } | null
}

export type ConditionState = 'met' | 'unmet' | 'unknown'
export type RewardStanding = 'applies' | 'does-not-apply' | 'undecided'

export interface RewardAssessment {
  /** Position in the policy's list: how a recorded reward names it. */
  index: number
  kind: RewardKind
  description: string
  onRequest: boolean
  standing: RewardStanding
  conditions: Array<{ condition: RewardCondition; state: ConditionState }>
  /** The bounty of the report's severity, when the policy names one. */
  amount: { currency: string; value: number } | null
}

/** "Non-trivial": a vulnerability the team rated medium or above. */
export const isNonTrivial = (severity: QualitativeSeverity | null): ConditionState =>
  severity === null ? 'unknown' : severity === 'low' ? 'unmet' : 'met'

export function conditionState(condition: RewardCondition, facts: RewardFacts): ConditionState {
  switch (condition) {
    case 'first-reporter':
      return facts.status === 'duplicate' || facts.duplicateOf !== null ? 'unmet' : 'met'
    case 'non-trivial':
      return isNonTrivial(facts.severity)
    case 'own-products-only':
      if (!facts.program) return 'unknown'
      return facts.program.kind !== 'third-party' && facts.program.inScope ? 'met' : 'unmet'
    case 'by-severity':
      return facts.severity === null ? 'unknown' : 'met'
  }
}

export function assessReward(reward: PolicyReward, index: number, facts: RewardFacts): RewardAssessment {
  const conditions = (reward.conditions ?? []).map((condition) => ({ condition, state: conditionState(condition, facts) }))
  const standing: RewardStanding =
    facts.status === 'rejected' || conditions.some((c) => c.state === 'unmet')
      ? 'does-not-apply'
      : conditions.some((c) => c.state === 'unknown')
        ? 'undecided'
        : 'applies'
  const value = reward.amounts && facts.severity ? reward.amounts[facts.severity] : undefined
  return {
    index,
    kind: reward.kind,
    description: reward.description,
    onRequest: reward.onRequest ?? false,
    standing,
    conditions,
    amount: reward.amounts && value !== undefined ? { currency: reward.amounts.currency, value } : null,
  }
}

/** Every reward of the policy, assessed for one report. */
export const assessRewards = (rewards: readonly PolicyReward[] | undefined, facts: RewardFacts): RewardAssessment[] =>
  (rewards ?? []).map((reward, index) => assessReward(reward, index, facts))

export const currencyPattern = /^[A-Z]{3}$/
export const maxBounty = 10_000_000
