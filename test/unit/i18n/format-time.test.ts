/**
 * One way to show time (issue 14 item 8): what a member, a reporter or a partner reads for a
 * stored instant, in English, Dutch and German, in the organization's zone (named) and in UTC;
 * how far away it is; and the policy's durations through the catalogue.
 */
import { describe, expect, it } from 'vitest'
import type { Duration } from '../../../src/domain/policy/durations.js'
import { businessDaysPhrase, durationText, formatTime, formatTimeWithUtc, relativeTime } from '../../../src/i18n/format-time.js'
import { translator } from '../../../src/i18n/messages.js'

/** Thursday 10 December 2026, 23:59 in Vienna and Amsterdam (CET, UTC+1): winter time. */
const winter = '2026-12-10T22:59:00.000Z'
/** Wednesday 1 July 2026, 12:00 in Vienna and Amsterdam (CEST, UTC+2): summer time. */
const summer = '2026-07-01T10:00:00.000Z'

describe('a moment in the organization’s zone, named', () => {
  it.each([
    ['en', 'Europe/Vienna', winter, 'Thu, 10 Dec 2026, 23:59 CET (Europe/Vienna)'],
    ['en', 'Europe/Vienna', summer, 'Wed, 1 Jul 2026, 12:00 CEST (Europe/Vienna)'],
    ['en', 'Europe/Amsterdam', winter, 'Thu, 10 Dec 2026, 23:59 CET (Europe/Amsterdam)'],
    ['nl', 'Europe/Amsterdam', winter, 'do 10 dec 2026, 23:59 CET (Europe/Amsterdam)'],
    ['nl', 'Europe/Amsterdam', summer, 'wo 1 jul 2026, 12:00 CEST (Europe/Amsterdam)'],
    ['nl', 'Europe/Vienna', winter, 'do 10 dec 2026, 23:59 CET (Europe/Vienna)'],
    ['de', 'Europe/Vienna', winter, 'Do., 10. Dez. 2026, 23:59 MEZ (Europe/Vienna)'],
    ['de', 'Europe/Vienna', summer, 'Mi., 1. Juli 2026, 12:00 MESZ (Europe/Vienna)'],
    ['de', 'Europe/Amsterdam', summer, 'Mi., 1. Juli 2026, 12:00 MESZ (Europe/Amsterdam)'],
  ] as const)('%s in %s: %s → %s', (locale, zone, iso, shown) => {
    expect(formatTime(iso, zone, locale)).toBe(shown)
  })

  it('names UTC once, and falls back to UTC without a zone or with one the runtime does not know', () => {
    expect(formatTime(winter, 'UTC', 'en')).toBe('Thu, 10 Dec 2026, 22:59 UTC')
    expect(formatTime(winter, 'UTC', 'nl')).toBe('do 10 dec 2026, 22:59 UTC')
    expect(formatTime(winter, 'UTC', 'de')).toBe('Do., 10. Dez. 2026, 22:59 UTC')
    expect(formatTime(winter)).toBe('Thu, 10 Dec 2026, 22:59 UTC')
    expect(formatTime(winter, 'Mars/Olympus')).toBe('Thu, 10 Dec 2026, 22:59 UTC')
  })

  it('shows a value that is no instant as it is, never "Invalid Date"', () => {
    expect(formatTime('soon', 'Europe/Vienna')).toBe('soon')
  })
})

describe('for reporters and partners: the organization’s zone and UTC', () => {
  it('gives both, in the page’s language', () => {
    expect(formatTimeWithUtc(translator('en'), winter, 'Europe/Vienna')).toBe(
      'Thu, 10 Dec 2026, 23:59 CET (Europe/Vienna) (Thu, 10 Dec 2026, 22:59 UTC)',
    )
    expect(formatTimeWithUtc(translator('en'), summer, 'Europe/Amsterdam')).toBe(
      'Wed, 1 Jul 2026, 12:00 CEST (Europe/Amsterdam) (Wed, 1 Jul 2026, 10:00 UTC)',
    )
    expect(formatTimeWithUtc(translator('nl'), winter, 'Europe/Amsterdam')).toContain('do 10 dec 2026, 23:59 CET (Europe/Amsterdam)')
    expect(formatTimeWithUtc(translator('nl'), winter, 'Europe/Amsterdam')).toContain('do 10 dec 2026, 22:59 UTC')
    expect(formatTimeWithUtc(translator('de'), summer, 'Europe/Vienna')).toContain('Mi., 1. Juli 2026, 12:00 MESZ (Europe/Vienna)')
    expect(formatTimeWithUtc(translator('de'), summer, 'Europe/Vienna')).toContain('Mi., 1. Juli 2026, 10:00 UTC')
  })

  it('says UTC only once when the organization keeps UTC', () => {
    expect(formatTimeWithUtc(translator('en'), winter, 'UTC')).toBe('Thu, 10 Dec 2026, 22:59 UTC')
    expect(formatTimeWithUtc(translator('en'), winter, undefined)).toBe('Thu, 10 Dec 2026, 22:59 UTC')
  })
})

