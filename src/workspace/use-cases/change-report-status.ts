import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { openBeforePublishing, stepsRequiredBefore } from '../../domain/policy/process-steps.js'
import type { ReportError } from '../../domain/report/errors.js'
import type { ReportStatus, Transition } from '../../domain/report/report.js'
import { changeStatus } from '../../domain/report/workflow.js'
import { fail, type Result } from '../../domain/result.js'
import { reportClocks } from '../../storage/report-clocks.js'
import { findReportStateByRef } from '../../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport, type NeedToKnowRefusal } from '../act-on-report.js'

export type StatusChangeError =
  | ReportError
  | { code: 'NOT_FOUND' }
  | NeedToKnowRefusal
  | { code: 'DUPLICATE_TARGET_UNKNOWN' }
  /** The policy's process: nothing is published before the steps that come first (Open Klant's eight steps). */
  | { code: 'STEPS_BEFORE_PUBLISHING'; missing: string[] }
  /** Steps the policy ties to the target status (`requiredBefore`) that are not done or skipped. */
  | { code: 'STEPS_REQUIRED_BEFORE'; missing: string[] }

export interface StatusChange {
  to: ReportStatus
  reason?: string | undefined
  duplicateOfRef?: string | undefined
  /** The team member moving it (need to know: only those who may read it may). */
  member: Reader
}

/** Moves a report to another status, as the workflow allows and the policy's steps permit. */
export async function changeReportStatus(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  change: StatusChange,
): Promise<Result<Transition, StatusChangeError>> {
  const steps = await openSteps(deps, org, ref, change.to)
  if (steps.required.length > 0) return fail({ code: 'STEPS_REQUIRED_BEFORE', missing: steps.required })
  if (change.to === 'disclosed' && steps.beforePublishing.length > 0) {
    return fail({ code: 'STEPS_BEFORE_PUBLISHING', missing: steps.beforePublishing })
  }
  let duplicateOf: { id: string; ref: string } | undefined
  if (change.to === 'duplicate' && change.duplicateOfRef) {
    const target = await findReportStateByRef(deps.db, org.id, change.duplicateOfRef.trim())
    if (!target) return fail({ code: 'DUPLICATE_TARGET_UNKNOWN' })
    duplicateOf = { id: target.id, ref: target.ref }
  }
  return actOnReport<StatusChangeError>(deps, org, ref, { actor: change.member }, (r) => ({
    transition: changeStatus(r, {
      to: change.to,
      actor: { kind: 'user', id: change.member.userId },
      at: deps.now().toISOString(),
      reason: change.reason,
      duplicateOf,
    }),
  }))
}

/** The steps still open that the policy requires before `to`, and before publishing (status `disclosed`). */
async function openSteps(deps: Deps, org: OrganizationRow, ref: string, to: ReportStatus) {
  const none = { required: [] as string[], beforePublishing: [] as string[] }
  const report = await findReportStateByRef(deps.db, org.id, ref)
  if (!report) return none
  const found = await reportClocks(deps.db, org.id, report.id, deps.now().toISOString())
  if (!found) return none
  const steps = found.policy.process ?? []
  return { required: stepsRequiredBefore(steps, found.events, to), beforePublishing: openBeforePublishing(steps, found.events) }
}
