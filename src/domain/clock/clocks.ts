/**
 * The clocks a policy starts for a report: when each falls due and where it stands at `now`.
 * Pure: the caller passes the policy, the report's receipt time, severity and events, and `now`.
 * The event rules are in clock-events.ts; the calendar rules in business-calendar.ts.
 */

import { civilDateAt } from '../calendar/zoned-time.js'
import { type Duration, parseClockTarget } from '../policy/durations.js'
import type { Policy, PolicyClocks, Severity } from '../policy/schema.js'
import { type BusinessCalendar, businessCalendar, ClockUncomputable, type UncomputableReason } from './business-calendar.js'
import {
  acknowledgedAt,
  type ClockEvent,
  detailedResponseAt,
  disclosedAt,
  disclosedBy,
  endedBy,
  firstReplyAt,
  type Pause,
  pauses,
  replyTimes,
  resolvedAt,
  type TimedEvent,
  timeline,
} from './clock-events.js'

export type { ClockEvent } from './clock-events.js'

export const clockNames = ['acknowledge', 'detailed-response', 'reporter-update', 'resolution', 'disclosure', 'escalation-allowed'] as const
export type ClockName = (typeof clockNames)[number]
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'stopped'

/**
 * A clock the calendar cannot place (ClockUncomputable): the report is kept and the team sees
 * the clock as an error, instead of the submission failing. It never falls due and never escalates.
 */
export interface UncomputableClock {
  name: ClockName
  target: Duration
  startedAt: string
  state: 'error'
  reason: UncomputableReason
}

export interface Clock {
  name: ClockName
  /** What the policy promised, e.g. { amount: 3, unit: 'business-days' }. */
  target: Duration
  startedAt: string
  dueAt: string
  state: ClockState
  metAt?: string
  /** Met, but after dueAt. */
  late?: boolean
  /** Stopped (never met) because the report reached this status: rejected, duplicate, closed or disclosed. */
  stoppedBy?: string
  stoppedAt?: string
  /** Business-day clocks that are running or paused: working days left after today (0 = due by the end of today). */
  businessDaysLeft?: number
}

export interface ReportForClocks {
  receivedAt: string
  severity?: Severity | undefined
  events: readonly ClockEvent[]
}

/** The policy key for each clock name. */
const policyKey: Readonly<Record<ClockName, keyof Omit<PolicyClocks, 'bySeverity'>>> = {
  acknowledge: 'acknowledge',
  'detailed-response': 'detailedResponse',
  'reporter-update': 'reporterUpdate',
  resolution: 'resolution',
  disclosure: 'disclosure',
  'escalation-allowed': 'reporterMayEscalateAfter',
}

const pausable: ReadonlySet<ClockName> = new Set(['detailed-response', 'reporter-update', 'resolution'])

/** The clock targets after the policy's per-severity overrides for this report (later entries win). */
export function effectiveTargets(policy: Policy, severity: Severity | undefined): Partial<Record<ClockName, Duration>> {
  const overrides = (policy.clocks.bySeverity ?? []).filter((o) => severity !== undefined && o.severity.includes(severity))
  const targets: Partial<Record<ClockName, Duration>> = {}
  for (const name of clockNames) {
    const key = policyKey[name]
    const text = overrides.reduce<string | undefined>((words, o) => o.clocks?.[key] ?? words, policy.clocks[key])
    const target = text === undefined ? undefined : parseClockTarget(text)
    if (target?.kind === 'duration') targets[name] = target.duration
  }
  return targets
}

/** The due instant once pauses are counted in: each pause that began before the (moving) due date pushes it on. */
function dueWithPauses(calendar: BusinessCalendar, start: number, target: Duration, paused: readonly Pause[], now: number): number {
  let due = calendar.addDuration(start, target)
  for (const pause of paused) {
    const from = Math.max(pause.from, start)
    const to = Math.min(pause.to ?? now, now)
    if (from >= due || to <= from) continue
    due = target.unit === 'business-days' ? calendar.addBusinessDays(due, calendar.workingDayStartsBetween(from, to)) : due + (to - from)
  }
  return due
}

const businessDaysLeft = (calendar: BusinessCalendar, now: number, due: number): number =>
  calendar.workingDaysBetween(civilDateAt(now, calendar.timeZone), civilDateAt(due, calendar.timeZone))

