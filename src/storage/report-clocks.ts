/**
 * Keeps a report's stored due times true to its events: after every change that appends events
 * (receipt, transition, reply, escalation), the clocks are recomputed with the domain engine and
 * written in the SAME transaction, so `next_due_at` and `wake_at` never lag behind the timeline.
 */

import { planBreachNotes } from '../domain/clock/breaches.js'
import { type Clock, type ClockName, computeClockSet, nextDue, type UncomputableClock } from '../domain/clock/clocks.js'
import { planEscalation } from '../domain/clock/escalation.js'
import type { Policy, Severity } from '../domain/policy/schema.js'
import type { Executor, Tx } from './db.js'
import { policyOfVersion } from './repositories/policy-repository.js'
import { readClockEvents, readReportForClocks, writeReportDueTimes } from './repositories/report-clock-repository.js'

export interface ReportClocks {
  policy: Policy
  clocks: Clock[]
  /** Clocks the calendar cannot place (a policy over the limits, a calendar without working days): shown as errors. */
  clockErrors: UncomputableClock[]
  plan: ReturnType<typeof planEscalation>
  /** Breaches of the team's clocks not yet recorded (`clock.breached`), and when the next one comes. */
  breaches: ReturnType<typeof planBreachNotes>
  report: NonNullable<Awaited<ReturnType<typeof readReportForClocks>>>
  events: Awaited<ReturnType<typeof readClockEvents>>
}

/** The report's clocks and escalation plan at `now`, or undefined when it runs under no policy. */
export async function reportClocks(
  db: Executor,
  orgId: string,
  reportId: string,
  now: string,
  lock = false,
): Promise<ReportClocks | undefined> {
  const report = await readReportForClocks(db, orgId, reportId, lock)
  const policy = report && (await policyOfVersion(db, orgId, report.policy_version_id))
  if (!report || !policy) return undefined
  const events = await readClockEvents(db, orgId, reportId)
  const input = { receivedAt: report.received_at, severity: (report.severity ?? undefined) as Severity | undefined, events }
  const { clocks, errors } = computeClockSet(policy, input, now)
  const plan = planEscalation(policy, input, clocks, now)
  return { policy, clocks, clockErrors: errors, plan, breaches: planBreachNotes(clocks, events), report, events }
}

const dueOf = (clocks: readonly Clock[], name: ClockName): string | null => {
  const clock = clocks.find((c) => c.name === name)
  return clock && clock.state !== 'met' && clock.state !== 'stopped' ? clock.dueAt : null
}

/** Recomputes and stores the report's due times; call after appending its events, in the same transaction. */
export async function refreshReportClocks(tx: Tx, orgId: string, reportId: string, now: string): Promise<void> {
  const found = await reportClocks(tx, orgId, reportId, now)
  if (!found) return
  const { clocks, plan, breaches } = found
  await writeReportDueTimes(tx, orgId, reportId, {
    nextDueAt: nextDue(clocks) ?? null,
    acknowledgeDueAt: dueOf(clocks, 'acknowledge'),
    detailedResponseDueAt: dueOf(clocks, 'detailed-response'),
    reporterUpdateDueAt: dueOf(clocks, 'reporter-update'),
    resolutionDueAt: dueOf(clocks, 'resolution'),
    disclosureDueAt: dueOf(clocks, 'disclosure'),
    // Something already due wakes the scheduler at once; otherwise at the next planned action or breach.
    wakeAt: plan.due.length > 0 || breaches.due.length > 0 ? now : earliest(plan.nextAt, breaches.nextAt),
  })
}

const earliest = (a: string | undefined, b: string | undefined): string | null =>
  a === undefined ? (b ?? null) : b === undefined ? a : a < b ? a : b
