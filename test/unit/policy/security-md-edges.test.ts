/**
 * SECURITY.md sentences at their edges (src/domain/policy/security-md-handling.ts,
 * security-md-reporters.ts, security-md-reporting.ts): an update cadence of 21 days, a policy
 * that never publishes advisories, reward conditions beside
 * "first non-trivial", a reward text with a dot inside, a key with old Mac line endings, a scope
 * that lists only one side.
 */
import { describe, expect, it } from 'vitest'
import type { Policy } from '../../../src/domain/policy/schema.js'
import { disclosureSection, responseTimesSection } from '../../../src/domain/policy/security-md-handling.js'
import { openPgpKeysSection, recognitionSection } from '../../../src/domain/policy/security-md-reporters.js'
import { scopeSection } from '../../../src/domain/policy/security-md-reporting.js'

const base: Policy = {
  version: 1,
  organization: { name: 'Acme', slug: 'acme' },
  channels: {},
  calendar: { timeZone: 'UTC' },
  clocks: {},
}

describe('what happens after you report', () => {
  it('an update every 21 days is said as "every 21 days"; every 1 week as "every week"', () => {
    expect(responseTimesSection({ ...base, clocks: { reporterUpdate: '21 days' } })).toContain(
      '- After that we keep you informed of our progress, at least every 21 days.',
    )
    expect(responseTimesSection({ ...base, clocks: { reporterUpdate: '1 week' } })).toContain(
      '- After that we keep you informed of our progress, at least every week.',
    )
  })
})

describe('disclosure', () => {
  it('a policy that never publishes advisories says so in a paragraph of its own', () => {
    expect(disclosureSection({ ...base, disclosure: { advisory: 'never' } })).toEqual([
      '## Disclosure',
      '',
      'We coordinate the date of public disclosure with you.',
      '',
      'We do not publish security advisories.',
      '',
    ])
  })
})

describe('recognition and rewards', () => {
  it('"first non-trivial" reads as one condition, and the other conditions are still said', () => {
    const lines = recognitionSection({
      ...base,
      recognition: {
        rewards: [{ kind: 'swag', description: 'Stickers', conditions: ['first-reporter', 'non-trivial', 'own-products-only'] }],
      },
    })
    expect(lines.filter((l) => l.startsWith('- Stickers'))).toHaveLength(1)
    expect(lines.find((l) => l.startsWith('- Stickers'))).toMatch(
      /^- Stickers \(to the first reporter of a given non-trivial vulnerability(,| and) .+\)\.$/,
    )
    expect(lines.find((l) => l.startsWith('- Stickers'))?.split(' and ')).toHaveLength(2)
  })

  it('a reward text with a dot inside keeps it; only a full stop at the end is replaced', () => {
    const lines = recognitionSection({
      ...base,
      recognition: { rewards: [{ kind: 'swag', description: 'A mug from shop.acme.example.' }] },
    })
    expect(lines).toContain('- A mug from shop.acme.example.')
  })
})

describe('OpenPGP keys', () => {
  it('a key written with old Mac line endings (CR alone) is shown one line per line', () => {
    const key = '-----BEGIN PGP PUBLIC KEY BLOCK-----\r\rmQINBF\r-----END PGP PUBLIC KEY BLOCK-----'
    expect(
      openPgpKeysSection({ ...base, channels: { email: [{ address: 'security@acme.example', openpgp: { publicKey: key } }] } }),
    ).toEqual([
      '## OpenPGP keys',
      '',
      'security@acme.example:',
      '',
      '    -----BEGIN PGP PUBLIC KEY BLOCK-----',
      '    ',
      '    mQINBF',
      '    -----END PGP PUBLIC KEY BLOCK-----',
      '',
    ])
  })
})

describe('scope', () => {
  it('only what is in scope: no "Out of scope" heading', () => {
    expect(scopeSection({ ...base, scope: { inScope: ['Our web sites'] } })).toEqual([
      '## Scope',
      '',
      'In scope:',
      '',
      '- Our web sites',
      '',
    ])
  })

  it('a scope section that lists nothing says nothing', () => {
    expect(scopeSection({ ...base, scope: {} })).toEqual([])
    expect(scopeSection({ ...base, scope: { inScope: [] } })).toEqual([])
  })
})
