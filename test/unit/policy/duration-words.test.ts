/**
 * Durations as a policy author writes them and as a reader is shown them
 * (src/domain/policy/durations.ts): which words count, the limits a policy may promise, and the
 * "did you mean" an author gets for a near miss.
 */
import { describe, expect, it } from 'vitest'
import {
  closestWord,
  describeBadDuration,
  formatDuration,
  maxSuggestionCandidates,
  parseClockTarget,
  parseDuration,
  quoted,
  suggestDuration,
  withinLimits,
} from '../../../src/domain/policy/durations.js'

describe('parseDuration: the words a policy may use', () => {
  it.each([
    ['  3   Business   Days  ', { amount: 3, unit: 'business-days' }],
    ['3-business-days', { amount: 3, unit: 'business-days' }],
    ['2 workdays', { amount: 2, unit: 'business-days' }],
    ['1 workday', { amount: 1, unit: 'business-days' }],
    ['1 hour', { amount: 1, unit: 'hours' }],
    ['one day', { amount: 1, unit: 'calendar-days' }],
    ['1 week', { amount: 7, unit: 'calendar-days' }],
    ['3 calendar weeks', { amount: 21, unit: 'calendar-days' }],
    ['zero days', { amount: 0, unit: 'calendar-days' }],
    ['twenty working days', { amount: 20, unit: 'business-days' }],
    ['ninety days', { amount: 90, unit: 'calendar-days' }],
    ['Within 5 days', { amount: 5, unit: 'calendar-days' }],
    ['at once', { amount: 0, unit: 'hours' }],
    ['NOW', { amount: 0, unit: 'hours' }],
    ['007 days', { amount: 7, unit: 'calendar-days' }],
  ])('reads %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected)
  })

  it.each([
    '',
    'within',
    'three',
    'x days',
    '3 fortnights',
    '3 business',
    'days 3',
    'within within 3 days',
    '3 dayss',
    'immediately please',
  ])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })

  it('"asap" and "as soon as possible" are clock targets without a deadline; other words are not targets', () => {
    expect(parseClockTarget('ASAP')).toEqual({ kind: 'as-soon-as-possible' })
    expect(parseClockTarget(' as  soon as possible ')).toEqual({ kind: 'as-soon-as-possible' })
    expect(parseClockTarget('soon')).toBeUndefined()
    expect(parseClockTarget('immediately')).toEqual({ kind: 'duration', duration: { amount: 0, unit: 'hours' } })
  })
})

describe('the longest a policy may promise', () => {
  it('is within the limits up to 2,600 business days, 3,650 days and 87,600 hours, and from zero', () => {
    expect(withinLimits({ amount: 2600, unit: 'business-days' })).toBe(true)
    expect(withinLimits({ amount: 2601, unit: 'business-days' })).toBe(false)
    expect(withinLimits({ amount: 3650, unit: 'calendar-days' })).toBe(true)
    expect(withinLimits({ amount: 3651, unit: 'calendar-days' })).toBe(false)
    expect(withinLimits({ amount: 87600, unit: 'hours' })).toBe(true)
    expect(withinLimits({ amount: 87601, unit: 'hours' })).toBe(false)
    expect(withinLimits({ amount: 0, unit: 'hours' })).toBe(true)
    expect(withinLimits({ amount: -1, unit: 'hours' })).toBe(false)
    expect(withinLimits({ amount: 1.5, unit: 'hours' })).toBe(false)
  })

  it('says the limit in the unit the author used', () => {
    expect(describeBadDuration('2601 business days')).toBe(
      '"2601 business days" is longer than a policy may promise (at most 2600 business days)',
    )
    expect(describeBadDuration('522 weeks')).toBe('"522 weeks" is longer than a policy may promise (at most 3650 days or 521 weeks)')
    expect(describeBadDuration('87601 hours')).toBe('"87601 hours" is longer than a policy may promise (at most 87600 hours)')
  })

  it('a text too long to be a duration is only "not a duration", even if it reads as one', () => {
    const long = `3 business days${' '.repeat(60)}`
    expect(describeBadDuration(long)).toBe(`${quoted(long)} is not a duration (try "3 business days", "48 hours" or "90 calendar days")`)
  })
})

