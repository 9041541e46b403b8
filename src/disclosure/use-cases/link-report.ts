import type { Deps } from '../../deps.js'
import { mayReadReportText } from '../../domain/access/need-to-know.js'
import { type AdvisoryError, note, statusOf } from '../../domain/advisory/workflow.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { linkAdvisoryReport, type StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import { findReportStateByRef } from '../../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'

export type LinkReportError =
  | AdvisoryError
  | { code: 'NOT_FOUND' }
  | { code: 'ADVISORY_REPORT_UNKNOWN' }
  | { code: 'ADVISORY_REPORT_LINKED' }

/**
 * Links another report to an advisory (a duplicate or related report it also covers). Only a
 * report the member may read, and only before publication: publishing is what discloses the
 * linked reports.
 */
export async function linkReport(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  reportRef: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, LinkReportError>> {
  const report = await findReportStateByRef(deps.db, org.id, reportRef.trim())
  if (!report || !mayReadReportText(viewer, report, report.sharedWith)) return fail({ code: 'ADVISORY_REPORT_UNKNOWN' })
  const at = deps.now().toISOString()
  return changeAdvisory<LinkReportError>(deps, org, ownId, viewer, (a) => {
    if (a.state === 'published' || a.state === 'withdrawn') {
      return fail({ code: 'ADVISORY_ACTION_NOT_ALLOWED', state: a.state, action: 'edit' })
    }
    const actor = { kind: 'user', id: viewer.userId } as const
    const change = note(statusOf(a), [newEvent('advisory.linked', actor, at, report.id, { advisoryId: a.id, ownId: a.ownId })])
    if (!change.ok) return change
    return ok({
      outcome: { change: change.value, action: 'linked', actor },
      alsoWrite: async (u) => {
        const linked = await linkAdvisoryReport(u.tx, org.id, a.id, report.id, u.at)
        return linked ? ok(undefined) : fail({ code: 'ADVISORY_REPORT_LINKED' as const })
      },
    })
  })
}
