/**
 * Converting between instants and wall-clock time in an IANA zone, with Intl only (no date
 * library): the offset is read from Intl at the instant itself, so DST changes are always right.
 */
import type { CivilDate } from './civil-date.js'

export interface WallTime extends CivilDate {
  hour: number
  minute: number
  second: number
  millisecond: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether Intl knows the zone ("Europe/Vienna" yes, "Europe/Viena" no). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/** The wall-clock time in `timeZone` at the instant `epochMs`. */
export function wallTimeAt(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  }
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
export function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallTimeAt(epochMs, timeZone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond)
  return asUtc - epochMs
}

/**
 * The instant at which the zone's wall clock shows `wall`. A wall time skipped by a DST change
 * (02:30 on the last Sunday of March in Vienna) maps to the instant one offset-change later;
 * a repeated one (02:30 in October) maps to its first occurrence.
 */
export function instantAt(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond)
  // A zone changes offset at most once within a day either side, so the offsets a day before and
  // a day after are the only candidates.
  const before = asUtc - offsetAt(asUtc - 86_400_000, timeZone)
  const after = asUtc - offsetAt(asUtc + 86_400_000, timeZone)
  const valid = [before, after].filter((t) => wallMatches(t, wall, timeZone))
  if (valid.length > 0) return Math.min(...valid)
  return before
}

function wallMatches(epochMs: number, wall: WallTime, timeZone: string): boolean {
  const seen = wallTimeAt(epochMs, timeZone)
  return (
    seen.year === wall.year &&
    seen.month === wall.month &&
    seen.day === wall.day &&
    seen.hour === wall.hour &&
    seen.minute === wall.minute &&
    seen.second === wall.second
  )
}

/** The civil date in `timeZone` at the instant. */
export function civilDateAt(epochMs: number, timeZone: string): CivilDate {
  const { year, month, day } = wallTimeAt(epochMs, timeZone)
  return { year, month, day }
}

/** The last millisecond of the day `date` in `timeZone` (23:59:59.999 local). */
export const endOfDay = (date: CivilDate, timeZone: string): number =>
  instantAt({ ...date, hour: 23, minute: 59, second: 59, millisecond: 999 }, timeZone)
