/**
 * Whether a member may act in an organization without a second factor
 * (src/domain/access/mfa-rule.ts): only the policy's `accounts.mfa: required` asks for one.
 */
import { describe, expect, it } from 'vitest'
import { mayActInOrganization, mfaRequiredBy } from '../../../src/domain/access/mfa-rule.js'

const requiring = { accounts: { mfa: 'required' as const } }

describe('the second-factor rule', () => {
  it('only a policy that says required asks for a second factor', () => {
    expect(mfaRequiredBy(requiring)).toBe(true)
    expect(mfaRequiredBy({ accounts: { mfa: 'optional' } })).toBe(false)
    expect(mfaRequiredBy({ accounts: {} })).toBe(false)
    expect(mfaRequiredBy({})).toBe(false)
    expect(mfaRequiredBy(undefined)).toBe(false)
  })

  it('under required, a session that passed a second factor may act and one that did not may not', () => {
    expect(mayActInOrganization(requiring, { mfaVerified: true })).toBe(true)
    expect(mayActInOrganization(requiring, { mfaVerified: false })).toBe(false)
  })

  it('without the requirement every session may act', () => {
    for (const policy of [undefined, {}, { accounts: { mfa: 'optional' as const } }]) {
      expect(mayActInOrganization(policy, { mfaVerified: false })).toBe(true)
      expect(mayActInOrganization(policy, { mfaVerified: true })).toBe(true)
    }
  })
})
