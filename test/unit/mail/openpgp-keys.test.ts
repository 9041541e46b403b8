import * as openpgp from 'openpgp'
import { describe, expect, it } from 'vitest'
import { generateOrgKey, importPublicKey, KeyImportError, keyEmails, unlockPrivateKey } from '../../../src/openpgp/keys.js'

async function problem(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    if (err instanceof KeyImportError) return err.problem
    throw err
  }
  return 'none'
}

describe('openpgp keys', () => {
  it('generates a passphrase-protected Curve25519 org key with the security address as user ID', async () => {
    const pair = await generateOrgKey({
      orgName: 'ACME <Security>',
      securityAddress: 'Security@ACME.example',
      passphrase: 'long enough passphrase',
    })
    expect(pair.fingerprint).toMatch(/^[0-9A-F]{40}$/)
    const priv = await openpgp.readPrivateKey({ armoredKey: pair.privateKeyArmored })
    expect(priv.isDecrypted()).toBe(false)
    expect(priv.getAlgorithmInfo().algorithm).toBe('eddsaLegacy')
    const imported = await importPublicKey(pair.publicKeyArmored)
    expect(imported.emails).toEqual(['security@acme.example'])
    expect(imported.fingerprint).toBe(pair.fingerprint)
    expect((await unlockPrivateKey(pair.privateKeyArmored, 'long enough passphrase')).isDecrypted()).toBe(true)
    expect(await problem(unlockPrivateKey(pair.privateKeyArmored, 'wrong'))).toBe('wrong-passphrase')
    expect(await problem(generateOrgKey({ orgName: 'x', securityAddress: 'a@b.c', passphrase: 'short' }))).toBe('weak-passphrase')
  })

  it('refuses private, expired, revoked, encryption-less and garbage keys where a public key is expected', async () => {
    const ok = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'a@example.net' }],
      format: 'object',
    })
    expect(await problem(importPublicKey(ok.privateKey.armor()))).toBe('private-key')
    const expired = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'a@example.net' }],
      date: new Date(Date.now() - 7_200_000),
      keyExpirationTime: 60,
      format: 'armored',
    })
    expect(await problem(importPublicKey(expired.publicKey))).toBe('expired')
    const { publicKey: revoked } = await openpgp.revokeKey({ key: ok.privateKey, format: 'armored' })
    expect(await problem(importPublicKey(revoked))).toBe('revoked')
    const signOnly = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'a@example.net' }],
      subkeys: [],
      format: 'armored',
    })
    expect(await problem(importPublicKey(signOnly.publicKey))).toBe('no-encryption-key')
    expect(await problem(importPublicKey('hello'))).toBe('unreadable')
    const other = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'b@example.net' }],
      format: 'object',
    })
    const both = new Uint8Array([...ok.publicKey.write(), ...other.publicKey.write()])
    expect(await problem(importPublicKey(openpgp.armor(openpgp.enums.armor.publicKey, both)))).toBe('multiple-keys')
  })

  it('reads e-mail addresses from user IDs', async () => {
    const k = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'A', email: 'A@Example.net' }, { email: 'b@example.org' }],
      format: 'object',
    })
    expect(keyEmails(k.publicKey).sort()).toEqual(['a@example.net', 'b@example.org'])
  })
})
