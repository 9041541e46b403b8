/**
 * Durations at their edges (src/domain/policy/durations.ts, policy-formats.ts): a unit with a
 * stray letter or full stop, "within" in the wrong place, texts of exactly the 60-character limit,
 * units the policy language does not have (years, "yr"), and how far "did you mean" reaches.
 */
import { describe, expect, it } from 'vitest'
import {
  closestWord,
  describeBadDuration,
  maxDurationTextLength,
  parseDuration,
  suggestDuration,
} from '../../../src/domain/policy/durations.js'
import { isCalendarDate, policyFormats } from '../../../src/domain/policy/policy-formats.js'

/** `amount` and `unit` with spaces between them so that the whole text is `length` characters long. */
const padded = (amount: string, unit: string, length: number) => `${amount}${' '.repeat(length - amount.length - unit.length)}${unit}`

describe('which words are a duration', () => {
  it('a unit with a stray last letter or a full stop is not a unit', () => {
    for (const text of ['1 day.', '2 dayz', '1 hourx', '1 weekk']) expect(parseDuration(text), text).toBeUndefined()
  })

  it('"within" is read only at the start', () => {
    expect(parseDuration('within 3 days')).toEqual({ amount: 3, unit: 'calendar-days' })
    expect(parseDuration('3 within days')).toBeUndefined()
  })

  it('a duration of exactly 60 characters is still one; the policy formats accept it', () => {
    const text = padded('3', 'business days', maxDurationTextLength)
    expect(text).toHaveLength(60)
    expect(policyFormats['policy-duration'].check(text)).toBe(true)
    expect(policyFormats['policy-clock-target'].check(text)).toBe(true)
    expect(policyFormats['policy-duration'].check(` ${text}`)).toBe(false)
  })
})

describe('what the author is told about a bad duration', () => {
  it('a promise too long at exactly 60 characters says the limit; at 61 it is only "not a duration"', () => {
    expect(describeBadDuration(padded('3000', 'business days', 60))).toMatch(
      /^"3000 +business days" is longer than a policy may promise \(at most 2600 business days\)$/,
    )
    expect(describeBadDuration(padded('3000', 'business days', 61))).toMatch(
      /^"3000 +business days" is not a duration \(try "3 business days", "48 hours" or "90 calendar days"\)$/,
    )
  })

  it('a near miss of exactly 60 characters gets its correction; at 61 only the examples', () => {
    expect(describeBadDuration(padded('5', 'bussiness days', 60))).toMatch(
      / is not a duration \(try "5 business days", "3 business days", "48 hours" or "90 calendar days"\)$/,
    )
    expect(describeBadDuration(padded('5', 'bussiness days', 61))).toMatch(
      / is not a duration \(try "3 business days", "48 hours" or "90 calendar days"\)$/,
    )
  })

  it('years and "yr" are not corrected to days', () => {
    expect(suggestDuration('3 years')).toBeUndefined()
    expect(suggestDuration('3 yrs')).toBeUndefined()
    expect(describeBadDuration('1 year')).toBe('"1 year" is not a duration (try "3 business days", "48 hours" or "90 calendar days")')
  })

  it('a plural with a doubled letter is corrected; a short abbreviation too', () => {
    expect(suggestDuration('2 dayyys')).toBe('2 days')
    expect(suggestDuration('1 hr')).toBe('1 hour')
  })
})

describe('how far "did you mean" reaches', () => {
  it('a candidate too much shorter or longer is never the guess, even when it is the closest', () => {
    const word = 'x'.repeat(40)
    const prefix = 'x'.repeat(31) // 9 edits away, but a 31-letter word tolerates only 7
    const respelt = `${'y'.repeat(10)}${'x'.repeat(30)}` // 10 edits away; a 40-letter word tolerates 10
    expect(closestWord(word, [prefix, respelt])).toBe(respelt)
  })

  it('a known word longer than 64 characters is never suggested', () => {
    expect(closestWord('k'.repeat(64), ['k'.repeat(65)])).toBeUndefined()
    expect(closestWord('k'.repeat(63), ['k'.repeat(64)])).toBe('k'.repeat(64))
  })
})

describe('a calendar date', () => {
  it('a year before 100 is refused (the date library would read it as 19xx)', () => {
    expect(isCalendarDate('0050-01-01')).toBe(false)
    expect(isCalendarDate('1950-01-01')).toBe(true)
  })
})
