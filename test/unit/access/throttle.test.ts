import { describe, expect, it } from 'vitest'
import {
  failuresKeptPerKey,
  inWindow,
  networkOf,
  resetLimits,
  retryAt,
  secondFactorLimits,
  secondFactorRefused,
  signInLimits as signInThrottle,
  type ThrottleLimits,
} from '../../../src/domain/access/throttle.js'

const t0 = Date.parse('2026-11-20T10:00:00Z')
const owner = 'owner@example.org'

/**
 * The failures as the database keeps them (src/auth/throttles.ts): per (account, network) and per
 * account, the newest `failuresKeptPerKey` of each; the decision is the pure rule's.
 */
class SignInThrottle {
  private readonly networks = new Map<string, number[]>()
  private readonly accounts = new Map<string, number[]>()
  constructor(private readonly limits: ThrottleLimits = signInThrottle) {}
  private static key = (account: string, address: string) => `${account}|${networkOf(address)}`
  retryAt(account: string, address: string, now: number): number | null {
    return retryAt(this.limits, this.networks.get(SignInThrottle.key(account, address)) ?? [], this.accounts.get(account) ?? [], now)
  }
  recordFailure(account: string, address: string, now: number): void {
    const add = (m: Map<string, number[]>, k: string) => m.set(k, [...(m.get(k) ?? []), now].slice(-failuresKeptPerKey))
    add(this.networks, SignInThrottle.key(account, address))
    add(this.accounts, account)
  }
  recordSuccess(account: string, address: string): void {
    this.networks.delete(SignInThrottle.key(account, address))
  }
}

/** Fails from `address` as fast as the throttle lets it, `count` times; returns the time after the last failure. */
function failFrom(throttle: SignInThrottle, address: string, count: number, start: number): number {
  let now = start
  for (let i = 0; i < count; i++) {
    now = throttle.retryAt(owner, address, now) ?? now
    throttle.recordFailure(owner, address, now)
  }
  return now
}

