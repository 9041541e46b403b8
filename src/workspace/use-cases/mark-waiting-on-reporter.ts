import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import { ok } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeReportPolicy, memberActor } from '../change-report-policy.js'

/** Pauses the clocks the policy lets pause, until the reporter replies. */
export const markWaitingOnReporter = (deps: Deps, org: OrganizationRow, ref: string, actor: Reader) =>
  changeReportPolicy<void, never>(deps, org, ref, actor, async (u, report) => {
    u.record(newEvent('report.waiting_on_reporter', memberActor(actor.userId), u.at, report.id, {}))
    return ok(undefined)
  })
