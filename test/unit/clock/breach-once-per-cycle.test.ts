/**
 * The deadline-passed entry a team sees in its inbox: recorded once per clock and cycle, whatever
 * else the report's history holds, and the sweep wakes for the first running clock to fall due,
 * in whatever order the clocks come.
 */
import { describe, expect, it } from 'vitest'
import { planBreachNotes } from '../../../src/domain/clock/breaches.js'
import type { ClockEvent } from '../../../src/domain/clock/clock-events.js'
import type { Clock } from '../../../src/domain/clock/clocks.js'

const clock = (over: Partial<Clock>): Clock => ({
  name: 'acknowledge',
  target: { amount: 3, unit: 'business-days' },
  startedAt: '2026-12-01T08:00:00.000Z',
  dueAt: '2026-12-04T08:00:00.000Z',
  state: 'running',
  ...over,
})
const key = 'breached:acknowledge@2026-12-01T08:00:00.000Z'

describe('the deadline-passed entry, once per clock and cycle', () => {
  it('is still owed when only some other event carries the same key', () => {
    const others: ClockEvent[] = [
      { type: 'escalation.sent', at: '2026-12-04T08:01:00.000Z', data: { key, clock: 'acknowledge', action: 'remind' } },
      { type: 'clock.started', at: '2026-12-01T08:00:00.000Z', data: { key } },
    ]
    expect(planBreachNotes([clock({ state: 'breached' })], others).due.map((d) => d.key)).toEqual([key])
  })

  it('is still owed when a breach was recorded without a key, and such a record does not trip the sweep', () => {
    const keyless: ClockEvent[] = [{ type: 'clock.breached', at: '2026-12-04T08:01:00.000Z' }]
    expect(planBreachNotes([clock({ state: 'breached' })], keyless).due.map((d) => d.key)).toEqual([key])
  })

  it('wakes for the earliest running clock, whichever comes first in the list', () => {
    const early = clock({ name: 'acknowledge', dueAt: '2026-12-04T08:00:00.000Z' })
    const late = clock({ name: 'resolution', dueAt: '2027-03-01T08:00:00.000Z' })
    expect(planBreachNotes([early, late], []).nextAt).toBe('2026-12-04T08:00:00.001Z')
    expect(planBreachNotes([late, early], []).nextAt).toBe('2026-12-04T08:00:00.001Z')
  })
})
