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
 *
 * Cost: counting N business days is O(weeks skipped + closed days met) — whole weeks are
 * counted by arithmetic and only holidays and closures are looked at one by one — never one
 * step per day. A deadline the calendar cannot place (a duration over the policy limits, a
 * calendar with no working day, a business-day deadline more than `maxBusinessDaySpan` days
 * out) throws `ClockUncomputable`; the clock engine shows that clock as an error.
 */

import { addDays, type CivilDate, formatCivilDate, parseCivilDate, weekdayOf } from '../calendar/civil-date.js'
import { type HolidayRegion, publicHolidays } from '../calendar/public-holidays.js'
import { civilDateAt, endOfDay, instantAt, wallTimeAt } from '../calendar/zoned-time.js'
import { type Duration, durationLimits } from '../policy/durations.js'

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
const DAY = 86_400_000

/**
 * A business-day deadline is found within this many days of its start, or not at all. The
 * longest policy duration (2,600 business days) takes ten and a half years in a five-day week;
 * twenty years leaves room for short weeks, many closures and pauses.
 */
export const maxBusinessDaySpan = 20 * 366

/** Why a deadline cannot be placed. */
export type UncomputableReason = 'too-long' | 'no-working-day'

/** A deadline the calendar cannot place. Never a crash: the clock engine shows the clock as an error. */
export class ClockUncomputable extends Error {
  constructor(
    readonly reason: UncomputableReason,
    message: string,
  ) {
    super(message)
    this.name = 'ClockUncomputable'
  }
}

/** Days since 1970-01-01 of a civil date, and back. */
const dayNumber = (date: CivilDate): number => Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY)
const civilDate = (day: number): CivilDate => {
  const d = new Date(day * DAY)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}
/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7

/** How many values of a sorted array lie in [low, high]. */
function countBetween(sorted: readonly number[], low: number, high: number): number {
  const firstAtLeast = (value: number) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sorted[mid] ?? 0) < value) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return high < low ? 0 : firstAtLeast(high + 1) - firstAtLeast(low)
}

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
  /** Working days strictly after `after` up to and including `until` (0 when `until` is not later). */
  workingDaysBetween(after: CivilDate, until: CivilDate): number
}

