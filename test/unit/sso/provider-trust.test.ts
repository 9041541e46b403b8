/**
 * What Embargo believes of an identity provider's ID token (src/domain/sso/provider-claims.ts),
 * case by case as an administrator sees it: whether a sign-in counts as multi-factor, which
 * address joins or links an account, and which domains the settings form keeps or refuses.
 */
import { describe, expect, it } from 'vitest'
import { assertsMultiFactor, parseDomains, vouchedEmail } from '../../../src/domain/sso/provider-claims.js'

describe('a multi-factor sign-in at the provider', () => {
  it('counts when any listed method reference is among others, whatever its position', () => {
    for (const method of ['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm'])
      expect(assertsMultiFactor({ amr: ['pwd', method] }), method).toBe(true)
    expect(assertsMultiFactor({ amr: ['otp', 'pwd'] })).toBe(true)
    expect(assertsMultiFactor({ amr: [42, 'mfa'] })).toBe(true)
  })

  it('does not count for a password, a PIN or a knowledge factor alone, nor for an empty or odd list', () => {
    for (const amr of [['pwd'], ['pin'], ['kba', 'pwd'], [], ['MFA'], [null], 'otp', { mfa: true }])
      expect(assertsMultiFactor({ amr }), JSON.stringify(amr)).toBe(false)
  })

  it('counts for a multi-factor authentication context class, not for another one', () => {
    for (const acr of [
      'https://refeds.org/profile/mfa',
      'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      'http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical',
      'phr',
      'phrh',
    ])
      expect(assertsMultiFactor({ amr: ['pwd'], acr }), acr).toBe(true)
    for (const acr of ['0', 'urn:mace:incommon:iap:silver', 'https://refeds.org/profile/sfa', ['phr'], 2])
      expect(assertsMultiFactor({ amr: ['pwd'], acr }), JSON.stringify(acr)).toBe(false)
  })
})

describe('the address a provider vouches for', () => {
  const domains = ['example.org', 'example.net']

  it('is the verified address, lower-cased and trimmed, in any allowed domain', () => {
    expect(vouchedEmail({ email: ' Bob@EXAMPLE.net ', email_verified: true }, domains)).toBe('bob@example.net')
    expect(vouchedEmail({ email: 'carol@example.org', email_verified: true }, domains)).toBe('carol@example.org')
  })

  it('is none without a verified address given as text', () => {
    expect(vouchedEmail({ email_verified: true }, domains)).toBeNull()
    expect(vouchedEmail({ email: ['carol@example.org'], email_verified: true }, domains)).toBeNull()
    expect(vouchedEmail({ email: 'carol@example.org' }, domains)).toBeNull()
    expect(vouchedEmail({ email: 'carol@example.org', email_verified: 1 }, domains)).toBeNull()
  })

  it('is none for something that is not an address, or with no domain allowed', () => {
    expect(vouchedEmail({ email: 'carol', email_verified: true }, domains)).toBeNull()
    expect(vouchedEmail({ email: 'carol@example', email_verified: true }, ['example'])).toBeNull()
    expect(vouchedEmail({ email: 'carol@example.org', email_verified: true }, [])).toBeNull()
  })
})

describe('the domains an administrator types', () => {
  it('are read between spaces, tabs, commas and lines, lower-cased, without a leading @, each once', () => {
    expect(parseDomains(' Example.ORG,,example.net\t@Sub.Example.com\r\n example.org ')).toEqual([
      'example.org',
      'example.net',
      'sub.example.com',
    ])
    expect(parseDomains('a.io')).toEqual(['a.io'])
    expect(parseDomains(' , \n')).toEqual([])
  })

  it('keep labels of letters, digits and inner hyphens up to 63 characters, a domain up to 253', () => {
    const label63 = 'a'.repeat(63)
    expect(parseDomains(`${label63}.org`)).toEqual([`${label63}.org`])
    expect(parseDomains('x-1.example-2.org')).toEqual(['x-1.example-2.org'])
    expect(parseDomains('1.2')).toEqual(['1.2'])
    const long253 = `${'a'.repeat(61)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`
    expect(long253).toHaveLength(253)
    expect(parseDomains(long253)).toEqual([long253])
    expect(parseDomains(`a${long253}`)).toBeNull()
  })

  it('refuse the whole list when one entry is not a domain', () => {
    for (const bad of [
      'localhost',
      `${'a'.repeat(64)}.org`,
      '-example.org',
      'example-.org',
      'example.-org',
      'example.org-',
      'example..org',
      '.example.org',
      'example.org.',
      'exa_mple.org',
      'exämple.org',
      '@@example.org',
      'ex@mple.org',
      'example.org/path',
      'example.org:443',
    ])
      expect(parseDomains(`example.net ${bad}`), bad).toBeNull()
  })
})
