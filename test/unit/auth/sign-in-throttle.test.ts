import { describe, expect, it } from 'vitest'
import { addressKey, SignInThrottle, signInThrottle } from '../../../src/auth/sign-in-throttle.js'

const t0 = Date.parse('2026-11-20T10:00:00Z')
const owner = 'owner@example.org'

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

  it('finding 9: memory stays bounded when an attack comes from very many addresses', () => {
    const throttle = new SignInThrottle({ ...signInThrottle, maxEntries: 500 })
    for (let i = 0; i < 5000; i++) throttle.recordFailure(`a${i % 700}@example.org`, `10.0.${i >> 8}.${i & 255}`, t0 + i)
    expect(throttle.size.pairs).toBeLessThanOrEqual(500)
    expect(throttle.size.accounts).toBeLessThanOrEqual(500)
  })

  it('finding 9: one network is one address: an IPv6 /64, and IPv4 however it is written', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1')
    const throttle = new SignInThrottle()
    failFrom(throttle, '2001:db8:1:2::1', 8, t0)
    expect(throttle.retryAt(owner, '2001:db8:1:2::ffff', t0)).not.toBeNull()
  })
})
