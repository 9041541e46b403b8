/**
 * OpenPGP for inbound mail: decrypt with the organization's keys and judge signatures.
 *
 * The rule that matters (SECURITY-ANCHORS B-6, class 14): a signature is shown as `verified` only
 * when it checks out against a key we already trusted for that sender AND that key's user IDs name
 * the mail's From address. A key attached to the mail itself proves nothing (anyone can make a key
 * with any user ID), so it can only tell a broken signature (`bad`) from an unknown one
 * (`unverified`). openpgp ≥ 6.1.1 is required (GHSA-8qff-qr5q-5pr8 message-signature spoofing).
 */
import * as openpgp from 'openpgp'
import { keyEmails } from '../openpgp/keys.js'

/** openpgp's per-signature result (its interface is not exported by name). */
export type VerificationResult = openpgp.DecryptMessageResult['signatures'][number]

export type SignatureStatus = 'verified' | 'unverified' | 'bad' | 'none'

/** Keys to check signatures with, split by how much they are worth. */
export interface VerificationKeys {
  /** Keys the organization already associated with this sender (from its own records). */
  trusted: openpgp.PublicKey[]
  /** Keys that arrived with the mail: they can only detect tampering, never vouch. */
  untrusted: openpgp.PublicKey[]
}

export type DecryptOutcome = { ok: true; data: Uint8Array; signatures: VerificationResult[] } | { ok: false; reason: string }

/** Read every armored key, ignoring the unreadable ones (they come from storage or a stranger). */
export async function readPublicKeys(armored: readonly string[]): Promise<openpgp.PublicKey[]> {
  const keys: openpgp.PublicKey[] = []
  for (const a of armored) {
    try {
      for (const k of await openpgp.readKeys({ armoredKeys: a })) keys.push(k.isPrivate() ? k.toPublic() : (k as openpgp.PublicKey))
    } catch {
      // an unreadable stored key must not make the mail unreadable
    }
  }
  return keys
}

/**
 * Decrypt an armored OpenPGP message with the org keys. Refuses early, with a reason a person can
 * act on, when the message is not addressed to any org key; caps the plaintext (compression bombs).
 */
export async function decryptArmored(
  armored: string,
  orgKeys: readonly openpgp.PrivateKey[],
  keys: VerificationKeys,
  maxPlaintextBytes: number,
): Promise<DecryptOutcome> {
  let message: openpgp.Message<string>
  try {
    message = await openpgp.readMessage({ armoredMessage: armored })
  } catch (err) {
    return { ok: false, reason: `unreadable OpenPGP message (${errorText(err)})` }
  }
  const recipients = message.getEncryptionKeyIDs()
  const ours = recipients.some((id) => /^0+$/.test(id.toHex()) || orgKeys.some((k) => k.getKeys(id).length > 0))
  if (!ours) {
    const ids = recipients.map((id) => id.toHex().toUpperCase()).join(', ') || 'none'
    return { ok: false, reason: `not encrypted to an organization key (recipient key IDs: ${ids})` }
  }
  try {
    const result = await openpgp.decrypt({
      message,
      decryptionKeys: [...orgKeys],
      verificationKeys: [...keys.trusted, ...keys.untrusted],
      format: 'binary',
      config: { maxDecompressedMessageSize: maxPlaintextBytes },
    })
    if (result.data.length > maxPlaintextBytes) return { ok: false, reason: 'decrypted content exceeds the size limit' }
    return { ok: true, data: result.data, signatures: result.signatures }
  } catch (err) {
    return { ok: false, reason: `decryption failed (${errorText(err)})` }
  }
}

/** Check an RFC 3156 detached signature over the (already CRLF-canonical) signed part bytes. */
export async function verifyDetached(
  signedBytes: Uint8Array,
  armoredSignature: string,
  keys: VerificationKeys,
): Promise<VerificationResult[] | { error: string }> {
  try {
    const signature = await openpgp.readSignature({ armoredSignature })
    const message = await openpgp.createMessage({ binary: signedBytes })
    const { signatures } = await openpgp.verify({
      message,
      signature,
      verificationKeys: [...keys.trusted, ...keys.untrusted],
      format: 'binary',
    })
    return signatures
  } catch (err) {
    return { error: errorText(err) }
  }
}

/** Verify an inline cleartext-signed block; returns the signed text (only that is covered). */
export async function verifyCleartext(
  armored: string,
  keys: VerificationKeys,
): Promise<{ text: string; signatures: VerificationResult[] } | { error: string }> {
  try {
    const message = await openpgp.readCleartextMessage({ cleartextMessage: armored })
    const { data, signatures } = await openpgp.verify({ message, verificationKeys: [...keys.trusted, ...keys.untrusted] })
    return { text: data, signatures }
  } catch (err) {
    return { error: errorText(err) }
  }
}

/**
 * One status for all signatures: any broken signature makes the whole `bad`; otherwise `verified`
 * needs a good signature by a trusted key bound to `fromAddress`; anything else signed is
 * `unverified`. `fromAddress` null (absent or ambiguous From) can never be verified.
 */
export async function judgeSignatures(
  results: readonly VerificationResult[],
  keys: VerificationKeys,
  fromAddress: string | null,
): Promise<SignatureStatus> {
  if (results.length === 0) return 'none'
  let verified = false
  for (const r of results) {
    try {
      await r.verified
    } catch (err) {
      if (/could not find signing key/i.test(errorText(err))) continue
      return 'bad'
    }
    const trusted = keys.trusted.filter((k) => k.getKeys(r.keyID).length > 0)
    const untrusted = keys.untrusted.filter((k) => k.getKeys(r.keyID).length > 0)
    // A key-ID collision between a trusted key and a key the mail brought along is an attack.
    if (trusted.length === 1 && untrusted.every((u) => u.getFingerprint() === trusted[0]!.getFingerprint())) {
      if (fromAddress && keyEmails(trusted[0]!).includes(fromAddress)) verified = true
    }
  }
  return verified ? 'verified' : 'unverified'
}

/** Error text without stack, for reasons and warnings (never includes message content). */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return text.replace(/[\r\n]+/g, ' ').slice(0, 300)
}
