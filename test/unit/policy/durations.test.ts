import { describe, expect, it } from 'vitest'
import { describeBadDuration, formatDuration, parseClockTarget, parseDuration } from '../../../src/domain/policy/durations.js'

describe('parseDuration', () => {
  it.each([
    ['3 business days', { amount: 3, unit: 'business-days' }],
    ['1 working day', { amount: 1, unit: 'business-days' }],
    ['one business day', { amount: 1, unit: 'business-days' }],
    ['10 working days', { amount: 10, unit: 'business-days' }],
    ['1 work day', { amount: 1, unit: 'business-days' }],
    ['48 hours', { amount: 48, unit: 'hours' }],
    ['90 days', { amount: 90, unit: 'calendar-days' }],
    ['90 calendar days', { amount: 90, unit: 'calendar-days' }],
    ['5 days', { amount: 5, unit: 'calendar-days' }],
    ['2 weeks', { amount: 14, unit: 'calendar-days' }],
    ['seven Business Days', { amount: 7, unit: 'business-days' }],
    ['within 48 hours', { amount: 48, unit: 'hours' }],
    ['immediately', { amount: 0, unit: 'hours' }],
  ])('reads %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected)
  })

  it.each(['3 bussiness days', 'soon', '3', 'days', '-1 days', '1.5 days', 'as soon as possible'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })

  it('accepts "as soon as possible" only as a clock target without a deadline', () => {
    expect(parseClockTarget('As soon as possible')).toEqual({ kind: 'as-soon-as-possible' })
    expect(parseClockTarget('3 business days')).toEqual({ kind: 'duration', duration: { amount: 3, unit: 'business-days' } })
  })

  it('suggests the fix for a near miss and always offers examples', () => {
    expect(describeBadDuration('3 bussiness days')).toBe(
      '"3 bussiness days" is not a duration (try "3 business days", "48 hours" or "90 calendar days")',
    )
    expect(describeBadDuration('1 hourz')).toBe(
      '"1 hourz" is not a duration (try "1 hour", "3 business days", "48 hours" or "90 calendar days")',
    )
    expect(describeBadDuration('later')).toBe('"later" is not a duration (try "3 business days", "48 hours" or "90 calendar days")')
  })

  it('writes durations back in words', () => {
    expect(formatDuration({ amount: 3, unit: 'business-days' })).toBe('3 business days')
    expect(formatDuration({ amount: 1, unit: 'business-days' })).toBe('1 business day')
    expect(formatDuration({ amount: 90, unit: 'calendar-days' })).toBe('90 days')
    expect(formatDuration({ amount: 48, unit: 'hours' })).toBe('48 hours')
    expect(formatDuration({ amount: 0, unit: 'hours' })).toBe('immediately')
  })
})
