import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { markRewardSent as storeSent } from '../../storage/repositories/report-reward-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { teamReport, type Viewer } from '../team-report.js'

export type MarkRewardSentError = { code: 'NOT_FOUND' | 'FORBIDDEN' }

/** Records that a recorded reward was sent (the t-shirt posted, the bounty paid), with when. */
export async function markRewardSent(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  rewardId: string,
): Promise<Result<void, MarkRewardSentError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  const reportId = found.report.id
  return runUnit(deps, org, async (u) => {
    const kind = await storeSent(u.tx, org.id, reportId, rewardId, u.at)
    if (!kind) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('reward.sent', { kind: 'user', id: viewer.userId }, u.at, reportId, { rewardId, kind }))
    return ok(undefined)
  })
}
