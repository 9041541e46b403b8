import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSecurityTxt, securityTxtExpires } from '../../../src/domain/policy/render-security-txt.js'
import type { Policy } from '../../../src/domain/policy/schema.js'
import { standard } from '../../support/standards.js'
import { loadPreset, presetNames } from './presets.js'
import { checkSecurityTxt, rfcFields, unsign } from './security-txt-grammar.js'

const securityTxtStandard = standard('securitytxt')
const standards = securityTxtStandard.dir
const haveStandards = securityTxtStandard.present
if (!haveStandards) console.warn(securityTxtStandard.reason)
const now = '2026-12-04T14:30:00.000Z'
const options = { publicUrl: 'https://embargo.example/kumi-systems', canonicalUrl: 'https://kumi.systems/.well-known/security.txt', now }

describe.skipIf(!haveStandards)(`the RFC 9116 grammar checker, against ${standards}`, () => {
  const read = (...parts: string[]) => readFileSync(join(standards, ...parts), 'utf8')
  const files = (dir: string) => readdirSync(join(standards, dir)).filter((f) => f.endsWith('.stxt') || f.endsWith('.txt'))

  it("knows every field the RFC's ABNF defines, with the same value production", () => {
    const abnf = [...read('rfc9116.txt').matchAll(/^\s+[a-z]+-field\s+=\s+"([A-Za-z-]+)" fs SP ([a-z-]+)/gm)]
    const defined = Object.fromEntries(abnf.map(([, name, production]) => [String(name).toLowerCase(), production]))
    expect(defined).toEqual(rfcFields)
  })

  it('accepts every valid file of the sectxtlib corpus (with its fixed "now")', () => {
    const valid = [
      ...files('sectxtlib-corpus/valid_unsigned').map((f) => ['valid_unsigned', f]),
      ...files('sectxtlib-corpus/valid_signed').map((f) => ['valid_signed', f]),
      ...files('sectxtlib-corpus/gen_unsigned').map((f) => ['gen_unsigned', f]),
    ]
    expect(valid.length).toBeGreaterThanOrEqual(100)
    for (const [dir, file] of valid) {
      const text = unsign(read('sectxtlib-corpus', dir ?? '', file ?? ''))
      expect({ file, errors: checkSecurityTxt(text, { now: '2023-01-01T08:19:03Z' }).errors }).toEqual({ file, errors: [] })
    }
  })

  it('refuses the pre-RFC files, which have no Expires', () => {
    for (const file of files('real-world-pre-rfc9116-no-expires')) {
      expect(checkSecurityTxt(read('real-world-pre-rfc9116-no-expires', file)).errors.some((e) => e.startsWith('Expires'))).toBe(true)
    }
    expect(checkSecurityTxt(read('legacy-template-no-expires', 'security.txt')).errors).not.toEqual([])
  })

  it.each(presetNames)('the rendered security.txt of %s follows the grammar', (name) => {
    const text = renderSecurityTxt(loadPreset(name), options)
    expect(checkSecurityTxt(text, { now }).errors).toEqual([])
    expect(checkSecurityTxt(renderSecurityTxt(loadPreset(name), { ...options, lineEnding: 'crlf' }), { now }).errors).toEqual([])
  })
})

describe('renderSecurityTxt', () => {
  it("renders Kumi's contacts in priority order with every field", () => {
    expect(renderSecurityTxt(loadPreset('kumi-systems'), options)).toBe(
      [
        '# Security contacts for Kumi Systems; how we handle reports: see Policy.',
        'Contact: https://embargo.example/kumi-systems/report',
        'Contact: https://kumig.it/kumisystems',
        'Contact: https://github.com/kumisystems',
        'Contact: https://kumig.it/kumisystems/security-policy/issues',
        'Contact: https://github.com/kumisystems/security-policy/issues',
        'Contact: mailto:security@kumi.systems',
        'Expires: 2027-12-03T14:30:00Z',
        'Encryption: https://github.com/kumisystems/security-policy/raw/main/security-key.gpg',
        'Acknowledgments: https://github.com/kumisystems/security-policy',
        'Preferred-Languages: en, de',
        'Canonical: https://kumi.systems/.well-known/security.txt',
        'Policy: https://github.com/kumisystems/security-policy/blob/main/SECURITY.md',
        '',
      ].join('\n'),
    )
  })

  it('keeps Expires under a year ahead, and replaces one already past', () => {
    const policy = loadPreset('khulnasoft')
    const withExpiry = (expires: string): Policy => ({ ...policy, securityTxt: { ...policy.securityTxt, expires } })
    expect(securityTxtExpires(withExpiry('2027-03-01T00:00:00Z'), now)).toBe('2027-03-01T00:00:00Z')
    expect(securityTxtExpires(withExpiry('2030-01-01T00:00:00Z'), now)).toBe('2027-12-03T14:30:00Z')
    expect(securityTxtExpires(withExpiry('2020-01-01T00:00:00Z'), now)).toBe('2027-12-03T14:30:00Z')
  })

  it('cannot be made to start a field through a value', () => {
    const policy = loadPreset('khulnasoft')
    const hostile: Policy = { ...policy, organization: { ...policy.organization, name: 'Evil\r\nContact: mailto:attacker@evil.example' } }
    const text = renderSecurityTxt(hostile, { ...options, encryptionUrl: 'https://x.example/key\nHiring: https://evil.example' })
    expect(text).not.toMatch(/^Contact: mailto:attacker/m)
    expect(text).not.toMatch(/^Hiring:/m)
    expect(text.split('\n').every((line) => !line.startsWith('-') && line === line.trimEnd())).toBe(true)
  })
})
