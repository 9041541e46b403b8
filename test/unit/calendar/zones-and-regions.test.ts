/**
 * The checks the policy editor relies on to accept a calendar (known zones, known holiday
 * regions) and the rarest wall-clock jump: a whole day skipped (src/domain/calendar/).
 */
import { describe, expect, it } from 'vitest'
import { isKnownHolidayRegion } from '../../../src/domain/calendar/public-holidays.js'
import { instantAt, isKnownTimeZone } from '../../../src/domain/calendar/zoned-time.js'

describe('zones and holiday regions a policy may name', () => {
  it('knows IANA zones and says no, not an error, to a misspelt one', () => {
    expect(isKnownTimeZone('Europe/Vienna')).toBe(true)
    expect(isKnownTimeZone('Europe/Viena')).toBe(false)
  })

  it('a state of a country that has none is not a region', () => {
    expect(isKnownHolidayRegion({ country: 'MT' })).toBe(true)
    expect(isKnownHolidayRegion({ country: 'MT', state: 'GZ' })).toBe(false)
    expect(isKnownHolidayRegion({ country: 'AT', state: '9' })).toBe(true)
    expect(isKnownHolidayRegion({ country: 'AT', state: '99' })).toBe(false)
  })
})

describe('a wall-clock time that never happened', () => {
  it('Samoa skipped 30 December 2011 entirely: 10:00 that day maps to the later instant, 10:00 on the 31st', () => {
    const instant = instantAt({ year: 2011, month: 12, day: 30, hour: 10, minute: 0, second: 0, millisecond: 0 }, 'Pacific/Apia')
    expect(new Date(instant).toISOString()).toBe('2011-12-30T20:00:00.000Z') // 10:00 on Saturday 31 December, UTC+14
  })
})
