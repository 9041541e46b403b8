import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import type { CraStage } from '../../domain/regulation/cra-clocks.js'
import { instantFromLocal } from '../../domain/regulation/local-time.js'
import { fail, ok, type Result } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { type CaseError, changeCase, isOneLine } from '../change-case.js'
import type { Viewer } from '../load-case.js'

/**
 * Records that the team filed a stage on ENISA's single reporting platform by hand: when (typed in
 * the organization's zone, not in the future, not before the awareness) and under which reference.
 * That meets the stage's clock; filing an incident's notification starts its final report's month.
 */
export async function recordFiling(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  stage: CraStage,
  input: { filedAt: string; reference: string },
): Promise<Result<void, CaseError>> {
  return changeCase(deps, org, ref, viewer, (c, clocks, ctx, at) => {
    const clock = clocks.find((k) => k.stage === stage)
    if (!clock || clock.filing) return fail({ code: 'CRA_ALREADY_FILED' })
    if (clock.state === 'waiting') return fail({ code: 'CRA_STAGE_NOT_STARTED' })
    const filedAt = instantFromLocal(input.filedAt, ctx.timeZone)
    if (!filedAt || filedAt > at || filedAt < c.awareAt) return fail({ code: 'CRA_TIME_INVALID' })
    const reference = input.reference.trim()
    if (reference === '' || !isOneLine(reference, 200)) return fail({ code: 'CRA_REFERENCE_INVALID' })
    return ok({
      change: { filings: { ...c.filings, [stage]: { at: filedAt, reference } } },
      events: (caseId, reportId) => [
        newEvent('cra.stage_filed', { kind: 'user', id: viewer.userId }, at, reportId, { caseId, stage, filedAt, reference }),
      ],
    })
  })
}
