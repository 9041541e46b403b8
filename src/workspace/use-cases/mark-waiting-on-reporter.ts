import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { ok } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeReportPolicy, memberActor } from '../change-report-policy.js'

/** Pauses the clocks the policy lets pause, until the reporter replies. */
export const markWaitingOnReporter = (deps: Deps, org: OrganizationRow, ref: string, userId: string) =>
  changeReportPolicy<void, never>(deps, org, ref, async (u, report) => {
    u.record(newEvent('report.waiting_on_reporter', memberActor(userId), u.at, report.id, {}))
    return ok(undefined)
  })
