import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { deleteCredit } from '../../storage/repositories/report-credit-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { teamReport, type Viewer } from '../team-report.js'

export type RemoveCreditError = { code: 'NOT_FOUND' | 'FORBIDDEN' }

/** Removes a credit line from a report (the reporter's proposal too: nobody is named by it any more). */
export async function removeCredit(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  creditId: string,
): Promise<Result<void, RemoveCreditError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  const reportId = found.report.id
  return runUnit(deps, org, async (u) => {
    if (!(await deleteCredit(u.tx, org.id, reportId, creditId))) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('credit.removed', { kind: 'user', id: viewer.userId }, u.at, reportId, { creditId }))
    return ok(undefined)
  })
}
