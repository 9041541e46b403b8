import type { time as english } from '../en/time.js'
import type { Translation } from '../translation.js'

/** German times and durations (keys and arguments as in ../en/time.ts). */
export const time: Translation<typeof english> = {
  'time.withUtc': '{local} ({utc} UTC)',
  'time.utc': '{utc} UTC',
  'time.inBusinessDays': '{count, plural, =0 {heute fällig} one {in # Werktag} other {in # Werktagen}}',
  'time.businessDaysAgo': '{count, plural, one {vor # Werktag} other {vor # Werktagen}}',
  'duration.immediately': 'sofort',
  'duration.business-days': '{count, plural, one {# Werktag} other {# Werktage}}',
  'duration.calendar-days': '{count, plural, one {# Tag} other {# Tage}}',
  'duration.hours': '{count, plural, one {# Stunde} other {# Stunden}}',
}
