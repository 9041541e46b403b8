import { describe, expect, it } from 'vitest'
import { defaultBackoff, nextAttemptAt } from '../../../src/jobs/backoff.js'

const now = new Date('2026-01-01T00:00:00Z')
const delay = (attempts: number) => (nextAttemptAt(attempts, now)?.getTime() ?? Number.NaN) - now.getTime()

describe('nextAttemptAt', () => {
  it('doubles from one minute, deterministically', () => {
    expect([1, 2, 3, 4].map(delay)).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(nextAttemptAt(3, now)).toEqual(nextAttemptAt(3, now))
  })

  it('is capped at six hours', () => {
    expect(delay(10)).toBe(defaultBackoff.capMs)
    expect(delay(19)).toBe(defaultBackoff.capMs)
  })

  it('gives up (dead letter) after maxAttempts', () => {
    expect(nextAttemptAt(defaultBackoff.maxAttempts, now)).toBeNull()
    expect(nextAttemptAt(3, now, { baseMs: 1000, capMs: 10_000, maxAttempts: 3 })).toBeNull()
  })

  it('never decreases and refuses nonsense', () => {
    for (let a = 1; a < defaultBackoff.maxAttempts - 1; a++) expect(delay(a + 1)).toBeGreaterThanOrEqual(delay(a))
    expect(() => nextAttemptAt(0, now)).toThrow(RangeError)
    expect(() => nextAttemptAt(1.5, now)).toThrow(RangeError)
  })
})
