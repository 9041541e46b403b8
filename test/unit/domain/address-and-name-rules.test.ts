/**
 * The rules for what people type as names and addresses (src/domain/email-address.ts,
 * src/domain/organization.ts): the address a mail is routed to or a key is matched on, an
 * organization's slug in every URL, a member's address and display name. Each case is what an
 * administrator or a reporter would see accepted or refused.
 */
import { describe, expect, it } from 'vitest'
import { normalizeAddress } from '../../../src/domain/email-address.js'
import { looksLikeEmail, nameProblem, normalizeEmail, slugProblem } from '../../../src/domain/organization.js'

describe('an e-mail address as mail routing and keys compare it', () => {
  it('is kept lower-cased and trimmed', () => {
    expect(normalizeAddress('  Security@Example.ORG \t')).toBe('security@example.org')
    expect(normalizeAddress('a@b')).toBe('a@b')
  })

  it('is nothing when nothing was given', () => {
    for (const none of [null, undefined, '', '   ']) expect(normalizeAddress(none)).toBeNull()
  })

  it('is refused when it would break a header line', () => {
    for (const breaker of ['\r', '\n', '\0', '\u0085', '\u2028', '\u2029'])
      expect(normalizeAddress(`alice${breaker}bcc@example.org`), JSON.stringify(breaker)).toBeNull()
  })

  it('is refused when it is a display name, a list or a comment rather than one bare address', () => {
    for (const notBare of [
      'alice smith@example.org',
      'alice\tsmith@example.org',
      'Alice <alice@example.org>',
      '"alice"@example.org',
      'alice@example.org,bob@example.org',
      'alice@example.org;bob@example.org',
      'alice(comment)@example.org',
      'alice@example.org(comment',
      'alice@example.org)',
      'alice@example.org>',
    ])
      expect(normalizeAddress(notBare), notBare).toBeNull()
  })

  it('needs a local part before the last @ and a domain after it', () => {
    expect(normalizeAddress('@example.org')).toBeNull()
    expect(normalizeAddress('alice@')).toBeNull()
    expect(normalizeAddress('alice')).toBeNull()
    expect(normalizeAddress('alice@example.org@')).toBeNull()
    expect(normalizeAddress('a@')).toBeNull()
    // Only the last @ separates the domain: a quoted-looking local part with an @ is kept as typed.
    expect(normalizeAddress('a@b@example.org')).toBe('a@b@example.org')
  })
})

describe('an organization or program slug', () => {
  it('takes lower-case letters, digits and inner hyphens, 2 to 40 characters', () => {
    for (const good of ['ab', 'a1', '0x', 'acme-corp', 'a-b-c', 'a'.repeat(40), `a${'-'.repeat(38)}b`])
      expect(slugProblem(good), good).toBeNull()
    for (const bad of ['a', '', 'a'.repeat(41), '-acme', 'acme-', 'Acme', 'ac me', 'acme_corp', 'acme.corp', 'é1', 'acme/x', ' acme'])
      expect(slugProblem(bad), bad).toBe('invalid-slug')
  })

  it('refuses the names the URLs use themselves', () => {
    for (const reserved of ['api', 'static', 'login', 'logout', 'setup', 'admin', 'well-known', 'new', 'follow-up'])
      expect(slugProblem(reserved), reserved).toBe('reserved-slug')
    expect(slugProblem('apis')).toBeNull()
  })
})

describe("a team member's address", () => {
  it('is compared lower-cased and trimmed', () => {
    expect(normalizeEmail('  Alice@Example.ORG\n')).toBe('alice@example.org')
  })

  it('looks like local@domain.tld, on one line, at most 254 characters', () => {
    for (const good of ['alice@example.org', 'a@b.c', 'first.last+tag@mail.example.co.uk', `${'a'.repeat(242)}@example.org`])
      expect(looksLikeEmail(good), good).toBe(true)
    expect(`${'a'.repeat(242)}@example.org`).toHaveLength(254)
    for (const bad of [
      `${'a'.repeat(243)}@example.org`,
      'alice@localhost',
      'alice@example.',
      'alice@.example.org',
      'alice@example..org',
      'alice@@example.org',
      '@example.org',
      'alice',
      'al ice@example.org',
      'alice@exa mple.org',
      'alice@example.org x',
      'x alice@example.org',
      'alice@example.o rg',
      '',
    ])
      expect(looksLikeEmail(bad), bad).toBe(false)
  })
})

describe('a display name or organization name', () => {
  it('is required, one line, at most 120 characters', () => {
    expect(nameProblem('Alice')).toBeNull()
    expect(nameProblem('x'.repeat(120))).toBeNull()
    expect(nameProblem('x'.repeat(121))).toBe('too-long')
    expect(nameProblem('')).toBe('required')
    expect(nameProblem(' \t ')).toBe('required')
  })

  it('refuses control characters anywhere, and nothing else', () => {
    for (const control of ['\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f'])
      expect(nameProblem(`Ali${control}ce`), JSON.stringify(control)).toBe('control-characters')
    for (const fine of ['Alice O’Neil', 'Zoë', '株式会社', 'A\u0020B', 'x~y', 'x\u0080y']) expect(nameProblem(fine), fine).toBeNull()
  })
})
