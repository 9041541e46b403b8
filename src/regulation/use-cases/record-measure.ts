import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { instantFromLocal } from '../../domain/regulation/local-time.js'
import { fail, ok, type Result } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { type CaseError, changeCase } from '../change-case.js'
import type { Viewer } from '../load-case.js'

/**
 * Records when a corrective or mitigating measure became available for an actively exploited
 * vulnerability: the final report falls due 14 days (336 calendar hours) later. It may be
 * corrected until the final report is filed; a severe incident has no such moment.
 */
export async function recordMeasure(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  input: { measureAt: string },
): Promise<Result<void, CaseError>> {
  return changeCase(deps, org, ref, viewer, (c, _clocks, ctx, at) => {
    if (c.kind !== 'vulnerability') return fail({ code: 'CRA_MEASURE_NOT_APPLICABLE' })
    if (c.filings['final-report']) return fail({ code: 'CRA_ALREADY_FILED' })
    const measureAt = instantFromLocal(input.measureAt, ctx.timeZone)
    if (!measureAt || measureAt > at || measureAt < c.awareAt) return fail({ code: 'CRA_TIME_INVALID' })
    return ok({
      change: { measureAt },
      events: (caseId, reportId) => [
        newEvent('cra.measure_recorded', { kind: 'user', id: viewer.userId }, at, reportId, { caseId, measureAt }),
      ],
    })
  })
}
