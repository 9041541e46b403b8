/**
 * security.txt as a reader (or a scanner) sees it (src/domain/policy/render-security-txt.ts):
 * which Contact, Encryption, Acknowledgments, Languages, Canonical, Policy, Hiring and CSAF lines
 * a policy gives, in which order, and an Expires always ahead but under a year away.
 */
import { describe, expect, it } from 'vitest'
import { renderSecurityTxt, type SecurityTxtOptions, securityTxtExpires } from '../../../src/domain/policy/render-security-txt.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const now = '2026-12-04T14:30:00.000Z'
const options: SecurityTxtOptions = {
  publicUrl: 'https://embargo.example/acme/',
  canonicalUrl: 'https://acme.example/.well-known/security.txt',
  now,
}
const base: Policy = {
  version: 1,
  organization: { name: 'Acme', slug: 'acme' },
  channels: {},
  calendar: { timeZone: 'UTC' },
  clocks: {},
}
const txt = (policy: Partial<Policy>, more: Partial<SecurityTxtOptions> = {}) =>
  renderSecurityTxt({ ...base, ...policy }, { ...options, ...more }).split('\n')

describe('renderSecurityTxt', () => {
  it('a policy with nothing to say still has Expires, Canonical and Policy', () => {
    expect(txt({})).toEqual([
      '# Security contacts for Acme; how we handle reports: see Policy.',
      'Expires: 2027-12-03T14:30:00Z',
      'Canonical: https://acme.example/.well-known/security.txt',
      'Policy: https://embargo.example/acme/',
      '',
    ])
  })

  it('contacts: the form (on this instance unless given), confidential trackers, e-mail, the organization’s address; each once', () => {
    const channels: Policy['channels'] = {
      webForm: { enabled: true },
      trackers: [
        { name: 'Private', url: 'https://forge.acme.example/private', confidentialIssues: true },
        { name: 'Public', url: 'https://forge.acme.example/public' },
        { name: 'Public too', url: 'https://forge.acme.example/public2', confidentialIssues: false },
      ],
      email: [{ address: 'security@acme.example' }, { address: 'cert@acme.example' }],
    }
    expect(txt({ channels }, { securityAddress: 'security@acme.example' }).filter((l) => l.startsWith('Contact'))).toEqual([
      'Contact: https://embargo.example/acme/report',
      'Contact: https://forge.acme.example/private',
      'Contact: mailto:security@acme.example',
      'Contact: mailto:cert@acme.example',
    ])
    expect(
      txt({ channels: { webForm: { enabled: true } } }, { reportUrl: 'https://acme.example/report' }).filter((l) =>
        l.startsWith('Contact'),
      ),
    ).toEqual(['Contact: https://acme.example/report'])
    expect(
      txt({ channels: { webForm: { enabled: false } } }, { securityAddress: 'sec@acme.example' }).filter((l) => l.startsWith('Contact')),
    ).toEqual(['Contact: mailto:sec@acme.example'])
    expect(
      txt({ channels: { webForm: { enabled: true } } }, { publicUrl: 'https://embargo.example/acme' }).filter((l) =>
        l.startsWith('Contact'),
      ),
    ).toEqual(['Contact: https://embargo.example/acme/report'])
  })

  it('encryption: the key this instance serves, else the policy’s, else the first e-mail key with an address', () => {
    const channels: Policy['channels'] = {
      email: [
        { address: 'a@acme.example', openpgp: { fingerprint: '0123456789ABCDEF0123456789ABCDEF' } },
        { address: 'b@acme.example', openpgp: { url: 'https://acme.example/b.asc' } },
      ],
    }
    const encryption = (policy: Partial<Policy>, more: Partial<SecurityTxtOptions> = {}) =>
      txt(policy, more).filter((l) => l.startsWith('Encryption'))
    expect(encryption({ channels })).toEqual(['Encryption: https://acme.example/b.asc'])
    expect(encryption({ channels, securityTxt: { encryption: 'https://acme.example/policy.asc' } })).toEqual([
      'Encryption: https://acme.example/policy.asc',
    ])
    expect(
      encryption(
        { channels, securityTxt: { encryption: 'https://acme.example/policy.asc' } },
        { encryptionUrl: 'https://embargo.example/acme.asc' },
      ),
    ).toEqual(['Encryption: https://embargo.example/acme.asc'])
    expect(encryption({ channels: { email: [{ address: 'a@acme.example' }] } })).toEqual([])
  })

  it('acknowledgments from the policy, else an enabled hall of fame; languages from security.txt, else the organization', () => {
    expect(txt({ recognition: { hallOfFame: { enabled: true, url: 'https://acme.example/thanks' } } })).toContain(
      'Acknowledgments: https://acme.example/thanks',
    )
    expect(txt({ recognition: { hallOfFame: { enabled: false, url: 'https://acme.example/thanks' } } }).join('\n')).not.toContain(
      'Acknowledgments',
    )
    expect(
      txt({
        recognition: { hallOfFame: { enabled: true, url: 'https://acme.example/thanks' } },
        securityTxt: { acknowledgments: 'https://acme.example/credits' },
      }),
    ).toContain('Acknowledgments: https://acme.example/credits')
    expect(txt({ organization: { name: 'Acme', slug: 'acme', languages: ['en', 'nl'] } })).toContain('Preferred-Languages: en, nl')
    expect(
      txt({ organization: { name: 'Acme', slug: 'acme', languages: ['en', 'nl'] }, securityTxt: { preferredLanguages: ['de'] } }),
    ).toContain('Preferred-Languages: de')
  })

  it('every field in RFC order, the canonical addresses once each, CRLF when asked', () => {
    const policy: Partial<Policy> = {
      securityTxt: {
        canonical: ['https://acme.example/.well-known/security.txt', 'https://www.acme.example/.well-known/security.txt'],
        policy: 'https://acme.example/security',
        hiring: 'https://acme.example/jobs',
      },
    }
    expect(
      renderSecurityTxt(
        { ...base, ...policy },
        { ...options, lineEnding: 'crlf', csafProviderMetadataUrl: 'https://acme.example/.well-known/csaf/provider-metadata.json' },
      ),
    ).toBe(
      [
        '# Security contacts for Acme; how we handle reports: see Policy.',
        'Expires: 2027-12-03T14:30:00Z',
        'Canonical: https://acme.example/.well-known/security.txt',
        'Canonical: https://www.acme.example/.well-known/security.txt',
        'Policy: https://acme.example/security',
        'Hiring: https://acme.example/jobs',
        'CSAF: https://acme.example/.well-known/csaf/provider-metadata.json',
        '',
      ].join('\r\n'),
    )
    expect(renderSecurityTxt({ ...base, ...policy }, { ...options, lineEnding: 'lf' })).not.toContain('\r')
  })

  it('control characters and line separators in a value become one space; a value left empty is dropped', () => {
    const lines = txt(
      { organization: { name: ' Acme\u0000\u001f\u007f\u2028\u2029Corp  ', slug: 'acme' } },
      { encryptionUrl: '\r\n', securityAddress: 'a@acme.example\u0085' },
    )
    expect(lines[0]).toBe('# Security contacts for Acme Corp; how we handle reports: see Policy.')
    expect(lines.join('\n')).not.toContain('Encryption')
    // Only C0 controls, DEL and the two Unicode separators are removed; other characters stay.
    expect(lines).toContain('Contact: mailto:a@acme.example\u0085')
    expect(txt({ organization: { name: 'A ~ B', slug: 'acme' } })[0]).toBe(
      '# Security contacts for A ~ B; how we handle reports: see Policy.',
    )
  })
})

