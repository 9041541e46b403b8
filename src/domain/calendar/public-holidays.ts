/**
 * Public holidays by region, from date-holidays. Only holidays of type `public` close an office:
 * bank holidays, observances and school holidays do not.
 */
import Holidays from 'date-holidays'
import { addDays, formatCivilDate, parseCivilDate } from './civil-date.js'

export interface HolidayRegion {
  country: string
  state?: string | undefined
}

const cache = new Map<string, ReadonlySet<string>>()
let countries: Record<string, string> | undefined

/** Whether date-holidays knows the country (and, when given, its state). */
export function isKnownHolidayRegion(region: HolidayRegion): boolean {
  countries ??= new Holidays().getCountries()
  if (!countries[region.country]) return false
  if (region.state === undefined) return true
  return !!new Holidays().getStates(region.country)?.[region.state]
}

/** The codes date-holidays accepts for a country's states, for "did you mean" messages. */
export function knownStates(country: string): string[] {
  return Object.keys(new Holidays().getStates(country) ?? {})
}

/** Every public-holiday date (YYYY-MM-DD, local) in the region in that year. */
export function publicHolidays(region: HolidayRegion, year: number): ReadonlySet<string> {
  const key = `${region.country}/${region.state ?? ''}/${year}`
  const cached = cache.get(key)
  if (cached) return cached
  const holidays = region.state ? new Holidays(region.country, region.state) : new Holidays(region.country)
  const dates = new Set<string>()
  for (const holiday of holidays.getHolidays(year) || []) {
    if (holiday.type !== 'public') continue
    const first = parseCivilDate(holiday.date.slice(0, 10))
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000))
    for (let i = 0; i < days; i++) dates.add(formatCivilDate(addDays(first, i)))
  }
  cache.set(key, dates)
  return dates
}
