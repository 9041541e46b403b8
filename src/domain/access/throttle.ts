/**
 * Throttling guesses (ASVS v5.0.0-6.1.1, 6.3.1): failures slow down the client network that makes
 * them, per account, and never lock the account itself. The design and its trade-offs are in
 * docs/design.md ("Sign-in throttling"). Pure: the failure times come in, the decision goes out;
 * where the times are kept (the database, shared by every process) is the caller's business.
 *
 * - Per (account, network): the first `freePerAddress` failures in `windowMs` cost nothing more
 *   than the password hash; after that the network waits `baseDelayMs · 2^(n − free)` (capped at
 *   `maxDelayMs`) after its latest failure before it may try that account again.
 * - Per account, over every network: once `accountCeiling` failures fall in the window, every
 *   network that has failed on the account at least once also waits
 *   `baseDelayMs · 2^(failures − ceiling)` (capped) after its latest failure. A network with no
 *   failure on the account (the owner elsewhere) is always heard: the account is slowed, not shut.
 */
import ipaddr from 'ipaddr.js'

export interface ThrottleLimits {
  readonly windowMs: number
  readonly freePerAddress: number
  readonly accountCeiling: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/** Sign-in and the password-change form. */
export const signInLimits: ThrottleLimits = {
  windowMs: 15 * 60 * 1000,
  freePerAddress: 5,
  accountCeiling: 10,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
}

/** Password-reset requests: every request counts, and they cost a mail, so the waits are longer. */
export const resetLimits: ThrottleLimits = { ...signInLimits, freePerAddress: 3, accountCeiling: 6, baseDelayMs: 60_000 }

/**
 * Failures that can still change a decision, per key: enough to reach the longest wait
 * (2^10 s > 15 min); counting further changes nothing, so a store may keep only these.
 */
export const failuresKeptPerKey = 32

/** Wrong second factors per person over every step and network: past this many in the window, every answer is refused. */
export const secondFactorLimits = { windowMs: 15 * 60 * 1000, ceiling: 10 } as const

/** The failures of `times` that fall in the window ending at `now` (never ones from the future). */
export function inWindow(times: readonly number[], windowMs: number, now: number): number[] {
  return times.filter((t) => t <= now && now - t < windowMs)
}

function wait(limits: ThrottleLimits, over: number): number {
  return Math.min(limits.baseDelayMs * 2 ** over, limits.maxDelayMs)
}

/**
 * The time (ms since the epoch) before which a network may not try an account again, or null if it
 * may now. `networkFailures`: that network's failures on that account; `accountFailures`: every
 * network's failures on the account.
 */
export function retryAt(
  limits: ThrottleLimits,
  networkFailures: readonly number[],
  accountFailures: readonly number[],
  now: number,
): number | null {
  const mine = inWindow(networkFailures, limits.windowMs, now)
  const last = mine.length === 0 ? undefined : Math.max(...mine)
  if (last === undefined) return null
  const onAccount = inWindow(accountFailures, limits.windowMs, now).length
  const delay = Math.max(
    mine.length >= limits.freePerAddress ? wait(limits, mine.length - limits.freePerAddress) : 0,
    onAccount >= limits.accountCeiling ? wait(limits, onAccount - limits.accountCeiling) : 0,
  )
  const at = last + delay
  return at > now ? at : null
}

/** True when a person's wrong second factors in the window have reached the ceiling. */
export function secondFactorRefused(failures: readonly number[], now: number): boolean {
  return inWindow(failures, secondFactorLimits.windowMs, now).length >= secondFactorLimits.ceiling
}

/**
 * The part of a client address that identifies one network: IPv4 as is (IPv4-mapped IPv6
 * unwrapped), IPv6 by its /64, since one subscriber usually gets a whole /64 to choose from.
 * Anything that is not an address is its own network.
 */
export function networkOf(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip
  const address = ipaddr.process(ip)
  if (address.kind() === 'ipv4') return address.toString()
  const prefix = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16))
  return `${prefix.join(':')}::/64`
}
