/**
 * One unlocked keyring per organization, reused across mails: unlocking the org key costs ~100 ms
 * of S2K hashing, which must not be paid per mail. Replaced when the organization's key changes.
 */
import type { OrgCipher } from '../storage/cipher.js'
import type { Executor } from '../storage/db.js'
import { findOrgMailSecret } from '../storage/repositories/mail-repository.js'
import { OrgKeyring } from './parse-inbound.js'

const cache = new Map<string, { fingerprint: string | null; ring: OrgKeyring }>()

export async function orgKeyring(db: Executor, cipher: OrgCipher, orgId: string, fingerprint: string | null): Promise<OrgKeyring> {
  const hit = cache.get(orgId)
  if (hit && hit.fingerprint === fingerprint) return hit.ring
  const secret = fingerprint === null ? undefined : await findOrgMailSecret(db, cipher, orgId)
  const ring = new OrgKeyring(secret ? [{ privateKeyArmored: secret.privateKeyArmored, passphrase: secret.passphrase }] : [])
  cache.set(orgId, { fingerprint, ring })
  return ring
}
