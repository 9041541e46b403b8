import type { time as english } from '../en/time.js'
import type { Translation } from '../translation.js'

/** Dutch times and durations (keys and arguments as in ../en/time.ts). */
export const time: Translation<typeof english> = {
  'time.withUtc': '{local} ({utc} UTC)',
  'time.utc': '{utc} UTC',
  'time.inBusinessDays': '{count, plural, =0 {verloopt vandaag} one {over # werkdag} other {over # werkdagen}}',
  'time.businessDaysAgo': '{count, plural, one {# werkdag geleden} other {# werkdagen geleden}}',
  'duration.immediately': 'direct',
  'duration.business-days': '{count, plural, one {# werkdag} other {# werkdagen}}',
  'duration.calendar-days': '{count, plural, one {# dag} other {# dagen}}',
  'duration.hours': '{count, plural, one {# uur} other {# uur}}',
}
