import { businessDaysPhrase, formatTime, formatTimeWithUtc, relativeTime, utcTime } from '../../../i18n/format-time.js'
import type { Translator } from '../../../i18n/messages.js'

export interface TeamTimeProps {
  iso: string
  /** The organization's zone (policy `calendar.timeZone`); UTC without one. */
  zone?: string | null | undefined
  t: Translator
  /** When the page was asked for (the page context's `now`). */
  now: Date
  /** For a clock counted in business days: how many are left (negative: past), said instead of calendar time. */
  businessDays?: number | undefined
}

/**
 * A moment as the team reads it: in the organization's zone, named, and how far it is from now
 * ("Thu, 10 Dec 2026, 23:59 CET (Europe/Vienna) · in 2 business days"). The UTC instant is the
 * element's `datetime` and its tooltip.
 */
export function TeamTime({ iso, zone, t, now, businessDays }: TeamTimeProps) {
  const phrase = businessDays !== undefined ? businessDaysPhrase(t, businessDays) : relativeTime(iso, now, t.locale, zone)
  return (
    <time datetime={iso} title={t('time.utc', { utc: utcTime(iso, t.locale) })}>
      {formatTime(iso, zone, t.locale)}
      {phrase ? <span class="time__relative">{` · ${phrase}`}</span> : null}
    </time>
  )
}

/** A moment as a reporter or partner reads it, wherever they are: the organization's zone, named, and UTC. */
export function ReporterTime({ iso, zone, t }: { iso: string; zone?: string | null | undefined; t: Translator }) {
  return <time datetime={iso}>{formatTimeWithUtc(t, iso, zone)}</time>
}
