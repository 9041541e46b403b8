/**
 * A date on the wall calendar (no time, no zone): what "Tuesday 8 December" means to an office.
 * Business-day counting happens on these, so it never depends on the machine's own time zone.
 */

export interface CivilDate {
  year: number
  month: number
  day: number
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export const weekdayOf = (date: CivilDate): number => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()

export function addDays(date: CivilDate, days: number): CivilDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** "2026-12-08": the key used for holidays and closures. */
export const formatCivilDate = (date: CivilDate): string => `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`

export function parseCivilDate(text: string): CivilDate {
  const [year, month, day] = text.split('-').map(Number)
  return { year: year ?? 0, month: month ?? 1, day: day ?? 1 }
}

export const compareCivilDates = (a: CivilDate, b: CivilDate): number => formatCivilDate(a).localeCompare(formatCivilDate(b))