describe('finding 9: sign-in throttle (per account and address, slowing, never locking)', () => {
  it('finding 9: the first failures from an address cost nothing, then the wait doubles, up to the cap', () => {
    const throttle = new SignInThrottle()
    for (let i = 0; i < signInThrottle.freePerAddress; i++) {
      expect(throttle.retryAt(owner, '192.0.2.1', t0)).toBeNull()
      throttle.recordFailure(owner, '192.0.2.1', t0)
    }
    expect(throttle.retryAt(owner, '192.0.2.1', t0)).toBe(t0 + 1000)
    throttle.recordFailure(owner, '192.0.2.1', t0 + 1000)
    expect(throttle.retryAt(owner, '192.0.2.1', t0 + 1000)).toBe(t0 + 1000 + 2000)
    // The wait never exceeds the cap, and one address gets few tries per window on one account.
    let now = t0 + 3000
    let tried = 7
    while (now < t0 + 4 * signInThrottle.windowMs) {
      const at = throttle.retryAt(owner, '192.0.2.1', now)
      if (at !== null) expect(at - now).toBeLessThanOrEqual(signInThrottle.maxDelayMs)
      now = at ?? now
      throttle.recordFailure(owner, '192.0.2.1', now)
      tried++
    }
    expect(tried).toBeLessThanOrEqual(4 * 15)
  })

  it('finding 9: an address that never failed on the account is heard even while the account is attacked', () => {
    const throttle = new SignInThrottle()
    for (let i = 0; i < 50; i++) failFrom(throttle, `203.0.113.${i}`, 1, t0)
    failFrom(throttle, '192.0.2.1', 30, t0)
    expect(throttle.retryAt(owner, '198.51.100.7', t0)).toBeNull()
    // Another account is not touched at all.
    expect(throttle.retryAt('someone@example.org', '192.0.2.1', t0)).toBeNull()
  })

  it('finding 9: credential stuffing from many addresses gets one try per address, then each waits', () => {
    const throttle = new SignInThrottle()
    let tried = 0
    let now = t0
    // 1,000 addresses, each trying again as soon as it may, for one window.
    const addresses = Array.from({ length: 1000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`)
    while (now < t0 + signInThrottle.windowMs) {
      for (const address of addresses) {
        if (throttle.retryAt(owner, address, now) === null) {
          throttle.recordFailure(owner, address, now)
          tried++
        }
      }
      now += 10_000
    }
    // Past the account ceiling every address that failed waits the longest delay: about one try
    // per address per window, instead of 5 + the doubling series each.
    expect(tried).toBeLessThanOrEqual(addresses.length + signInThrottle.accountCeiling + 20)
  })

  it('finding 9: the right password forgives its own address, not the others', () => {
    const throttle = new SignInThrottle()
    failFrom(throttle, '192.0.2.1', 8, t0)
    const attacker = failFrom(throttle, '192.0.2.2', 8, t0)
    throttle.recordSuccess(owner, '192.0.2.1')
    expect(throttle.retryAt(owner, '192.0.2.1', attacker)).toBeNull()
    expect(throttle.retryAt(owner, '192.0.2.2', attacker)).not.toBeNull()
  })

  it('finding 9: failures older than the window are forgotten', () => {
    const throttle = new SignInThrottle()
    const last = failFrom(throttle, '192.0.2.1', 12, t0)
    expect(throttle.retryAt(owner, '192.0.2.1', last + signInThrottle.windowMs)).toBeNull()
  })

  it('finding 9: one network is one address: an IPv6 /64, and IPv4 however it is written', () => {
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(networkOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(networkOf('::1')).toBe('0:0:0:0::/64')
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(networkOf('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(networkOf('192.0.2.1')).toBe('192.0.2.1')
    expect(networkOf('2001:db8:1::')).toBe('2001:db8:1:0::/64')
    expect(networkOf('::2001:db8:1:2:3')).toBe('0:0:0:2001::/64')
    expect(networkOf('2001:db8:1:2::192.0.2.1')).toBe('2001:db8:1:2::/64')
    expect(networkOf('not an address')).toBe('not an address')
    const throttle = new SignInThrottle()
    failFrom(throttle, '2001:db8:1:2::1', 8, t0)
    expect(throttle.retryAt(owner, '2001:db8:1:2::ffff', t0)).not.toBeNull()
  })

  it('finding 9: a failure from the future or from before the window counts for nothing', () => {
    expect(inWindow([t0 - signInThrottle.windowMs, t0 - signInThrottle.windowMs + 1, t0, t0 + 1], signInThrottle.windowMs, t0)).toEqual([
      t0 - signInThrottle.windowMs + 1,
      t0,
    ])
    const five = Array.from({ length: 5 }, () => t0 + 60_000)
    expect(retryAt(signInThrottle, five, five, t0)).toBeNull()
  })

  it('finding 9: the wait counts from the latest failure, whatever order the store returns them in', () => {
    const failures = [t0 + 4000, t0, t0 + 1000, t0 + 2000, t0 + 3000]
    expect(retryAt(signInThrottle, failures, failures, t0 + 4000)).toBe(t0 + 4000 + 1000)
  })

  it('finding 9: the account ceiling alone slows a network that failed only once', () => {
    const others = Array.from({ length: signInThrottle.accountCeiling + 2 }, (_, i) => t0 - i)
    // Twelve failures on the account (ceiling 10): a network with one failure waits 2^2 s after it.
    expect(retryAt(signInThrottle, [t0 - 5], others, t0)).toBe(t0 - 5 + 4000)
    // Exactly at the ceiling it waits 1 s; one below, nothing.
    expect(retryAt(signInThrottle, [t0], others.slice(0, signInThrottle.accountCeiling), t0)).toBe(t0 + 1000)
    expect(retryAt(signInThrottle, [t0], others.slice(0, signInThrottle.accountCeiling - 1), t0)).toBeNull()
    // A wait that has passed is no wait.
    expect(retryAt(signInThrottle, [t0], others.slice(0, signInThrottle.accountCeiling), t0 + 1000)).toBeNull()
  })

  it('reset requests: three are free, then the network waits a minute, then two', () => {
    const three = [t0, t0, t0]
    expect(retryAt(resetLimits, three.slice(0, 2), three.slice(0, 2), t0)).toBeNull()
    expect(retryAt(resetLimits, three, three, t0)).toBe(t0 + 60_000)
    expect(retryAt(resetLimits, [...three, t0], [...three, t0], t0)).toBe(t0 + 120_000)
  })

  it('second factors: the tenth wrong answer in 15 minutes refuses the next, and the window frees it', () => {
    const nine = Array.from({ length: secondFactorLimits.ceiling - 1 }, (_, i) => t0 + i * 1000)
    expect(secondFactorRefused(nine, t0 + 60_000)).toBe(false)
    const ten = [...nine, t0 + 60_000]
    expect(secondFactorRefused(ten, t0 + 60_000)).toBe(true)
    expect(secondFactorRefused(ten, t0 + secondFactorLimits.windowMs)).toBe(false)
  })
})
