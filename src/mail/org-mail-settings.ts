/**
 * An organization's mail settings and OpenPGP key, as the admin mail page and the CLI change them.
 *
 * Passphrase choice: the org private key is stored passphrase-protected AND sealed by the
 * organization's cipher. The passphrase is random (256 bits) when we generate the key, or the one
 * given on import; it is stored sealed by the same cipher, so the server can decrypt mail
 * unattended. The protection at rest is the cipher (master key outside the database); the
 * passphrase keeps the exported armored key safe on its own.
 */
import crypto from 'node:crypto'
import { cipherFor, type Deps } from '../deps.js'
import { fail, ok, type Result } from '../domain/result.js'
import { fingerprintOf, generateOrgKey, KeyImportError, unlockPrivateKey } from '../openpgp/keys.js'
import { findOrgMail, findSecurityAddressOwner, saveOrgKey, saveOrgMailAddress } from '../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { normalizeAddress } from './sanitize.js'

export type MailSettingsError = { field: 'address'; problem: 'invalid-email' | 'taken' } | { field: 'key'; problem: string }

export async function setSecurityAddress(
  deps: Deps,
  org: OrganizationRow,
  input: { address: string; encryptionRequired: boolean },
): Promise<Result<void, MailSettingsError>> {
  const address = normalizeAddress(input.address.trim())
  if (!address || !/^[a-z0-9.!#$%&'*/=?^_`{|}~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(address)) {
    return fail({ field: 'address', problem: 'invalid-email' })
  }
  const owner = await findSecurityAddressOwner(deps.db, address)
  if (owner && owner.org_id !== org.id) return fail({ field: 'address', problem: 'taken' })
  await saveOrgMailAddress(
    deps.db,
    org.id,
    { securityAddress: address, encryptionRequired: input.encryptionRequired },
    deps.now().toISOString(),
  )
  deps.log.info({ orgId: org.id, event: 'mail.settings-changed' }, 'mail settings changed')
  return ok(undefined)
}

/** A new Curve25519 key pair for the organization; the previous key is replaced. */
export async function generateOrgMailKey(deps: Deps, org: OrganizationRow): Promise<Result<{ fingerprint: string }, MailSettingsError>> {
  const settings = await findOrgMail(deps.db, org.id)
  if (!settings) return fail({ field: 'key', problem: 'no-address' })
  const passphrase = crypto.randomBytes(32).toString('base64url')
  const pair = await generateOrgKey({ orgName: org.name, securityAddress: settings.securityAddress, passphrase })
  await saveOrgKey(
    deps.db,
    cipherFor(deps, org),
    org.id,
    { privateKeyArmored: pair.privateKeyArmored, passphrase, publicKey: pair.publicKeyArmored, fingerprint: pair.fingerprint },
    deps.now().toISOString(),
  )
  deps.log.info({ orgId: org.id, fingerprint: pair.fingerprint, event: 'mail.key-generated' }, 'organization key generated')
  return ok({ fingerprint: pair.fingerprint })
}

/** An existing private key (e.g. the one security.txt already names), checked by unlocking it. */
export async function importOrgMailKey(
  deps: Deps,
  org: OrganizationRow,
  armored: string,
  passphrase: string,
): Promise<Result<{ fingerprint: string }, MailSettingsError>> {
  const settings = await findOrgMail(deps.db, org.id)
  if (!settings) return fail({ field: 'key', problem: 'no-address' })
  let key: Awaited<ReturnType<typeof unlockPrivateKey>>
  try {
    key = await unlockPrivateKey(armored, passphrase)
    if ((await key.getDecryptionKeys()).length === 0) throw new KeyImportError('no-encryption-key', 'no decryption key')
  } catch (error) {
    return fail({ field: 'key', problem: error instanceof KeyImportError ? error.problem : 'unreadable' })
  }
  const fingerprint = fingerprintOf(key)
  await saveOrgKey(
    deps.db,
    cipherFor(deps, org),
    org.id,
    { privateKeyArmored: armored, passphrase, publicKey: key.toPublic().armor(), fingerprint },
    deps.now().toISOString(),
  )
  deps.log.info({ orgId: org.id, fingerprint, event: 'mail.key-imported' }, 'organization key imported')
  return ok({ fingerprint })
}