describe('how far from now', () => {
  /** Thursday 10 December 2026, 12:00 UTC (13:00 in Vienna). */
  const now = new Date('2026-12-10T12:00:00.000Z')
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString()
  const minutes = 60_000
  const hours = 60 * minutes
  const days = 24 * hours

  it.each([
    ['en', 5 * minutes, 'in 5 minutes'],
    ['en', -5 * minutes, '5 minutes ago'],
    ['en', 3 * hours, 'in 3 hours'],
    ['en', -3 * hours, '3 hours ago'],
    ['en', 5 * days, 'in 5 days'],
    ['en', -12 * days, '12 days ago'],
    ['en', 95 * days, 'in 3 months'],
    ['en', -95 * days, '3 months ago'],
    ['nl', 5 * minutes, 'over 5 minuten'],
    ['nl', -3 * hours, '3 uur geleden'],
    ['nl', 5 * days, 'over 5 dagen'],
    ['nl', -95 * days, '3 maanden geleden'],
    ['de', -5 * minutes, 'vor 5 Minuten'],
    ['de', 3 * hours, 'in 3 Stunden'],
    ['de', -12 * days, 'vor 12 Tagen'],
    ['de', 95 * days, 'in 3 Monaten'],
  ] as const)('%s, %d ms away: %s', (locale, ms, phrase) => {
    expect(relativeTime(at(ms), now, locale, 'Europe/Vienna')).toBe(phrase)
  })

  it('says tomorrow and yesterday for the next and the previous day on the organization’s calendar', () => {
    expect(relativeTime(at(30 * hours), now, 'en', 'Europe/Vienna')).toBe('tomorrow') // Fri 19:00
    expect(relativeTime(at(-26 * hours), now, 'en', 'Europe/Vienna')).toBe('yesterday') // Wed 11:00
    expect(relativeTime(at(30 * hours), now, 'nl', 'Europe/Vienna')).toBe('morgen')
    expect(relativeTime(at(30 * hours), now, 'de', 'Europe/Vienna')).toBe('morgen')
    // 35½ hours on is Friday 23:30 UTC but already Saturday 00:30 in Vienna.
    expect(relativeTime(at(35.5 * hours), now, 'en', 'UTC')).toBe('tomorrow')
    expect(relativeTime(at(35.5 * hours), now, 'en', 'Europe/Vienna')).toBe('in 2 days')
  })

  it('counts calendar days across the change to summer time', () => {
    // Saturday 28 March 2026, 12:00 in Vienna; Monday 30 March 12:00 CEST is 47 hours later.
    const before = new Date('2026-03-28T11:00:00.000Z')
    expect(relativeTime('2026-03-30T10:00:00.000Z', before, 'en', 'Europe/Vienna')).toBe('in 2 days')
  })
})

describe('a clock counted in business days', () => {
  const t = translator('en')

  it('says how many are left, that it is due today, or how long ago it fell due', () => {
    expect(businessDaysPhrase(t, 2)).toBe('in 2 business days')
    expect(businessDaysPhrase(t, 1)).toBe('in 1 business day')
    expect(businessDaysPhrase(t, 0)).toBe('due today')
    expect(businessDaysPhrase(t, -1)).toBe('1 business day ago')
    expect(businessDaysPhrase(t, -3)).toBe('3 business days ago')
  })

  it('writes numbers the language’s way', () => {
    expect(businessDaysPhrase(t, 1200)).toBe('in 1,200 business days')
    expect(businessDaysPhrase(translator('de'), 1200)).toContain('1.200')
    expect(businessDaysPhrase(translator('nl'), 1200)).toContain('1.200')
  })
})

describe('a policy duration', () => {
  const t = translator('en')
  const d = (amount: number, unit: Duration['unit']): Duration => ({ amount, unit })

  it.each([
    [d(0, 'hours'), 'immediately'],
    [d(0, 'business-days'), 'immediately'],
    [d(1, 'hours'), '1 hour'],
    [d(72, 'hours'), '72 hours'],
    [d(1, 'business-days'), '1 business day'],
    [d(7, 'business-days'), '7 business days'],
    [d(1, 'calendar-days'), '1 day'],
    [d(90, 'calendar-days'), '90 days'],
  ])('%o → %s', (duration, text) => {
    expect(durationText(t, duration)).toBe(text)
  })
})
