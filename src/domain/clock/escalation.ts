/**
 * Who must be told what, and when, as a report's clocks run down: reminders before a deadline,
 * escalation along the policy's chain after it, and the one-off notices some policies promise.
 * Pure data out; the scheduler turns each action into outbox rows and records an
 * `escalation.sent` event with the action's `key`, which is how an action is never sent twice.
 *
 * Rules (docs/policy.md, "Escalation rules"):
 * - Clocks the team owes (acknowledge, detailed-response, reporter-update, resolution) remind
 *   the assignee at `remindAt` (default 0.75) of their window while running.
 * - When such a clock is breached, the chain runs in order: step 1 `after` the breach (default
 *   immediately), each next step `after` the previous one (default 1 business day).
 * - escalation-allowed breached and `reporterMayEscalate`: offer the reporter the chain.
 * - resolution breached and `finalUpdateWhenUnresolved`: send the final "progress has halted" update.
 * - disclosure breached and `reporterMayDisclose: after-deadline`: tell the reporter they may disclose.
 * - A severity override with `alert: team`: alert the whole team on receipt.
 * Paused and met clocks produce nothing.
 */
import { parseDuration } from '../policy/durations.js'
import type { Policy } from '../policy/schema.js'
import { businessCalendar, ClockUncomputable } from './business-calendar.js'
import type { ClockEvent } from './clock-events.js'
import type { Clock, ClockName, ReportForClocks } from './clocks.js'

export type EscalationTarget = { kind: 'assignee' } | { kind: 'team' } | { kind: 'contact'; contactId: string }

interface ActionBase {
  /** Stable identity: record it in an `escalation.sent` event once the action is done. */
  key: string
  dueAt: string
}

export type EscalationAction =
  | (ActionBase & { kind: 'remind'; clock: ClockName; to: EscalationTarget })
  | (ActionBase & { kind: 'escalate'; clock: ClockName; step: number; to: EscalationTarget })
  | (ActionBase & { kind: 'offer-escalation'; clock: 'escalation-allowed' })
  | (ActionBase & { kind: 'final-update'; clock: 'resolution' })
  | (ActionBase & { kind: 'reporter-may-disclose'; clock: 'disclosure' })
  | (ActionBase & { kind: 'alert-team'; reason: 'severity' })

export interface EscalationPlan {
  /** Actions due at `now` and not yet done, oldest first. */
  due: EscalationAction[]
  /** When the next not-yet-due action falls due: when the scheduler should look again. */
  nextAt?: string
}

const teamOwed: ReadonlySet<ClockName> = new Set(['acknowledge', 'detailed-response', 'reporter-update', 'resolution'])
const DEFAULT_REMIND_AT = 0.75

const targetOf = (step: NonNullable<Policy['escalation']>['chain'][number]): EscalationTarget =>
  step.notify === 'contact' ? { kind: 'contact', contactId: step.contact ?? '' } : { kind: step.notify }

/** Every action the clocks can ever call for, due or not. */
function allActions(policy: Policy, report: ReportForClocks, clocks: readonly Clock[]): EscalationAction[] {
  const calendar = businessCalendar(policy.calendar)
  const iso = (ms: number) => new Date(ms).toISOString()
  const actions: EscalationAction[] = []
  const remindAt = policy.escalation?.remindAt ?? DEFAULT_REMIND_AT
  for (const clock of clocks) {
    if (clock.state !== 'running' && clock.state !== 'breached') continue
    const started = Date.parse(clock.startedAt)
    const due = Date.parse(clock.dueAt)
    const cycle = `${clock.name}@${clock.startedAt}`
    if (teamOwed.has(clock.name)) {
      if (due > started) {
        actions.push({
          kind: 'remind',
          clock: clock.name,
          to: { kind: 'assignee' },
          key: `remind:${cycle}`,
          dueAt: iso(started + Math.round((due - started) * remindAt)),
        })
      }
      let at = due
      for (const [i, step] of (policy.escalation?.chain ?? []).entries()) {
        const wait = parseDuration(step.after ?? (i === 0 ? 'immediately' : '1 business day'))
        try {
          if (wait) at = calendar.addDuration(at, wait)
        } catch (error) {
          // A step the calendar cannot place never falls due, nor do the steps after it.
          if (error instanceof ClockUncomputable) break
          throw error
        }
        actions.push({
          kind: 'escalate',
          clock: clock.name,
          step: i + 1,
          to: targetOf(step),
          key: `escalate:${cycle}:${i + 1}`,
          dueAt: iso(Math.max(at, due)),
        })
      }
    }
    if (clock.name === 'escalation-allowed' && policy.escalation?.reporterMayEscalate) {
      actions.push({ kind: 'offer-escalation', clock: clock.name, key: `offer-escalation:${cycle}`, dueAt: clock.dueAt })
    }
    if (clock.name === 'resolution' && policy.responses?.finalUpdateWhenUnresolved) {
      actions.push({ kind: 'final-update', clock: clock.name, key: `final-update:${cycle}`, dueAt: clock.dueAt })
    }
    if (clock.name === 'disclosure' && policy.disclosure?.reporterMayDisclose === 'after-deadline') {
      actions.push({ kind: 'reporter-may-disclose', clock: clock.name, key: `reporter-may-disclose:${cycle}`, dueAt: clock.dueAt })
    }
  }
  const alerting = (policy.clocks.bySeverity ?? []).some(
    (o) => o.alert === 'team' && report.severity !== undefined && o.severity.includes(report.severity),
  )
  if (alerting) actions.push({ kind: 'alert-team', reason: 'severity', key: 'alert-team:severity', dueAt: report.receivedAt })
  return actions
}

/** The keys of actions already done, from `escalation.sent` events. */
const doneKeys = (events: readonly ClockEvent[]): Set<string> =>
  new Set(events.filter((e) => e.type === 'escalation.sent' && typeof e.data?.key === 'string').map((e) => String(e.data?.key)))

/**
 * The reminders and escalations due at `now` for a report whose clocks are `clocks`
 * (from computeClocks at the same `now`), and when to look again.
 */
export function planEscalation(policy: Policy, report: ReportForClocks, clocks: readonly Clock[], now: string): EscalationPlan {
  const nowMs = Date.parse(now)
  const done = doneKeys(report.events)
  const pending = allActions(policy, report, clocks)
    .filter((a) => !done.has(a.key))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  const due = pending.filter((a) => Date.parse(a.dueAt) <= nowMs)
  const next = pending.find((a) => Date.parse(a.dueAt) > nowMs)
  return next ? { due, nextAt: next.dueAt } : { due }
}
