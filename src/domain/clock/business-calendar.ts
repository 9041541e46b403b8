/**
 * An organization's working calendar: which days count as business days, and where a deadline
 * counted in business days, calendar days or hours falls.
 *
 * The rules (docs/policy.md, "Clock rules"):
 * - A working day is a day of `workingDays` (default Monday–Friday) that is neither a public
 *   holiday of the region (date-holidays, type `public` only) nor a closure, in the org's zone.
 * - N business days from an instant fall due at the END (23:59:59.999 local) of the Nth working
 *   day strictly after the local day on which the clock started. The receipt day never counts,
 *   however early the report came in, so the deadline is the same for any time on that day and
 *   always lies on a working day. 0 business days: the end of the start day if it is a working
 *   day, else of the next working day.
 * - N calendar days fall due at the same local wall-clock time N days later (DST-aware: across
 *   the March change that is 23 real hours for one day).
 * - N hours are exactly N × 3,600,000 ms later, whatever the calendar says.
 */
import type { Duration } from '../policy/durations.js'
import { addDays, type CivilDate, formatCivilDate, weekdayOf } from './civil-date.js'
import { type HolidayRegion, publicHolidays } from './public-holidays.js'
import { civilDateAt, endOfDay, instantAt, wallTimeAt } from './zoned-time.js'

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

export interface CalendarRules {
  timeZone: string
  workingDays?: readonly Weekday[] | undefined
  holidays?: HolidayRegion | undefined
  closures?: readonly string[] | undefined
}

const weekdayNames: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const defaultWorkingDays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const HOUR = 3_600_000

/** A calendar has at least one working weekday; more than this many days in a row off means a broken calendar. */
const maxDaysOff = 3 * 366

export interface BusinessCalendar {
  readonly timeZone: string
  /** Whether the civil date is a working day in this calendar. */
  isWorkingDay(date: CivilDate): boolean
  /** Whether the instant falls on a working day in the org's zone. */
  isWorkingDayAt(epochMs: number): boolean
  addBusinessDays(epochMs: number, days: number): number
  addCalendarDays(epochMs: number, days: number): number
  addHours(epochMs: number, hours: number): number
  /** Where a policy duration started at `epochMs` falls due. */
  addDuration(epochMs: number, duration: Duration): number
  /** Working days whose local start (00:00) lies in [from, to): how much business time a pause used. */
  workingDayStartsBetween(from: number, to: number): number
}

/** Builds the calendar from the policy's `calendar` section. */
export function businessCalendar(rules: CalendarRules): BusinessCalendar {
  const { timeZone } = rules
  const working = new Set(rules.workingDays ?? defaultWorkingDays)
  const closures = new Set(rules.closures ?? [])

  const isWorkingDay = (date: CivilDate): boolean => {
    if (!working.has(weekdayNames[weekdayOf(date)] ?? 'sun')) return false
    const key = formatCivilDate(date)
    if (closures.has(key)) return false
    return !(rules.holidays && publicHolidays(rules.holidays, date.year).has(key))
  }

  const nextWorkingDay = (after: CivilDate): CivilDate => {
    let date = addDays(after, 1)
    for (let guard = 0; !isWorkingDay(date); guard++) {
      if (guard > maxDaysOff) throw new Error(`calendar in ${timeZone} has no working day after ${formatCivilDate(after)}`)
      date = addDays(date, 1)
    }
    return date
  }

  const addBusinessDays = (epochMs: number, days: number): number => {
    const start = civilDateAt(epochMs, timeZone)
    if (days <= 0) return endOfDay(isWorkingDay(start) ? start : nextWorkingDay(start), timeZone)
    let date = start
    for (let i = 0; i < days; i++) date = nextWorkingDay(date)
    return endOfDay(date, timeZone)
  }

  const addCalendarDays = (epochMs: number, days: number): number => {
    const wall = wallTimeAt(epochMs, timeZone)
    return instantAt({ ...wall, ...addDays(wall, days) }, timeZone)
  }

  const addHours = (epochMs: number, hours: number): number => epochMs + hours * HOUR

  return {
    timeZone,
    isWorkingDay,
    isWorkingDayAt: (epochMs) => isWorkingDay(civilDateAt(epochMs, timeZone)),
    addBusinessDays,
    addCalendarDays,
    addHours,
    addDuration(epochMs, duration) {
      switch (duration.unit) {
        case 'business-days':
          return addBusinessDays(epochMs, duration.amount)
        case 'calendar-days':
          return addCalendarDays(epochMs, duration.amount)
        case 'hours':
          return addHours(epochMs, duration.amount)
      }
    },
    workingDayStartsBetween(from, to) {
      if (to <= from) return 0
      let count = 0
      let date = civilDateAt(from, timeZone)
      for (;;) {
        const startOfDay = instantAt({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone)
        if (startOfDay >= to) return count
        if (startOfDay >= from && isWorkingDay(date)) count++
        date = addDays(date, 1)
      }
    },
  }
}
