/**
 * OpenPGP key handling for the mail channel: the organization's own key pair, and the public keys
 * reporters and partners hand us. Validation happens once, on import, so the rest of the code can
 * assume a stored key is public, unexpired, unrevoked and able to encrypt.
 */
import * as openpgp from 'openpgp'
import { normalizeAddress } from '../domain/email-address.js'

export interface OrgKeyPair {
  /** Passphrase-protected armored private key; store it like any secret. */
  privateKeyArmored: string
  publicKeyArmored: string
  /** Armored revocation certificate: keep offline, publish if the key leaks. */
  revocationCertificate: string
  /** Uppercase hex fingerprint of the primary key. */
  fingerprint: string
}

/**
 * A new ECC (Curve25519: Ed25519 signing primary, X25519 encryption subkey) key pair whose user ID
 * is `orgName <securityAddress>`, encrypted with `passphrase`. No expiry by default: the operator
 * rotates it deliberately; pass `expiresInSeconds` to force rotation.
 */
export async function generateOrgKey(opts: {
  orgName: string
  securityAddress: string
  passphrase: string
  expiresInSeconds?: number
}): Promise<OrgKeyPair> {
  if (opts.passphrase.length < 12) throw new KeyImportError('weak-passphrase', 'the org key passphrase must be at least 12 characters')
  const email = normalizeAddress(opts.securityAddress)
  if (!email) throw new KeyImportError('bad-user-id', 'the security address is not a valid address')
  const { privateKey, publicKey, revocationCertificate } = await openpgp.generateKey({
    // v4 Ed25519/Curve25519 ('legacy' in RFC 9580 terms): what GnuPG 2.2 and every mail client read.
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: opts.orgName.replace(/[<>()\r\n]/g, ' ').trim(), email }],
    passphrase: opts.passphrase,
    keyExpirationTime: opts.expiresInSeconds ?? 0,
    format: 'armored',
  })
  const key = await openpgp.readKey({ armoredKey: publicKey })
  return { privateKeyArmored: privateKey, publicKeyArmored: publicKey, revocationCertificate, fingerprint: fingerprintOf(key) }
}

export type KeyImportProblem =
  | 'unreadable'
  | 'private-key'
  | 'not-private-key'
  | 'expired'
  | 'revoked'
  | 'invalid'
  | 'no-encryption-key'
  | 'multiple-keys'
  | 'weak-passphrase'
  | 'bad-user-id'
  | 'wrong-passphrase'

/** Why a key was refused; `problem` is stable for code, `message` is for people. */
export class KeyImportError extends Error {
  constructor(
    readonly problem: KeyImportProblem,
    message: string,
  ) {
    super(message)
    this.name = 'KeyImportError'
  }
}

export interface ImportedPublicKey {
  key: openpgp.PublicKey
  /** Public-only armor, re-serialized (drops anything we did not parse). */
  armored: string
  fingerprint: string
  /** Lowercase e-mail addresses found in the key's user IDs. */
  emails: string[]
}

/**
 * Validate an armored public key someone gave us. Refuses private keys (a reporter pasting their
 * secret key must not have it stored), more than one key, revoked or expired primary keys, and
 * keys with no usable encryption (sub)key, each with a distinct `problem`.
 */
export async function importPublicKey(armored: string, now: Date = new Date()): Promise<ImportedPublicKey> {
  // openpgp.js reads only the first armored block; a second one (another key, or a private key
  // pasted after the public one) must not pass unnoticed.
  if (/-----BEGIN PGP PRIVATE KEY BLOCK-----/.test(armored))
    throw new KeyImportError('private-key', 'this is a private key; send the public key only')
  if ((armored.match(/-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----/g)?.length ?? 0) > 1)
    throw new KeyImportError('multiple-keys', 'exactly one public key is expected')
  let keys: openpgp.Key[]
  try {
    keys = await openpgp.readKeys({ armoredKeys: armored })
  } catch {
    if (/BEGIN PGP PRIVATE KEY BLOCK/.test(armored))
      throw new KeyImportError('private-key', 'this is a private key; send the public key only')
    throw new KeyImportError('unreadable', 'not an armored OpenPGP public key')
  }
  if (keys.length !== 1) throw new KeyImportError('multiple-keys', 'exactly one public key is expected')
  const key = keys[0]!
  if (key.isPrivate()) throw new KeyImportError('private-key', 'this is a private key; send the public key only')
  await assertUsable(key, now)
  const pub = key as openpgp.PublicKey
  return { key: pub, armored: pub.armor(), fingerprint: fingerprintOf(pub), emails: keyEmails(pub) }
}

/** Read and unlock an org private key; wrong passphrases and public keys are refused clearly. */
export async function unlockPrivateKey(privateKeyArmored: string, passphrase?: string): Promise<openpgp.PrivateKey> {
  let key: openpgp.PrivateKey
  try {
    key = await openpgp.readPrivateKey({ armoredKey: privateKeyArmored })
  } catch {
    throw new KeyImportError('not-private-key', 'not an armored OpenPGP private key')
  }
  if (key.isDecrypted()) return key
  if (passphrase === undefined) throw new KeyImportError('wrong-passphrase', 'the private key is protected and no passphrase was given')
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase })
  } catch {
    throw new KeyImportError('wrong-passphrase', 'the private key passphrase is wrong')
  }
}

async function assertUsable(key: openpgp.Key, now: Date): Promise<void> {
  if (await key.isRevoked(undefined, undefined, now)) throw new KeyImportError('revoked', 'the key is revoked')
  try {
    await key.verifyPrimaryKey(now)
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err)
    if (/expired/i.test(msg)) throw new KeyImportError('expired', 'the key has expired')
    if (/revoked/i.test(msg)) throw new KeyImportError('revoked', 'the key is revoked')
    throw new KeyImportError('invalid', 'the key has no valid self-signature')
  }
  try {
    await key.getEncryptionKey(undefined, now)
  } catch {
    throw new KeyImportError('no-encryption-key', 'the key has no valid encryption subkey')
  }
}

/** Uppercase hex fingerprint, the form people compare by eye. */
export function fingerprintOf(key: openpgp.Key): string {
  return key.getFingerprint().toUpperCase()
}

/** Lowercase e-mail addresses named in the key's user IDs (`Name <addr>` or a bare address). */
export function keyEmails(key: openpgp.Key): string[] {
  const out = new Set<string>()
  for (const uid of key.getUserIDs()) {
    const m = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(uid) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(uid)
    const addr = normalizeAddress(m?.[1])
    if (addr) out.add(addr)
  }
  return [...out]
}
