/**
 * When a clock the team owes falls due without being met, the clock sweep records it once as a
 * `clock.breached` event (key `breached:<clock>@<started>`, one per clock per cycle: a clock that
 * restarts — reporter-update after a reply — is a new cycle). Reminders at the policy's
 * `remindAt` (75 % unless told) are already recorded once as `escalation.sent` with action
 * `remind`; a breach had no event of its own when the policy has no escalation chain, so nothing
 * could tell the team in-app. Pure: clocks and events in, keys out.
 */
import type { ClockEvent } from './clock-events.js'
import type { Clock, ClockName } from './clocks.js'

/** The clocks whose breach is the team's to hear of (the others are the reporter's rights). */
const teamOwed: ReadonlySet<ClockName> = new Set(['acknowledge', 'detailed-response', 'reporter-update', 'resolution'])

export interface BreachNote {
  key: string
  clock: ClockName
  dueAt: string
}

export const breachKey = (clock: Pick<Clock, 'name' | 'startedAt'>): string => `breached:${clock.name}@${clock.startedAt}`

/** Breaches to record now (not yet recorded), and when the next running clock will breach (the instant after its due time). */
export function planBreachNotes(clocks: readonly Clock[], events: readonly ClockEvent[]): { due: BreachNote[]; nextAt?: string } {
  const recorded = new Set(
    events.filter((e) => e.type === 'clock.breached' && typeof e.data?.key === 'string').map((e) => String(e.data?.key)),
  )
  const due: BreachNote[] = []
  let next: number | undefined
  for (const clock of clocks) {
    if (!teamOwed.has(clock.name)) continue
    if (clock.state === 'breached' && !recorded.has(breachKey(clock)))
      due.push({ key: breachKey(clock), clock: clock.name, dueAt: clock.dueAt })
    if (clock.state === 'running') {
      const at = Date.parse(clock.dueAt) + 1
      if (next === undefined || at < next) next = at
    }
  }
  return next === undefined ? { due } : { due, nextAt: new Date(next).toISOString() }
}
