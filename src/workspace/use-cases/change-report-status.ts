import type { Deps } from '../../deps.js'
import { openBeforePublishing } from '../../domain/policy/process-steps.js'
import type { ReportError } from '../../domain/report/errors.js'
import type { Actor, ReportStatus, Transition } from '../../domain/report/report.js'
import { changeStatus } from '../../domain/report/workflow.js'
import { fail, type Result } from '../../domain/result.js'
import { reportClocks } from '../../storage/report-clocks.js'
import { findReportStateByRef } from '../../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport } from '../act-on-report.js'

export type StatusChangeError =
  | ReportError
  | { code: 'NOT_FOUND' }
  | { code: 'DUPLICATE_TARGET_UNKNOWN' }
  /** The policy's process: nothing is published before the steps that come first (Open Klant's eight steps). */
  | { code: 'STEPS_BEFORE_PUBLISHING'; missing: string[] }

export interface StatusChange {
  to: ReportStatus
  reason?: string | undefined
  duplicateOfRef?: string | undefined
  actor: Actor
}

/** Moves a report to another status, as the workflow allows and the policy's steps permit. */
export async function changeReportStatus(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  change: StatusChange,
): Promise<Result<Transition, StatusChangeError>> {
  if (change.to === 'disclosed') {
    const missing = await stepsBeforePublishing(deps, org, ref)
    if (missing.length > 0) return fail({ code: 'STEPS_BEFORE_PUBLISHING', missing })
  }
  let duplicateOf: { id: string; ref: string } | undefined
  if (change.to === 'duplicate' && change.duplicateOfRef) {
    const target = await findReportStateByRef(deps.db, org.id, change.duplicateOfRef.trim())
    if (!target) return fail({ code: 'DUPLICATE_TARGET_UNKNOWN' })
    duplicateOf = { id: target.id, ref: target.ref }
  }
  return actOnReport<StatusChangeError>(deps, org, ref, (r) => ({
    transition: changeStatus(r, { to: change.to, actor: change.actor, at: deps.now().toISOString(), reason: change.reason, duplicateOf }),
  }))
}

/** The steps that must be done before the report may be published (status `disclosed`). */
async function stepsBeforePublishing(deps: Deps, org: OrganizationRow, ref: string): Promise<string[]> {
  const report = await findReportStateByRef(deps.db, org.id, ref)
  if (!report) return []
  const found = await reportClocks(deps.db, org.id, report.id, deps.now().toISOString())
  return found ? openBeforePublishing(found.policy.process ?? [], found.events) : []
}
