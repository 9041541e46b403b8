import type { Deps } from '../deps.js'
import { mayActOnReport, type Reader } from '../domain/access/need-to-know.js'
import type { EventActor } from '../domain/events.js'
import { fail, type Result } from '../domain/result.js'
import { type ReportClocks, reportClocks } from '../storage/report-clocks.js'
import { findReportStateByRef } from '../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { runUnit, type Unit } from '../storage/unit-of-work.js'
import type { NeedToKnowRefusal } from './act-on-report.js'

/** A team member acting on the policy side of a report. */
export const memberActor = (userId: string): EventActor => ({ kind: 'user', id: userId })

/**
 * Finds the report and runs `change` with it in one unit of work, with the policy side of the
 * report (policy, events) read there; the unit writes the events and the new due times with it.
 * A refused change (`{ ok: false }`) leaves nothing behind, and so does an actor whom need to
 * know keeps out of the report (`mayActOnReport`).
 */
export async function changeReportPolicy<T, E>(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  actor: Reader,
  change: (u: Unit, report: { id: string }, found: ReportClocks | undefined) => Promise<Result<T, E>>,
): Promise<Result<T, E | { code: 'NOT_FOUND' } | NeedToKnowRefusal>> {
  const report = await findReportStateByRef(deps.db, org.id, ref)
  if (!report) return fail({ code: 'NOT_FOUND' as const })
  if (!mayActOnReport(actor, report, report.sharedWith)) return fail({ code: 'NEED_TO_KNOW' as const })
  return runUnit(deps, org, async (u) => change(u, report, await reportClocks(u.tx, org.id, report.id, u.at, true)))
}
