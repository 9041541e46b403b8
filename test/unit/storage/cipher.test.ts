/** Encryption at rest: what is sealed opens only with the right key, organization and context. */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CipherError, Keyring } from '../../../src/storage/cipher.js'

const text = 'SQL injection in /login — steps: 1. … 🐛'

function setup() {
  const master = crypto.randomBytes(32)
  const keyring = new Keyring(master)
  const wrapped = keyring.newWrappedDataKey('org-a')
  return { master, keyring, wrapped, cipher: keyring.forOrg('org-a', wrapped) }
}

/** Replaces one character of one dot-separated part with a different base64url character. */
function tamper(sealed: string, part: number, at: number): string {
  const parts = sealed.split('.')
  const value = parts[part]!
  const index = at < 0 ? value.length + at : at
  const replacement = value[index] === 'A' ? 'B' : 'A'
  parts[part] = value.slice(0, index) + replacement + value.slice(index + 1)
  return parts.join('.')
}

describe('Keyring', () => {
  it('round-trips text, including empty and non-ASCII text', () => {
    const { cipher } = setup()
    for (const plain of [text, '', 'x'.repeat(100_000)]) {
      expect(cipher.decrypt(cipher.encrypt(plain, 'report.title|r1'), 'report.title|r1')).toBe(plain)
    }
  })

  it('opens values after a restart with the same master key and wrapped data key', () => {
    const { master, wrapped, cipher } = setup()
    const sealed = cipher.encrypt(text, 'message.body|m1')
    expect(new Keyring(master).forOrg('org-a', wrapped).decrypt(sealed, 'message.body|m1')).toBe(text)
  })

  it('does not store the plain text in the sealed value', () => {
    const { cipher } = setup()
    const sealed = cipher.encrypt(text, 'report.title|r1')
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(sealed).not.toContain('injection')
  })

  it('uses a new nonce for every value, so equal texts give different ciphertexts', () => {
    const { cipher } = setup()
    const first = cipher.encrypt(text, 'report.title|r1')
    const second = cipher.encrypt(text, 'report.title|r1')
    expect(first).not.toBe(second)
    expect(first.split('.')[1]).not.toBe(second.split('.')[1])
  })

  it('does not open a value in another column or row (context)', () => {
    const { cipher } = setup()
    const sealed = cipher.encrypt(text, 'report.title|r1')
    expect(() => cipher.decrypt(sealed, 'report.title|r2')).toThrow(CipherError)
    expect(() => cipher.decrypt(sealed, 'message.body|r1')).toThrow(CipherError)
  })

  it('does not open a value in another organization', () => {
    const { keyring, cipher } = setup()
    const sealed = cipher.encrypt(text, 'report.title|r1')
    const other = keyring.forOrg('org-b', keyring.newWrappedDataKey('org-b'))
    expect(() => other.decrypt(sealed, 'report.title|r1')).toThrow(CipherError)
  })

  it("does not unwrap one organization's data key for another organization", () => {
    const { keyring, wrapped } = setup()
    expect(() => keyring.forOrg('org-b', wrapped)).toThrow(CipherError)
  })

  it('detects tampering with any part of a sealed value', () => {
    const { cipher } = setup()
    const sealed = cipher.encrypt(text, 'report.title|r1')
    const tampered = [
      tamper(sealed, 0, 0), // version
      tamper(sealed, 1, 0), // nonce
      tamper(sealed, 1, -1),
      tamper(sealed, 2, 0), // ciphertext
      tamper(sealed, 2, 10),
      tamper(sealed, 3, 0), // tag
      tamper(sealed, 3, 5),
      sealed.split('.').slice(0, 3).join('.'), // tag missing
      `${sealed.split('.').slice(0, 3).join('.')}.`, // tag empty
      sealed.replace(/\.[\w-]+\./, '..'), // nonce empty
      `${sealed}.extra`, // a fifth part
      'not sealed at all',
    ]
    for (const value of tampered) {
      expect(value).not.toBe(sealed)
      expect(() => cipher.decrypt(value, 'report.title|r1'), value).toThrow(CipherError)
    }
  })

  it('detects a wrapped data key that was tampered with', () => {
    const { master, wrapped } = setup()
    // A new Keyring: one that already unwrapped org-a's key keeps it and does not unwrap again.
    for (const part of [1, 2, 3]) expect(() => new Keyring(master).forOrg('org-a', tamper(wrapped, part, 0))).toThrow(CipherError)
  })

  it('does not unwrap data keys with another master key', () => {
    const { wrapped } = setup()
    expect(() => new Keyring(crypto.randomBytes(32)).forOrg('org-a', wrapped)).toThrow(CipherError)
  })

  it('accepts only a 32-byte master key', () => {
    expect(() => new Keyring(crypto.randomBytes(16))).toThrow(CipherError)
    expect(() => new Keyring(Buffer.alloc(0))).toThrow(CipherError)
  })

  it('derives a distinct, stable 32-byte secret per purpose', () => {
    const { master, keyring } = setup()
    const csrf = keyring.derive('csrf')
    expect(csrf).toHaveLength(32)
    expect(new Keyring(master).derive('csrf').equals(csrf)).toBe(true)
    expect(keyring.derive('cookie').equals(csrf)).toBe(false)
    expect(csrf.equals(master)).toBe(false)
  })
})
