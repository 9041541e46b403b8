import { describe, expect, it } from 'vitest'
import { businessCalendar } from '../../../src/domain/clock/business-calendar.js'

const vienna = businessCalendar({ timeZone: 'Europe/Vienna', holidays: { country: 'AT' } })
const at = (iso: string) => Date.parse(iso)
const iso = (ms: number) => new Date(ms).toISOString()

describe('business calendar (Vienna, Austrian public holidays)', () => {
  it('knows weekends, public holidays and ordinary days', () => {
    expect(vienna.isWorkingDay({ year: 2026, month: 12, day: 7 })).toBe(true) // Monday
    expect(vienna.isWorkingDay({ year: 2026, month: 12, day: 8 })).toBe(false) // Mariä Empfängnis
    expect(vienna.isWorkingDay({ year: 2026, month: 12, day: 5 })).toBe(false) // Saturday
    expect(vienna.isWorkingDay({ year: 2026, month: 12, day: 24 })).toBe(true) // Heiliger Abend is a bank holiday, not public
    expect(vienna.isWorkingDay({ year: 2026, month: 12, day: 25 })).toBe(false)
    expect(vienna.isWorkingDay({ year: 2026, month: 12, day: 26 })).toBe(false)
    expect(vienna.isWorkingDay({ year: 2027, month: 1, day: 6 })).toBe(false) // Heilige Drei Könige
  })

  it("judges the day in the organization's zone, not in UTC", () => {
    // 23:30 UTC on Friday 4 Dec is already Saturday 00:30 in Vienna.
    expect(vienna.isWorkingDayAt(at('2026-12-04T22:30:00Z'))).toBe(true)
    expect(vienna.isWorkingDayAt(at('2026-12-04T23:30:00Z'))).toBe(false)
  })

  it('Kumi: received Friday 4 Dec 2026 15:30, 3 business days → end of Thursday 10 Dec (8 Dec is a holiday)', () => {
    expect(iso(vienna.addBusinessDays(at('2026-12-04T14:30:00Z'), 3))).toBe('2026-12-10T22:59:59.999Z')
  })

  it('Kumi: 7 business days from the same Friday → end of Wednesday 16 Dec', () => {
    expect(iso(vienna.addBusinessDays(at('2026-12-04T14:30:00Z'), 7))).toBe('2026-12-16T22:59:59.999Z')
  })

  it('never counts the receipt day, however early the report came', () => {
    expect(iso(vienna.addBusinessDays(at('2026-12-07T00:01:00+01:00'), 1))).toBe('2026-12-09T22:59:59.999Z')
    expect(iso(vienna.addBusinessDays(at('2026-12-07T23:59:00+01:00'), 1))).toBe('2026-12-09T22:59:59.999Z')
  })

  it('0 business days is the end of the receipt day, or of the next working day when received on a day off', () => {
    expect(iso(vienna.addBusinessDays(at('2026-12-07T10:00:00+01:00'), 0))).toBe('2026-12-07T22:59:59.999Z')
    expect(iso(vienna.addBusinessDays(at('2026-12-05T10:00:00+01:00'), 0))).toBe('2026-12-07T22:59:59.999Z')
  })

  it('crosses the year end: Christmas, St Stephen, New Year and Epiphany are all off', () => {
    // Wed 23 Dec 2026 + 5 → 24 (Thu), 28, 29, 30, 31 → end of Thursday 31 Dec (CET: 22:59:59.999Z)
    expect(iso(vienna.addBusinessDays(at('2026-12-23T12:00:00+01:00'), 5))).toBe('2026-12-31T22:59:59.999Z')
    // + 7 → … 31, 4 Jan, 5 Jan (6 Jan is Epiphany)
    expect(iso(vienna.addBusinessDays(at('2026-12-23T12:00:00+01:00'), 7))).toBe('2027-01-05T22:59:59.999Z')
    expect(iso(vienna.addBusinessDays(at('2026-12-23T12:00:00+01:00'), 8))).toBe('2027-01-07T22:59:59.999Z')
  })

  it('falls due at local midnight on both sides of a DST change', () => {
    // Friday 27 March 2026 (CET); the clocks go forward on Sunday 29 March; due Monday 30 March in CEST.
    expect(iso(vienna.addBusinessDays(at('2026-03-27T10:00:00+01:00'), 1))).toBe('2026-03-30T21:59:59.999Z')
    // Friday 23 October 2026 (CEST); back on Sunday 25 October; Monday 26 October is the National Day.
    expect(iso(vienna.addBusinessDays(at('2026-10-23T10:00:00+02:00'), 1))).toBe('2026-10-27T22:59:59.999Z')
  })

  it('adds calendar days at the same wall-clock time, so a day across the spring change is 23 hours', () => {
    expect(iso(vienna.addCalendarDays(at('2026-03-28T15:30:00+01:00'), 1))).toBe('2026-03-29T13:30:00.000Z')
    expect(iso(vienna.addCalendarDays(at('2026-10-24T15:30:00+02:00'), 1))).toBe('2026-10-25T14:30:00.000Z')
    expect(iso(vienna.addCalendarDays(at('2026-12-04T15:30:00+01:00'), 90))).toBe('2027-03-04T14:30:00.000Z')
  })

  it('adds hours as elapsed time, whatever the calendar says', () => {
    expect(iso(vienna.addHours(at('2026-03-28T15:30:00+01:00'), 48))).toBe('2026-03-30T14:30:00.000Z') // 16:30 CEST: the wall clock moved, elapsed time did not
  })

  it('respects a state, extra closures and a non-standard working week', () => {
    const bavaria = businessCalendar({ timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BY' } })
    const berlin = businessCalendar({ timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BE' } })
    expect(bavaria.isWorkingDay({ year: 2026, month: 1, day: 6 })).toBe(false) // Epiphany is public in Bavaria
    expect(berlin.isWorkingDay({ year: 2026, month: 1, day: 6 })).toBe(true)
    const closed = businessCalendar({ timeZone: 'Europe/Vienna', closures: ['2026-12-09'] })
    expect(iso(closed.addBusinessDays(at('2026-12-07T10:00:00+01:00'), 2))).toBe('2026-12-10T22:59:59.999Z')
    const dhaka = businessCalendar({ timeZone: 'Asia/Dhaka', workingDays: ['sun', 'mon', 'tue', 'wed', 'thu'] })
    // Thursday 3 Dec 2026 → Sunday 6 Dec (Friday and Saturday are the weekend), end of day at UTC+6.
    expect(iso(dhaka.addBusinessDays(at('2026-12-03T10:00:00+06:00'), 1))).toBe('2026-12-06T17:59:59.999Z')
  })
})
