import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import { checkStep, type StepError } from '../../domain/policy/process-steps.js'
import { fail, ok } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeReportPolicy, memberActor } from '../change-report-policy.js'

/** Records a process step done (or an optional one skipped), refusing steps out of order. */
export const recordStep = (deps: Deps, org: OrganizationRow, ref: string, stepId: string, skip: boolean, actor: Reader) =>
  changeReportPolicy<void, StepError>(deps, org, ref, actor, async (u, report, found) => {
    const refused = checkStep(found?.policy.process ?? [], found?.events ?? [], stepId, skip)
    if (refused) return fail(refused)
    u.record(newEvent(skip ? 'process.step_skipped' : 'process.step_done', memberActor(actor.userId), u.at, report.id, { step: stepId }))
    return ok(undefined)
  })
