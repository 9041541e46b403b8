import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { civilDateAt } from '../../../src/domain/calendar/zoned-time.js'
import { businessCalendar } from '../../../src/domain/clock/business-calendar.js'
import { type ClockEvent, computeClocks } from '../../../src/domain/clock/clocks.js'
import { loadPreset } from '../policy/presets.js'

const kumi = loadPreset('kumi-systems')
const vienna = businessCalendar(kumi.calendar)
const received = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
const iso = (ms: number) => new Date(ms).toISOString()

describe('computeClocks, for any receipt time and pause', () => {
  it('puts every business-day deadline on a working day', () => {
    fc.assert(
      fc.property(received, (at) => {
        for (const clock of computeClocks(kumi, { receivedAt: iso(at), events: [] }, iso(at))) {
          if (clock.target.unit === 'business-days')
            expect(vienna.isWorkingDay(civilDateAt(Date.parse(clock.dueAt), 'Europe/Vienna'))).toBe(true)
        }
      }),
    )
  })

  it('never moves a deadline earlier because the team waited on the reporter', () => {
    fc.assert(
      fc.property(
        received,
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        (at, wait, length) => {
          const now = iso(at + wait + length + 1)
          const base = computeClocks(kumi, { receivedAt: iso(at), events: [] }, now)
          const events: ClockEvent[] = [
            { type: 'report.waiting_on_reporter', at: iso(at + wait) },
            { type: 'reporter.replied', at: iso(at + wait + length) },
          ]
          const paused = computeClocks(kumi, { receivedAt: iso(at), events }, now)
          for (const clock of paused) {
            const before = base.find((c) => c.name === clock.name)
            if (before) expect(clock.dueAt >= before.dueAt).toBe(true)
          }
        },
      ),
    )
  })
})
