/**
 * Reminders and escalation of the CRA clocks: louder than the policy's ordinary clocks. At fixed
 * fractions of each stage's window — half, three quarters, and the deadline itself — every team
 * member (admins and responders) and every contact `regulation.cra.notify` names is told. Each
 * alert has a stable key; the sweep records the keys it sent on the case (conditionally, so two
 * sweepers never both send) and never plans a recorded key again. Pure.
 */
import type { CraClock, CraStage } from './cra-clocks.js'

/** The fractions of a window at which everyone is told; 1 is the deadline (escalation). */
export const craAlertFractions = [0.5, 0.75, 1] as const

export interface CraAlert {
  key: string
  stage: CraStage
  /** `remind` before the deadline, `overdue` at it. */
  kind: 'remind' | 'overdue'
  fraction: number
  /** When the alert falls due. */
  at: string
  /** The stage's deadline, which the mail names. */
  dueAt: string
}

export interface CraAlertPlan {
  /** Alerts to send now, oldest first: per stage, only the latest of those due. */
  due: CraAlert[]
  /** Earlier alerts of a stage overtaken by a later one due at the same sweep: recorded as done, not sent. */
  superseded: CraAlert[]
  nextAt?: string
}

function alertsOf(clock: CraClock): CraAlert[] {
  if ((clock.state !== 'running' && clock.state !== 'overdue') || !clock.startedAt || !clock.dueAt) return []
  const start = Date.parse(clock.startedAt)
  const end = Date.parse(clock.dueAt)
  return craAlertFractions.map((fraction) => ({
    key: `${clock.stage}@${clock.startedAt}:${Math.round(fraction * 100)}`,
    stage: clock.stage,
    kind: fraction === 1 ? 'overdue' : 'remind',
    fraction,
    at: new Date(start + Math.round((end - start) * fraction)).toISOString(),
    dueAt: clock.dueAt as string,
  }))
}

/**
 * The alerts due at `now` that were not sent yet, and when to look again. When several alerts of
 * one stage are due at once (a case marked long after the awareness, or a sweep that did not run
 * for a while), only the latest is sent — "overdue" says more than "half the time has passed" —
 * and the earlier ones are recorded as done, so none is ever sent later or twice.
 */
export function planCraAlerts(clocks: readonly CraClock[], sent: ReadonlySet<string>, now: string): CraAlertPlan {
  const nowMs = Date.parse(now)
  const pending = clocks
    .flatMap(alertsOf)
    .filter((a) => !sent.has(a.key))
    .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key))
  const ripe = pending.filter((a) => Date.parse(a.at) <= nowMs)
  const latest = new Map<string, CraAlert>()
  for (const a of ripe) latest.set(a.stage, a)
  const due = ripe.filter((a) => latest.get(a.stage) === a)
  const superseded = ripe.filter((a) => latest.get(a.stage) !== a)
  const next = pending.find((a) => Date.parse(a.at) > nowMs)
  return next ? { due, superseded, nextAt: next.at } : { due, superseded }
}
