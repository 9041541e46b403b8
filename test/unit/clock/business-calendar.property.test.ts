import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, formatCivilDate } from '../../../src/domain/calendar/civil-date.js'
import { civilDateAt, endOfDay, wallTimeAt } from '../../../src/domain/calendar/zoned-time.js'
import { type BusinessCalendar, businessCalendar, ClockUncomputable } from '../../../src/domain/clock/business-calendar.js'
import { propertyRuns } from '../../support/property-runs.js'

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

/** The rule as docs/policy.md states it, one day at a time: the reference the fast count must match. */
function dayByDay(cal: BusinessCalendar, start: number, days: number): number {
  let date = civilDateAt(start, cal.timeZone)
  if (days <= 0) {
    while (!cal.isWorkingDay(date)) date = addDays(date, 1)
    return endOfDay(date, cal.timeZone)
  }
  for (let left = days; left > 0; ) {
    date = addDays(date, 1)
    if (cal.isWorkingDay(date)) left--
  }
  return endOfDay(date, cal.timeZone)
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const randomCalendar = fc
  .record({
    timeZone: fc.constantFrom('Europe/Vienna', 'America/New_York', 'Asia/Dhaka', 'Pacific/Auckland', 'UTC'),
    workingDays: fc.subarray([...weekdays], { minLength: 1 }),
    holidays: fc.option(fc.constantFrom({ country: 'AT' }, { country: 'DE', state: 'BY' }, { country: 'US' }, { country: 'BD' }), {
      nil: undefined,
    }),
    // Closed days, some in long runs: the fast path must step over them exactly.
    closures: fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 4 * 366 }), fc.integer({ min: 1, max: 40 }))
        .map(([offset, run]) =>
          Array.from({ length: run }, (_, i) => formatCivilDate(addDays({ year: 2025, month: 1, day: 1 }, offset + i))),
        ),
      { maxLength: 6 },
    ),
  })
  .map((r) => businessCalendar({ ...r, closures: r.closures.flat() }))

describe('finding 4: business days are counted by weeks and closed days, not day by day', () => {
  it('finding 4: the fast count agrees with the day-by-day count on random calendars', () => {
    fc.assert(
      fc.property(randomCalendar, instant, fc.integer({ min: 0, max: 400 }), (cal, start, days) => {
        expect(cal.addBusinessDays(start, days)).toBe(dayByDay(cal, start, days))
        const due = cal.addBusinessDays(start, days)
        // Days whose local midnight lies in [start, due): the N working days after the receipt day, and the
        // receipt day itself when the report arrived exactly at its midnight (a pause from then covers all of it).
        const wall = wallTimeAt(start, cal.timeZone)
        const atMidnight = wall.hour === 0 && wall.minute === 0 && wall.second === 0 && wall.millisecond === 0
        const receiptDayCounts = atMidnight && cal.isWorkingDay(civilDateAt(start, cal.timeZone)) ? 1 : 0
        if (days > 0) expect(cal.workingDayStartsBetween(start, due)).toBe(days + receiptDayCounts)
      }),
      { numRuns: propertyRuns(300) },
    )
  })

  it('counts the receipt day among the working days of a span that starts exactly at its midnight', () => {
    const utc = businessCalendar({ timeZone: 'UTC' })
    const mondayMidnight = Date.parse('2026-11-30T00:00:00Z')
    const due = utc.addBusinessDays(mondayMidnight, 1)
    expect(new Date(due).toISOString()).toBe('2026-12-01T23:59:59.999Z')
    expect(utc.workingDayStartsBetween(mondayMidnight, due)).toBe(2)
    expect(utc.workingDayStartsBetween(mondayMidnight + 1, due)).toBe(1)
  })

  it('finding 4: 300000 business days from a direct call is refused as uncomputable; the longest policy clock is counted', () => {
    const vienna = calendars[0]!
    const start = Date.parse('2026-12-01T10:00:00Z')
    expect(() => vienna.addBusinessDays(start, 300_000)).toThrow(ClockUncomputable)
    expect(() => vienna.addDuration(start, { amount: 300_000, unit: 'business-days' })).toThrow(ClockUncomputable)
    expect(() => vienna.addDuration(start, { amount: 1e11, unit: 'calendar-days' })).toThrow(ClockUncomputable)
    expect(() => vienna.addDuration(start, { amount: 1e15, unit: 'hours' })).toThrow(ClockUncomputable)
    const longest = vienna.addBusinessDays(start, 2600)
    expect(vienna.workingDayStartsBetween(start, longest)).toBe(2600)
    expect(longest).toBe(dayByDay(vienna, start, 2600))
    // One working weekday and the policy's longest clock: further out than any deadline is placed.
    const sundays = businessCalendar({ timeZone: 'UTC', workingDays: ['sun'] })
    expect(() => sundays.addBusinessDays(start, 2600)).toThrow(ClockUncomputable)
    expect(() => businessCalendar({ timeZone: 'UTC', workingDays: [] }).addBusinessDays(start, 1)).toThrow(ClockUncomputable)
  }, 30_000)
})
