import { describe, expect, it } from 'vitest'
import { assertsMultiFactor, parseDomains, vouchedEmail } from '../../../src/domain/sso/provider-claims.js'

describe('what Embargo believes of an identity provider', () => {
  it('a provider asserts MFA through amr (mfa, otp, hwk …) or a multi-factor acr, and nothing else counts', () => {
    expect(assertsMultiFactor({ amr: ['pwd', 'otp'] })).toBe(true)
    expect(assertsMultiFactor({ amr: ['hwk'] })).toBe(true)
    expect(assertsMultiFactor({ amr: ['mfa'] })).toBe(true)
    expect(assertsMultiFactor({ acr: 'https://refeds.org/profile/mfa' })).toBe(true)
    expect(assertsMultiFactor({ amr: ['pwd'] })).toBe(false)
    expect(assertsMultiFactor({ amr: 'mfa' })).toBe(false) // amr is an array; a string is not an assertion
    expect(assertsMultiFactor({ acr: '1' })).toBe(false)
    expect(assertsMultiFactor({})).toBe(false)
  })

  it('only a verified address in an allowed domain is vouched for, never a subdomain or a look-alike', () => {
    const domains = ['example.org']
    expect(vouchedEmail({ email: 'Alice@Example.org', email_verified: true }, domains)).toBe('alice@example.org')
    expect(vouchedEmail({ email: 'alice@example.org', email_verified: false }, domains)).toBeNull()
    expect(vouchedEmail({ email: 'alice@example.org', email_verified: 'true' }, domains)).toBeNull()
    expect(vouchedEmail({ email: 'alice@evil.example.org', email_verified: true }, domains)).toBeNull()
    expect(vouchedEmail({ email: 'alice@example.org.evil', email_verified: true }, domains)).toBeNull()
    expect(vouchedEmail({ email: 'alice@example.org@evil.test', email_verified: true }, domains)).toBeNull()
  })

  it('domains typed by an administrator are read with spaces, commas or lines between, and a non-domain is refused', () => {
    expect(parseDomains('Example.org, @example.net\nsub.example.com')).toEqual(['example.org', 'example.net', 'sub.example.com'])
    expect(parseDomains('')).toEqual([])
    expect(parseDomains('example')).toBeNull()
    expect(parseDomains('exa mple.org/x')).toBeNull()
  })
})
