import { isIPv6 } from 'node:net'

/**
 * Sign-in throttling (ASVS v5.0.0-6.1.1, 6.3.1): failures slow down the client address that
 * makes them, per account, and never lock the account itself. The design and its trade-offs are
 * in docs/design.md ("Sign-in throttling").
 *
 * - Per (account, address): the first `freePerAddress` failures in `windowMs` cost nothing
 *   more than the password hash; after that the address waits `baseDelayMs · 2^(n − free)`
 *   (capped at `maxDelayMs`) after its latest failure before it may try that account again.
 * - Per account, over every address: once `accountCeiling` failures fall in the window, every
 *   address that has failed on the account at least once also waits
 *   `baseDelayMs · 2^(failures − ceiling)` (capped) after its latest failure. An address with no
 *   failure on the account (the owner elsewhere) is always heard: the account is slowed, not shut.
 *
 * Time comes in as an argument (no clock reads), so tests drive it with `deps.now`.
 */
export const signInThrottle = {
  windowMs: 15 * 60 * 1000,
  freePerAddress: 5,
  accountCeiling: 10,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  /** Entries kept at most (pairs and accounts each); the oldest go first when an attack fills memory. */
  maxEntries: 100_000,
} as const

export type SignInThrottleLimits = { readonly [K in keyof typeof signInThrottle]: number }

/** Failures remembered per key: enough to reach the longest delay; older ones change nothing. */
const keptPerKey = 32

/**
 * The part of a client address that identifies one network: IPv4 as is (IPv4-mapped IPv6
 * unwrapped), IPv6 by its /64, since one subscriber usually gets a whole /64 to choose from.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)
  if (mapped?.[1]) return mapped[1]
  const bare = ip.split('%')[0] ?? ip
  if (!isIPv6(bare)) return ip
  const [head = '', tail] = bare.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const tailWidth = tailGroups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0)
  const groups = [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailWidth)).fill('0'), ...tailGroups]
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`
}

const delay = (limits: SignInThrottleLimits, over: number) => Math.min(limits.baseDelayMs * 2 ** over, limits.maxDelayMs)

/** Failure times per key, in memory; a restart forgets them (see docs/design.md). */
class FailureLog {
  private readonly entries = new Map<string, number[]>()
  private writes = 0
  constructor(private readonly limits: SignInThrottleLimits) {}

  recent(key: string, now: number): number[] {
    const all = this.entries.get(key)
    if (!all) return []
    const recent = all.filter((t) => now - t < this.limits.windowMs && t <= now)
    if (recent.length === 0) this.entries.delete(key)
    else if (recent.length !== all.length) this.entries.set(key, recent)
    return recent
  }

  add(key: string, now: number): void {
    const times = [...this.recent(key, now), now].slice(-keptPerKey)
    // Re-inserted at the end, so the map's order is oldest-touched first.
    this.entries.delete(key)
    this.entries.set(key, times)
    if (++this.writes % 1024 === 0) this.sweep(now)
    // Over the bound (an attack from very many addresses): drop the least recently touched, O(1) each.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries) break
      this.entries.delete(oldest)
    }
  }

  forget(key: string): void {
    this.entries.delete(key)
  }

  private sweep(now: number): void {
    for (const [key, times] of this.entries) {
      if (times.every((t) => now - t >= this.limits.windowMs)) this.entries.delete(key)
    }
  }

  get size(): number {
    return this.entries.size
  }
}

export class SignInThrottle {
  private readonly pairs: FailureLog
  private readonly accounts: FailureLog

  constructor(private readonly limits: SignInThrottleLimits = signInThrottle) {
    this.pairs = new FailureLog(limits)
    this.accounts = new FailureLog(limits)
  }

  private static pairKey(account: string, address: string): string {
    return `${account}\u0000${addressKey(address)}`
  }

  /** The time (ms since the epoch) before which `address` may not try `account` again, or null if it may now. */
  retryAt(account: string, address: string, now: number): number | null {
    const pair = this.pairs.recent(SignInThrottle.pairKey(account, address), now)
    const last = pair.at(-1)
    if (last === undefined) return null
    const { freePerAddress, accountCeiling } = this.limits
    const accountFailures = this.accounts.recent(account, now).length
    const wait = Math.max(
      pair.length >= freePerAddress ? delay(this.limits, pair.length - freePerAddress) : 0,
      accountFailures >= accountCeiling ? delay(this.limits, accountFailures - accountCeiling) : 0,
    )
    const at = last + wait
    return at > now ? at : null
  }

  recordFailure(account: string, address: string, now: number): void {
    this.pairs.add(SignInThrottle.pairKey(account, address), now)
    this.accounts.add(account, now)
  }

  /** The right password from this address: its own failures are forgiven; the account's stay counted. */
  recordSuccess(account: string, address: string): void {
    this.pairs.forget(SignInThrottle.pairKey(account, address))
  }

  /** Remembered keys (pairs, accounts): for tests of the memory bound. */
  get size(): { pairs: number; accounts: number } {
    return { pairs: this.pairs.size, accounts: this.accounts.size }
  }
}
