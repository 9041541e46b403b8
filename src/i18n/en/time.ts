/** Times and durations as people read them (src/i18n/format-time.ts, src/http/views/components/moment.tsx). */
export const time = {
  'time.withUtc': '{local} ({utc} UTC)',
  /** The tooltip of a team's time: the same instant in UTC. */
  'time.utc': '{utc} UTC',
  'time.inBusinessDays': '{count, plural, =0 {due today} one {in # business day} other {in # business days}}',
  'time.businessDaysAgo': '{count, plural, one {# business day ago} other {# business days ago}}',
  'duration.immediately': 'immediately',
  'duration.business-days': '{count, plural, one {# business day} other {# business days}}',
  'duration.calendar-days': '{count, plural, one {# day} other {# days}}',
  'duration.hours': '{count, plural, one {# hour} other {# hours}}',
} as const
