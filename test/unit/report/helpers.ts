import { expect } from 'vitest'
import type { Actor, Report } from '../../../src/domain/report/report.js'
import type { Result } from '../../../src/domain/result.js'

export const AT = '2026-11-22T09:30:00.000Z'
export const ALICE = 'user-alice'
export const BOB = 'user-bob'
export const alice: Actor = { kind: 'user', id: ALICE }
export const bob: Actor = { kind: 'user', id: BOB }
export const system: Actor = { kind: 'system' }
export const reporter: Actor = { kind: 'reporter' }

/** The earlier report a duplicate points at. */
export const EARLIER = { id: 'report-earlier', ref: 'EMB-2026-0001' }

/**
 * Freezes a value and everything reachable from it, so any mutation by the code under test throws
 * (test files are ES modules, hence strict mode, hence writes to frozen objects throw a TypeError).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key])
  }
  return value
}

/** A report in a given state, deep-frozen. Defaults: open, unclaimed, reachable reporter. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return deepFreeze({
    id: 'report-1',
    ref: 'EMB-2026-0042',
    status: 'triaged',
    statusReason: null,
    duplicateOf: null,
    assigneeId: null,
    reporterReachable: true,
    ...overrides,
  } satisfies Report)
}

/** A report whose fields are consistent with the status it stands in (reason when rejected, original when duplicate). */
export function reportIn(status: Report['status'], overrides: Partial<Report> = {}): Report {
  return makeReport({
    status,
    statusReason: status === 'rejected' ? 'Out of scope' : null,
    duplicateOf: status === 'duplicate' ? EARLIER.id : null,
    ...overrides,
  })
}

/** Narrows a Result to its value, failing the test with the error if it is not ok. */
export function expectOk<T, E>(result: Result<T, E>): T {
  if (!result.ok) expect.fail(`expected ok, got error ${JSON.stringify(result.error)}`)
  return result.value
}

/** Narrows a Result to its error, failing the test if it is ok. */
export function expectFail<T, E>(result: Result<T, E>): E {
  if (result.ok) expect.fail(`expected an error, got ok ${JSON.stringify(result.value)}`)
  return result.error
}
