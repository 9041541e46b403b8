/**
 * When partners may be told and the fix merged, counted back from a planned release
 * (src/domain/policy/release-windows.ts), and the release dates a person may type.
 */
import { describe, expect, it } from 'vitest'
import { before as countBack, countsBack, plannedReleaseAt, releaseWindows } from '../../../src/domain/policy/release-windows.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())
const withWindows = (releaseWindows: { partnerNotice?: string; publicMerge?: string } | undefined, timeZone = 'UTC'): Policy => ({
  version: 1,
  organization: { name: 'Acme', slug: 'acme' },
  channels: {},
  calendar: { timeZone },
  clocks: {},
  disclosure: releaseWindows ? { releaseWindows } : {},
})
const release = Date.parse('2026-12-15T10:00:00Z')

describe('releaseWindows', () => {
  it('weeks count as seven days; hours as elapsed hours', () => {
    const windows = releaseWindows(withWindows({ partnerNotice: '2 weeks', publicMerge: '36 hours' }), release)
    expect({ partner: iso(windows.partnerNoticeFrom), merge: iso(windows.publicMergeFrom) }).toEqual({
      partner: '2026-12-01T10:00:00.000Z',
      merge: '2026-12-13T22:00:00.000Z',
    })
  })

  it('a window in business days, or one that is no duration, is absent; so is one the policy does not set', () => {
    expect(releaseWindows(withWindows({ partnerNotice: '5 business days', publicMerge: '1 day' }), release)).toStrictEqual({
      publicMergeFrom: Date.parse('2026-12-14T10:00:00Z'),
    })
    expect(releaseWindows(withWindows({ partnerNotice: 'soon' }), release)).toStrictEqual({})
    expect(releaseWindows(withWindows({ partnerNotice: '7 days' }), release)).toStrictEqual({
      partnerNoticeFrom: Date.parse('2026-12-08T10:00:00Z'),
    })
    expect(releaseWindows(withWindows(undefined), release)).toStrictEqual({})
  })

  it('a window of no time is the release itself', () => {
    expect(releaseWindows(withWindows({ partnerNotice: 'immediately', publicMerge: '0 days' }), release)).toStrictEqual({
      partnerNoticeFrom: release,
      publicMergeFrom: release,
    })
  })

  it('days keep the wall time of the organization’s zone across midnight and month ends', () => {
    // 00:30 in Tokyo on 1 March is 15:30 UTC the day before; one day back is 00:30 on 28 February in Tokyo.
    const at = Date.parse('2027-02-28T15:30:00Z')
    expect(iso(countBack(at, { amount: 1, unit: 'calendar-days' }, 'Asia/Tokyo'))).toBe('2027-02-27T15:30:00.000Z')
    expect(iso(countBack(at, { amount: 1, unit: 'calendar-days' }, 'UTC'))).toBe('2027-02-27T15:30:00.000Z')
    expect(iso(countBack(at, { amount: 2, unit: 'hours' }, 'Asia/Tokyo'))).toBe('2027-02-28T13:30:00.000Z')
  })

  it('only business days cannot be counted back', () => {
    expect(countsBack({ amount: 1, unit: 'business-days' })).toBe(false)
    expect(countsBack({ amount: 1, unit: 'calendar-days' })).toBe(true)
    expect(countsBack({ amount: 1, unit: 'hours' })).toBe(true)
  })
})

describe('plannedReleaseAt', () => {
  it('a date is midnight in the organization’s zone; a time is that wall time', () => {
    expect(iso(plannedReleaseAt('2026-12-15', 'Europe/Vienna'))).toBe('2026-12-14T23:00:00.000Z')
    expect(iso(plannedReleaseAt('2026-07-01T23:59', 'Europe/Vienna'))).toBe('2026-07-01T21:59:00.000Z')
    expect(iso(plannedReleaseAt('2026-01-31T00:00', 'UTC'))).toBe('2026-01-31T00:00:00.000Z')
    expect(iso(plannedReleaseAt('2026-12-01', 'UTC'))).toBe('2026-12-01T00:00:00.000Z')
    expect(iso(plannedReleaseAt('2028-02-29T12:00', 'UTC'))).toBe('2028-02-29T12:00:00.000Z')
  })

  it.each([
    '2026-00-10',
    '2026-13-10',
    '2026-12-00',
    '2026-12-32',
    '2026-02-29',
    '2026-04-31T10:00',
    '2026-12-15T24:00',
    '2026-12-15T10:60',
    '2026-12-15T10',
    '2026-12-15 10:00',
    ' 2026-12-15',
    '2026-12-15x',
    '26-12-15',
  ])('refuses %j (a day the calendar does not have is not rolled into the next month)', (text) => {
    expect(plannedReleaseAt(text, 'UTC')).toBeUndefined()
  })
})
