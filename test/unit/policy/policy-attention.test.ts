/**
 * What the policy page asks an administrator to look at (src/domain/policy/policy-attention.ts):
 * values that are not yet the organization's own, typically after starting from a preset.
 */
import { describe, expect, it } from 'vitest'
import { type AttentionOrganization, policyAttention } from '../../../src/domain/policy/policy-attention.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

/** A policy already fully the organization's own. */
const own: Policy = {
  version: 1,
  organization: { name: 'Example', slug: 'example' },
  contacts: [{ id: 'ceo', kind: 'person', name: 'The CEO', email: 'ceo@example.org' }],
  channels: { email: [{ address: 'Security@Example.org', encryption: 'preferred' }] },
  calendar: { timeZone: 'UTC' },
  clocks: {},
  securityTxt: { canonical: ['https://example.org/.well-known/security.txt'] },
}
const org: AttentionOrganization = { name: 'Example', slug: 'example', securityAddress: 'security@example.org', hasKey: true }

describe('policyAttention', () => {
  it('a policy that is the organization’s own needs nothing', () => {
    expect(policyAttention(own, org)).toEqual([])
  })

  it('names the preset’s name and slug when they are not the organization’s', () => {
    const preset: Policy = { ...own, organization: { name: 'Kumi Systems', slug: 'kumi-systems' } }
    expect(policyAttention(preset, org)).toEqual([
      { key: 'name', inPolicy: 'Kumi Systems' },
      { key: 'slug', inPolicy: 'kumi-systems' },
    ])
    expect(policyAttention({ ...own, organization: { name: 'Example', slug: 'kumi' } }, org)).toEqual([{ key: 'slug', inPolicy: 'kumi' }])
  })

  it('asks for the canonical address of security.txt when none, or an empty list, is given', () => {
    expect(policyAttention({ ...own, securityTxt: undefined }, org)).toEqual([{ key: 'canonical' }])
    expect(policyAttention({ ...own, securityTxt: { canonical: [] } }, org)).toEqual([{ key: 'canonical' }])
    expect(policyAttention({ ...own, securityTxt: {} }, org)).toEqual([{ key: 'canonical' }])
  })

  it('lists the contacts nobody can reach (no e-mail), by name', () => {
    const policy: Policy = {
      ...own,
      contacts: [
        { id: 'ceo', kind: 'person', name: 'The CEO', email: 'ceo@example.org' },
        { id: 'cto', kind: 'person', name: 'The CTO' },
        { id: 'team', kind: 'team', name: 'Security team' },
      ],
    }
    expect(policyAttention(policy, org)).toEqual([{ key: 'contacts', names: ['The CTO', 'Security team'] }])
    expect(policyAttention({ ...own, contacts: undefined }, org)).toEqual([])
  })

  it('asks for the organization’s own security address when the policy does not list it (in any case)', () => {
    const elsewhere: Policy = {
      ...own,
      channels: { email: [{ address: 'security@kumi.systems', openpgp: { url: 'https://kumi.systems/key' } }] },
    }
    expect(policyAttention(elsewhere, org)).toEqual([{ key: 'securityAddress', address: 'security@example.org' }])
    expect(policyAttention({ ...own, channels: {} }, org)).toEqual([{ key: 'securityAddress', address: 'security@example.org' }])
    expect(policyAttention(own, { ...org, securityAddress: 'SECURITY@example.org' })).toEqual([])
    expect(policyAttention({ ...own, channels: {} }, { ...org, securityAddress: undefined })).toEqual([])
  })

  it('warns when encryption is asked for but there is no key to encrypt to', () => {
    const noKey = { ...org, hasKey: false }
    expect(policyAttention(own, noKey)).toEqual([{ key: 'noKey' }])
    const required: Policy = { ...own, channels: { email: [{ address: 'security@example.org', encryption: 'required' }] } }
    expect(policyAttention(required, noKey)).toEqual([{ key: 'noKey' }])
    // The organization's key, or one the policy names, is enough; so is not asking for encryption.
    expect(policyAttention(required, org)).toEqual([])
    const withKey: Policy = {
      ...own,
      channels: {
        email: [
          { address: 'security@example.org', encryption: 'preferred' },
          { address: 'pgp@example.org', openpgp: { fingerprint: '0123456789ABCDEF0123456789ABCDEF' } },
        ],
      },
    }
    expect(policyAttention(withKey, noKey)).toEqual([])
    // One address that asks for encryption is enough to need a key.
    const oneAsks: Policy = {
      ...own,
      channels: {
        email: [
          { address: 'security@example.org', encryption: 'preferred' },
          { address: 'other@example.org', encryption: 'optional' },
        ],
      },
    }
    expect(policyAttention(oneAsks, noKey)).toEqual([{ key: 'noKey' }])
    for (const encryption of ['optional', 'none'] as const) {
      expect(policyAttention({ ...own, channels: { email: [{ address: 'security@example.org', encryption }] } }, noKey)).toEqual([])
    }
  })

  it('lists everything at once, in the page’s order', () => {
    const preset: Policy = {
      ...own,
      organization: { name: 'Kumi Systems', slug: 'kumi-systems' },
      contacts: [{ id: 'ceo', kind: 'person', name: 'Kumi Systems CEO' }],
      channels: { email: [{ address: 'security@kumi.systems', encryption: 'required' }] },
      securityTxt: undefined,
    }
    expect(policyAttention(preset, { ...org, hasKey: false }).map((i) => i.key)).toEqual([
      'name',
      'slug',
      'canonical',
      'contacts',
      'securityAddress',
      'noKey',
    ])
  })
})