interface ClockFacts {
  start: number
  metAt: number | undefined
  /** The status that stops the clock without meeting it, if the report reached it. */
  stop?: { at: number; status: string } | undefined
}

/** When each clock started and when (if at all) it was met, from the timeline. */
function factsFor(name: ClockName, received: number, events: readonly TimedEvent[], policy: Policy): ClockFacts | undefined {
  const stop = endedBy(events)
  switch (name) {
    case 'acknowledge':
      return { start: received, metAt: acknowledgedAt(events), stop }
    case 'detailed-response':
      return { start: received, metAt: detailedResponseAt(events, policy.responses?.detailed ?? []), stop }
    case 'reporter-update': {
      const acknowledged = acknowledgedAt(events)
      if (acknowledged === undefined) return undefined
      const start = Math.max(acknowledged, ...replyTimes(events).filter((t) => t <= (stop?.at ?? Infinity)))
      const disclosed = disclosedBy(events)
      const first = [stop, disclosed].filter((s) => s !== undefined).sort((a, b) => a.at - b.at)[0]
      return { start, metAt: undefined, stop: first }
    }
    case 'resolution':
      return { start: received, metAt: resolvedAt(events), stop }
    case 'disclosure':
      return { start: received, metAt: disclosedAt(events), stop }
    case 'escalation-allowed':
      return { start: received, metAt: firstReplyAt(events), stop }
  }
}

/**
 * Every clock the policy promises for this report, at `now`. A clock the policy does not promise,
 * or promises only "as soon as possible", is absent; so is reporter-update before acknowledgment.
 * Clocks the calendar cannot place are left out; `computeClockSet` returns them as errors.
 */
export function computeClocks(policy: Policy, report: ReportForClocks, now: string): Clock[] {
  return computeClockSet(policy, report, now).clocks
}

/** The clocks placed on the calendar, and those it cannot place (shown to the team as errors, never thrown). */
export function computeClockSet(policy: Policy, report: ReportForClocks, now: string): { clocks: Clock[]; errors: UncomputableClock[] } {
  const calendar = businessCalendar(policy.calendar)
  const nowMs = Date.parse(now)
  const received = Date.parse(report.receivedAt)
  const events = timeline(report.events, nowMs)
  const paused = pauses(events)
  const waiting = paused.some((p) => p.to === undefined)
  const targets = effectiveTargets(policy, report.severity)
  const clocks: Clock[] = []
  const errors: UncomputableClock[] = []
  for (const name of clockNames) {
    const target = targets[name]
    const found = target && factsFor(name, received, events, policy)
    if (!target || !found) continue
    // Met only if met before anything stopped it; a clock stopped first stays stopped, never "met".
    const met = found.metAt !== undefined && (found.stop === undefined || found.metAt <= found.stop.at)
    const facts = { start: found.start, metAt: met ? found.metAt : undefined, stop: met ? undefined : found.stop }
    const endAt = facts.metAt ?? facts.stop?.at
    let due: number
    try {
      due = pausable.has(name)
        ? dueWithPauses(calendar, facts.start, target, paused, endAt ?? nowMs)
        : calendar.addDuration(facts.start, target)
    } catch (error) {
      if (!(error instanceof ClockUncomputable)) throw error
      errors.push({ name, target, startedAt: iso(facts.start), state: 'error', reason: error.reason })
      continue
    }
    const clock: Clock = { name, target, startedAt: iso(facts.start), dueAt: iso(due), state: 'running' }
    if (facts.metAt !== undefined) {
      clock.state = 'met'
      clock.metAt = iso(facts.metAt)
      if (facts.metAt > due) clock.late = true
    } else if (facts.stop !== undefined) {
      clock.state = 'stopped'
      clock.stoppedBy = facts.stop.status
      clock.stoppedAt = iso(facts.stop.at)
    } else if (nowMs > due) {
      clock.state = 'breached'
    } else {
      if (waiting && pausable.has(name)) clock.state = 'paused'
      if (target.unit === 'business-days') clock.businessDaysLeft = businessDaysLeft(calendar, nowMs, due)
    }
    clocks.push(clock)
  }
  return { clocks, errors }
}

/** The earliest dueAt among running clocks: what the scheduler stores as the report's next deadline. */
export function nextDue(clocks: readonly Clock[]): string | undefined {
  return clocks
    .filter((c) => c.state === 'running')
    .map((c) => c.dueAt)
    .sort()[0]
}

const iso = (ms: number): string => new Date(ms).toISOString()
