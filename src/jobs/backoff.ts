/**
 * When the outbox tries a failed delivery again. Pure and deterministic (no jitter, time passed in)
 * so the schedule is testable and the same after a restart: the next attempt depends only on how
 * many attempts failed. Jitter is unnecessary here because one worker drains one outbox.
 */

export interface BackoffPolicy {
  /** Delay after the first failure, ms. */
  baseMs: number
  /** Upper bound of any delay, ms. */
  capMs: number
  /** After this many failed attempts the message goes to the dead-letter state. */
  maxAttempts: number
}

/** 1 min, 2, 4, … capped at 6 h; 20 attempts span about 3.6 days, longer than any relay outage we wait for. */
export const defaultBackoff: BackoffPolicy = { baseMs: 60_000, capMs: 6 * 60 * 60 * 1000, maxAttempts: 20 }

/**
 * The time of the next attempt after `attempts` failed ones (attempts ≥ 1), or null when the
 * message should be dead-lettered instead.
 */
export function nextAttemptAt(attempts: number, now: Date, policy: BackoffPolicy = defaultBackoff): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts must be an integer ≥ 1')
  if (attempts >= policy.maxAttempts) return null
  // 2 ** 60 and beyond would lose precision; the cap is reached long before.
  const delay = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempts - 1, 40))
  return new Date(now.getTime() + delay)
}