describe('the suggestion for a near miss', () => {
  it('keeps the author’s amount and puts the unit right, singular for one', () => {
    expect(suggestDuration('3 bussiness days')).toBe('3 business days')
    expect(suggestDuration('1 bussiness days')).toBe('1 business day')
    expect(suggestDuration('one workin day')).toBe('one working day')
    expect(suggestDuration('2 hour')).toBe('2 hours')
    expect(suggestDuration('12 calender days')).toBe('12 calendar days')
  })

  it('offers nothing without an amount, for an unknown amount, a unit too far off, or a text too long', () => {
    expect(suggestDuration('bussiness days')).toBeUndefined()
    expect(suggestDuration('many bussiness days')).toBeUndefined()
    expect(suggestDuration('3 fortnights')).toBeUndefined()
    expect(suggestDuration(`3 bussiness days${' '.repeat(45)}x`)).toBeUndefined()
  })

  it('a suggestion that is already an example is offered once', () => {
    expect(describeBadDuration('48 hourss')).toBe('"48 hourss" is not a duration (try "48 hours", "3 business days" or "90 calendar days")')
  })
})

describe('closestWord: a typo of a known word', () => {
  it('the closest candidate within typo distance (2, or a quarter of its length), ignoring case', () => {
    expect(closestWord('acknowlege', ['acknowledge', 'resolution'])).toBe('acknowledge')
    expect(closestWord('RESOLUTON', ['acknowledge', 'resolution'])).toBe('resolution')
    expect(closestWord('ab', ['abcd'])).toBe('abcd')
    expect(closestWord('a', ['abcd'])).toBeUndefined()
    // "detailedresponse" (16 letters) tolerates 4 edits, not 5.
    expect(closestWord('detailedxxxxonse', ['detailedresponse'])).toBe('detailedresponse')
    expect(closestWord('detailedxxxxxnse', ['detailedresponse'])).toBeUndefined()
    expect(closestWord('detailedresponsexxxx', ['detailedresponse'])).toBe('detailedresponse')
    expect(closestWord('detailedresponsexxxxx', ['detailedresponse'])).toBeUndefined()
  })

  it('prefers the closer of two candidates, and the first of two equally close', () => {
    expect(closestWord('team', ['tame', 'teams'])).toBe('teams')
    expect(closestWord('cat', ['bat', 'hat'])).toBe('bat')
    expect(closestWord('cat', ['cot', 'cat'])).toBe('cat')
  })

  it('nothing for an empty list or a word nothing resembles', () => {
    expect(closestWord('ceo', [])).toBeUndefined()
    expect(closestWord('zzzzzz', ['abcdef'])).toBeUndefined()
  })

  it('no suggestion for words longer than 64 characters, nor for candidates that long', () => {
    const long = 'a'.repeat(64)
    expect(closestWord(long, [`${long.slice(1)}b`])).toBe(`${long.slice(1)}b`)
    expect(closestWord(`${long}a`, [`${long}b`])).toBeUndefined()
    expect(closestWord('aaaa', [`${long}a`, 'aaab'])).toBe('aaab')
  })

  it('looks at the first 1,000 candidates only', () => {
    const filler = Array.from({ length: maxSuggestionCandidates - 1 }, (_, i) => `zz${i}zz${i}`)
    expect(closestWord('vienna', [...filler, 'vienne'])).toBe('vienne')
    expect(closestWord('vienna', [...filler, 'zzz', 'vienne'])).toBeUndefined()
  })
})

describe('quoted: a value as a message shows it', () => {
  it('JSON-quoted, and cut at 80 characters with an ellipsis', () => {
    expect(quoted('a "b"')).toBe('"a \\"b\\""')
    expect(quoted('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`)
    expect(quoted('x'.repeat(81))).toBe(`"${'x'.repeat(80)}…"`)
    expect(quoted('abcdef', 3)).toBe('"abc…"')
  })
})

describe('formatDuration: a duration in a reader’s words', () => {
  it('one day, one hour; more days and hours', () => {
    expect(formatDuration({ amount: 1, unit: 'calendar-days' })).toBe('1 day')
    expect(formatDuration({ amount: 1, unit: 'hours' })).toBe('1 hour')
    expect(formatDuration({ amount: 2, unit: 'calendar-days' })).toBe('2 days')
    expect(formatDuration({ amount: 0, unit: 'business-days' })).toBe('immediately')
  })
})
