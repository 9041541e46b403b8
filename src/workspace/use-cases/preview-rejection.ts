import type { Deps } from '../../deps.js'
import { mayActOnReport, type Reader } from '../../domain/access/need-to-know.js'
import type { ReportError } from '../../domain/report/errors.js'
import { changeStatus } from '../../domain/report/workflow.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { toDomain } from '../../storage/report-state.js'
import { findReportStateByRef } from '../../storage/repositories/report-repository.js'
import { reporterHasAddress } from '../../storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import type { NeedToKnowRefusal } from '../act-on-report.js'

export interface RejectionPreview {
  reason: string
  /** The reporter gave an address: a notice goes by mail too (the reason itself only on the follow-up page). */
  reporterReachable: boolean
}

/**
 * What rejecting the report would tell the reporter, decided by the same workflow rule that will
 * reject it (so a preview never promises a rejection the workflow refuses). Writes nothing.
 */
export async function previewRejection(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  reason: string,
  member: Reader,
): Promise<Result<RejectionPreview, ReportError | { code: 'NOT_FOUND' } | NeedToKnowRefusal>> {
  const stored = await findReportStateByRef(deps.db, org.id, ref)
  if (!stored) return fail({ code: 'NOT_FOUND' })
  if (!mayActOnReport(member, stored, stored.sharedWith)) return fail({ code: 'NEED_TO_KNOW' })
  const reachable = await reporterHasAddress(deps.db, org.id, stored.reporterId)
  const actor = { kind: 'user' as const, id: member.userId }
  const decided = changeStatus(toDomain(stored, reachable), { to: 'rejected', actor, at: deps.now().toISOString(), reason })
  if (!decided.ok) return fail(decided.error)
  return ok({ reason, reporterReachable: reachable })
}
