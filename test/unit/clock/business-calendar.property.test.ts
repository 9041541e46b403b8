import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { businessCalendar } from '../../../src/domain/clock/business-calendar.js'
import { civilDateAt, wallTimeAt } from '../../../src/domain/clock/zoned-time.js'

const calendars = [
  businessCalendar({ timeZone: 'Europe/Vienna', holidays: { country: 'AT' } }),
  businessCalendar({ timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BY' }, closures: ['2026-12-24', '2026-12-31'] }),
  businessCalendar({ timeZone: 'Asia/Dhaka', workingDays: ['sun', 'mon', 'tue', 'wed', 'thu'], holidays: { country: 'BD' } }),
  businessCalendar({ timeZone: 'America/New_York', holidays: { country: 'US' } }),
]

const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') })
/** Instants close to the hard places: DST changes in March and October, and the year end. */
const hardInstant = fc.oneof(
  instant,
  fc
    .constantFrom(
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
      '2026-12-23',
      '2026-12-24',
      '2026-12-31',
    )
    .chain((day) => fc.integer({ min: 0, max: 86_399_999 }).map((ms) => Date.parse(`${day}T00:00:00Z`) + ms)),
)
const calendar = fc.constantFrom(...calendars)

describe('business-day deadlines, for any instant', () => {
  it('never fall due on a weekend, holiday or closure, and always at the last millisecond of a local day', () => {
    fc.assert(
      fc.property(calendar, hardInstant, fc.integer({ min: 0, max: 30 }), (cal, start, days) => {
        const due = cal.addBusinessDays(start, days)
        expect(cal.isWorkingDay(civilDateAt(due, cal.timeZone))).toBe(true)
        expect(wallTimeAt(due, cal.timeZone)).toMatchObject({ hour: 23, minute: 59, second: 59, millisecond: 999 })
        expect(civilDateAt(due + 1, cal.timeZone)).not.toEqual(civilDateAt(due, cal.timeZone))
      }),
    )
  })

  it('count exactly N working days after the receipt day', () => {
    fc.assert(
      fc.property(calendar, hardInstant, fc.integer({ min: 1, max: 20 }), (cal, start, days) => {
        const due = cal.addBusinessDays(start, days)
        expect(cal.workingDayStartsBetween(start, due)).toBe(days)
      }),
    )
  })

  it('never move earlier when more time is given or the clock starts later', () => {
    fc.assert(
      fc.property(
        calendar,
        hardInstant,
        fc.integer({ min: 0, max: 7 * 86_400_000 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        (cal, start, later, days, more) => {
          expect(cal.addBusinessDays(start, days + more)).toBeGreaterThanOrEqual(cal.addBusinessDays(start, days))
          expect(cal.addBusinessDays(start + later, days)).toBeGreaterThanOrEqual(cal.addBusinessDays(start, days))
          expect(cal.addCalendarDays(start, days + more)).toBeGreaterThanOrEqual(cal.addCalendarDays(start, days))
          expect(cal.addCalendarDays(start + later, days)).toBeGreaterThanOrEqual(cal.addCalendarDays(start, days))
        },
      ),
    )
  })

  it('are always later than the start (except "immediately")', () => {
    fc.assert(
      fc.property(calendar, hardInstant, fc.integer({ min: 1, max: 20 }), (cal, start, days) => {
        expect(cal.addBusinessDays(start, days)).toBeGreaterThan(start)
        expect(cal.addCalendarDays(start, days)).toBeGreaterThan(start)
      }),
    )
  })
})

describe('calendar-day deadlines', () => {
  it('keep the local wall-clock time across DST changes (unless that time does not exist that day)', () => {
    const vienna = calendars[0]!
    fc.assert(
      fc.property(hardInstant, fc.integer({ min: 1, max: 120 }), (start, days) => {
        const before = wallTimeAt(start, vienna.timeZone)
        const after = wallTimeAt(vienna.addCalendarDays(start, days), vienna.timeZone)
        if (before.hour !== 2) expect([after.hour, after.minute, after.second]).toEqual([before.hour, before.minute, before.second])
      }),
    )
  })
})