describe('securityTxtExpires', () => {
  const expiring = (expires?: string): Policy => ({ ...base, securityTxt: expires ? { expires } : {} })

  it('the policy’s date while it is ahead and under 364 days away', () => {
    expect(securityTxtExpires(expiring('2027-01-01T00:00:00Z'), now)).toBe('2027-01-01T00:00:00Z')
    expect(securityTxtExpires(expiring('2027-12-03T14:30:00Z'), now)).toBe('2027-12-03T14:30:00Z')
    expect(securityTxtExpires(expiring('2027-12-03T14:30:01Z'), now)).toBe('2027-12-03T14:30:00Z')
  })

  it('364 days from now when the policy sets none, or a date already reached', () => {
    expect(securityTxtExpires(expiring(), now)).toBe('2027-12-03T14:30:00Z')
    expect(securityTxtExpires(expiring(now), now)).toBe('2027-12-03T14:30:00Z')
    expect(securityTxtExpires(expiring('2026-12-04T14:30:00.001Z'), now)).toBe('2026-12-04T14:30:00Z')
  })

  it('to the whole second, in UTC', () => {
    expect(securityTxtExpires(expiring(), '2026-12-04T14:30:00.999Z')).toBe('2027-12-03T14:30:00Z')
    expect(securityTxtExpires(expiring('2027-01-01T01:00:00.999+01:00'), now)).toBe('2027-01-01T00:00:00Z')
  })
})
