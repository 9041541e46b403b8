import type { Duration } from '../domain/policy/durations.js'
import type { Locale, Translator } from './messages.js'

/**
 * One way to show time (issue 14 item 8). Stored times stay ISO-8601 UTC; what people read is:
 * - the team: the organization's time zone (the policy's `calendar.timeZone`), named, and a
 *   relative phrase ("in 2 business days", "3 hours ago") — `formatTime` + `relativeTime`;
 * - reporters and partners (anywhere in the world): the organization's zone, named, and UTC —
 *   `formatTime` + `utcTime`.
 * Dates and numbers follow the page's language through `Intl`.
 */

/** The conventions `Intl` formats a language's dates with (English as in Europe: day before month, 24 hours). */
const dateLocale: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE' }

const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(timeZone: string, locale: Locale, zoneName: boolean): Intl.DateTimeFormat {
  const id = `${timeZone}|${locale}|${zoneName}`
  let format = formats.get(id)
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale[locale] ?? 'en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(zoneName ? { timeZoneName: 'short' } : {}),
    })
    formats.set(id, format)
  }
  return format
}

/** A known IANA zone, or undefined (a stored policy was validated, but a time must never fail to show). */
export function knownZone(timeZone: string | undefined | null): string | undefined {
  if (!timeZone) return undefined
  try {
    formatFor(timeZone, 'en', true)
    return timeZone
  } catch {
    return undefined
  }
}

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC'

/** `iso` in `timeZone` (falling back to UTC), the zone named: "Thu, 10 Dec 2026, 23:59 CET (Europe/Vienna)". */
export function formatTime(iso: string, timeZone?: string | null, locale: Locale = 'en'): string {
  const zone = knownZone(timeZone) ?? 'UTC'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const text = formatFor(zone, locale, true).format(date)
  return isUtc(zone) ? text : `${text} (${zone})`
}

/** `iso` in UTC, without the zone's name (the caller says "UTC" through the catalogue). */
export function utcTime(iso: string, locale: Locale = 'en'): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formatFor('UTC', locale, false).format(date)
}

/** For reporters and partners: the organization's zone, named, and the same instant in UTC (once only when the zone is UTC). */
export function formatTimeWithUtc(t: Translator, iso: string, timeZone?: string | null): string {
  const zone = knownZone(timeZone) ?? 'UTC'
  const local = formatTime(iso, zone, t.locale)
  return isUtc(zone) ? local : t('time.withUtc', { local, utc: utcTime(iso, t.locale) })
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar day `ms` falls on in `timeZone`, counted in days since 1970-01-01. */
function civilDay(ms: number, timeZone: string): number {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(new Date(ms))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / day)
}

/**
 * How far `iso` is from `now`, in the unit people would say: "in 5 minutes", "3 hours ago",
 * "tomorrow", "in 12 days", "in 3 months". A day or more away counts calendar days in `timeZone`
 * (the organization's; UTC without one), so "tomorrow" is the next day on that calendar.
 * Calendar time; business days are `businessDaysPhrase`.
 */
export function relativeTime(iso: string, now: Date, locale: Locale = 'en', timeZone?: string | null): string {
  const at = new Date(iso).getTime()
  const diff = at - now.getTime()
  if (Number.isNaN(diff)) return ''
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const size = Math.abs(diff)
  if (size < hour) return format.format(Math.round(diff / minute), 'minute')
  if (size < day) return format.format(Math.round(diff / hour), 'hour')
  if (size < 60 * day) {
    const zone = knownZone(timeZone) ?? 'UTC'
    // At least one day: 24 hours across a 25-hour day may end on the same date.
    const days = Math.max(1, Math.abs(civilDay(at, zone) - civilDay(now.getTime(), zone)))
    return format.format(Math.sign(diff) * days, 'day')
  }
  return format.format(Math.round(diff / (30 * day)), 'month')
}

/** "in 2 business days", "due today", "1 business day ago": a clock counted in the policy's business days. */
export function businessDaysPhrase(t: Translator, businessDays: number): string {
  return businessDays >= 0 ? t('time.inBusinessDays', { count: businessDays }) : t('time.businessDaysAgo', { count: -businessDays })
}

/** A policy duration in the page's language: "3 business days", "72 hours", "immediately". */
export function durationText(t: Translator, duration: Duration): string {
  return duration.amount === 0 ? t('duration.immediately') : t(`duration.${duration.unit}`, { count: duration.amount })
}
