import type { Deps } from '../../deps.js'
import { currencyPattern, maxBounty } from '../../domain/advisory/rewards.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { insertReward } from '../../storage/repositories/report-reward-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { rewardsOf } from '../reward-facts.js'
import { teamReport, type Viewer } from '../team-report.js'

export type RecordRewardError = {
  code: 'NOT_FOUND' | 'FORBIDDEN' | 'REWARD_UNKNOWN' | 'REWARD_NOT_EARNED' | 'REWARD_ALREADY_RECORDED' | 'REWARD_AMOUNT_INVALID'
}

/**
 * Records that the report earns one of the policy's rewards (by its position in the policy's
 * list). A reward whose conditions the report fails (a duplicate's reporter was not first) is
 * refused; one that cannot be decided yet is the team's call. A bounty's amount defaults to the
 * policy's amount for the report's severity and may be typed (whole units, ISO 4217 currency).
 */
export async function recordReward(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  input: { reward: string; amount: string; currency: string },
): Promise<Result<void, RecordRewardError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  const { report } = found
  const index = /^\d{1,3}$/.test(input.reward) ? Number(input.reward) : -1
  const reward = (await rewardsOf(deps, org.id, report)).find((r) => r.index === index)
  if (!reward) return fail({ code: 'REWARD_UNKNOWN' })
  if (reward.standing === 'does-not-apply') return fail({ code: 'REWARD_NOT_EARNED' })
  let amount: number | null = reward.amount?.value ?? null
  let currency: string | null = reward.amount?.currency ?? null
  if (input.amount.trim() !== '') {
    const typed = input.amount.trim()
    const cur = (input.currency.trim() || currency) ?? ''
    if (!/^\d{1,8}$/.test(typed) || Number(typed) > maxBounty || !currencyPattern.test(cur)) return fail({ code: 'REWARD_AMOUNT_INVALID' })
    amount = Number(typed)
    currency = cur
  }
  return runUnit(deps, org, async (u) => {
    const rewardId = newId()
    const recorded = await insertReward(
      u.tx,
      org.id,
      { id: rewardId, reportId: report.id, rewardIndex: index, kind: reward.kind, amount, currency, createdBy: viewer.userId },
      u.at,
    )
    if (!recorded) return fail({ code: 'REWARD_ALREADY_RECORDED' as const })
    u.record(
      newEvent('reward.recorded', { kind: 'user', id: viewer.userId }, u.at, report.id, { rewardId, kind: reward.kind, amount, currency }),
    )
    return ok(undefined)
  })
}
