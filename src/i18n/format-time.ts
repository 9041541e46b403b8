/**
 * Times for people: in the organization's time zone (the policy's `calendar.timeZone`) with the
 * zone named, e.g. "Thu, 10 Dec 2026, 23:59 CET (Europe/Vienna)"; "… 22:59 UTC" without a zone.
 * Stored times stay ISO-8601 UTC; only what is shown changes.
 */
const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
    formats.set(timeZone, format)
  }
  return format
}

/** A known IANA zone, or undefined (a stored policy was validated, but a time must never fail to show). */
export function knownZone(timeZone: string | undefined | null): string | undefined {
  if (!timeZone) return undefined
  try {
    formatFor(timeZone)
    return timeZone
  } catch {
    return undefined
  }
}

/** `iso` in `timeZone` (falling back to UTC), the zone named. */
export function formatTime(iso: string, timeZone?: string | null): string {
  const zone = knownZone(timeZone) ?? 'UTC'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const text = formatFor(zone).format(date)
  return zone === 'UTC' || zone === 'Etc/UTC' ? text : `${text} (${zone})`
}