/** Builds the calendar from the policy's `calendar` section. */
export function businessCalendar(rules: CalendarRules): BusinessCalendar {
  const { timeZone } = rules
  const working = new Set(rules.workingDays ?? defaultWorkingDays)
  const closures = new Set(rules.closures ?? [])
  /** Working weekdays by weekday number, and how many there are in a week. */
  const workingWeekday = weekdayNames.map((name) => working.has(name))
  const perWeek = workingWeekday.filter(Boolean).length

  const isWorkingDay = (date: CivilDate): boolean => {
    if (!working.has(weekdayNames[weekdayOf(date)] ?? 'sun')) return false
    const key = formatCivilDate(date)
    if (closures.has(key)) return false
    return !(rules.holidays && publicHolidays(rules.holidays, date.year).has(key))
  }

  // The closed days that fall on working weekdays, by year, sorted: the only days counted one by one.
  const closuresByYear = new Map<number, number[]>()
  for (const text of closures) {
    const date = parseCivilDate(text)
    const list = closuresByYear.get(date.year) ?? []
    list.push(dayNumber(date))
    closuresByYear.set(date.year, list)
  }
  const closedByYear = new Map<number, number[]>()
  const closedIn = (year: number): readonly number[] => {
    const cached = closedByYear.get(year)
    if (cached) return cached
    const days = new Set(closuresByYear.get(year) ?? [])
    // Same rule as isWorkingDay: a year's holidays are looked up in that year's list.
    if (rules.holidays)
      for (const key of publicHolidays(rules.holidays, year)) if (key.startsWith(`${year}-`)) days.add(dayNumber(parseCivilDate(key)))
    const sorted = [...days].filter((day) => workingWeekday[weekdayOfDay(day)]).sort((a, b) => a - b)
    closedByYear.set(year, sorted)
    return sorted
  }
  /** Closed working weekdays in [first, last]. */
  const closedBetween = (first: number, last: number): number => {
    let count = 0
    for (let year = civilDate(first).year; year <= civilDate(last).year; year++) count += countBetween(closedIn(year), first, last)
    return count
  }
  /** Working weekdays (holidays not subtracted) in [first, last]: whole weeks by arithmetic, at most six days by hand. */
  const weekdaysBetween = (first: number, last: number): number => {
    if (last < first) return 0
    const days = last - first + 1
    let count = Math.floor(days / 7) * perWeek
    for (let day = first + Math.floor(days / 7) * 7; day <= last; day++) if (workingWeekday[weekdayOfDay(day)]) count++
    return count
  }
  /** Working days in [first, last]. */
  const workingBetween = (first: number, last: number): number => weekdaysBetween(first, last) - closedBetween(first, last)
  /** The `n`th (n ≥ 1) working weekday after `day`, holidays not considered: O(1). */
  const nthWeekdayAfter = (day: number, n: number): number => {
    const weeks = Math.floor((n - 1) / perWeek)
    let left = n - weeks * perWeek
    let at = day + weeks * 7
    while (left > 0) {
      at++
      if (workingWeekday[weekdayOfDay(at)]) left--
    }
    return at
  }
  /**
   * The `n`th (n ≥ 1) working day after `start`. Jump to where it would be without closed days,
   * count the closed days passed, jump on by that many: each round costs one lookup per year
   * crossed, and every round after the first is owed to closed days actually met.
   */
  const nthWorkingDayAfter = (start: number, n: number): number => {
    if (perWeek === 0) throw new ClockUncomputable('no-working-day', `calendar in ${timeZone} has no working weekday`)
    let from = start
    let owed = n
    for (;;) {
      const candidate = nthWeekdayAfter(from, owed)
      if (candidate - start > maxBusinessDaySpan) {
        throw new ClockUncomputable(
          'no-working-day',
          `calendar in ${timeZone} has fewer than ${n} working days in the ${maxBusinessDaySpan} days after ${formatCivilDate(civilDate(start))}`,
        )
      }
      const closed = closedBetween(from + 1, candidate)
      if (closed === 0) return candidate
      from = candidate
      owed = closed
    }
  }

  const addBusinessDays = (epochMs: number, days: number): number => {
    if (!Number.isFinite(days) || days > durationLimits['business-days'] + maxBusinessDaySpan)
      throw new ClockUncomputable('too-long', `${days} business days is longer than any clock may run`)
    const start = civilDateAt(epochMs, timeZone)
    const startDay = dayNumber(start)
    if (days <= 0) return endOfDay(isWorkingDay(start) ? start : civilDate(nthWorkingDayAfter(startDay, 1)), timeZone)
    return endOfDay(civilDate(nthWorkingDayAfter(startDay, Math.ceil(days))), timeZone)
  }

  const addCalendarDays = (epochMs: number, days: number): number => {
    if (!Number.isFinite(days) || Math.abs(days) > durationLimits['calendar-days'] + maxBusinessDaySpan)
      throw new ClockUncomputable('too-long', `${days} days is longer than any clock may run`)
    const wall = wallTimeAt(epochMs, timeZone)
    return instantAt({ ...wall, ...addDays(wall, days) }, timeZone)
  }

  const addHours = (epochMs: number, hours: number): number => {
    if (!Number.isFinite(hours) || Math.abs(hours) > durationLimits.hours + 24 * maxBusinessDaySpan)
      throw new ClockUncomputable('too-long', `${hours} hours is longer than any clock may run`)
    return epochMs + hours * HOUR
  }

  return {
    timeZone,
    isWorkingDay,
    isWorkingDayAt: (epochMs) => isWorkingDay(civilDateAt(epochMs, timeZone)),
    addBusinessDays,
    addCalendarDays,
    addHours,
    addDuration(epochMs, duration) {
      if (!(duration.amount <= durationLimits[duration.unit]))
        throw new ClockUncomputable('too-long', `${duration.amount} ${duration.unit} is over the limit of ${durationLimits[duration.unit]}`)
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
      // The days whose local 00:00 lies in [from, to) are one run of days: find its ends, count in between.
      const startOf = (date: CivilDate) => instantAt({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone)
      const firstDate = civilDateAt(from, timeZone)
      const lastDate = civilDateAt(to, timeZone)
      const first = dayNumber(firstDate) + (startOf(firstDate) >= from ? 0 : 1)
      const last = dayNumber(lastDate) - (startOf(lastDate) < to ? 0 : 1)
      return workingBetween(first, last)
    },
    workingDaysBetween: (after, until) => workingBetween(dayNumber(after) + 1, dayNumber(until)),
  }
}
