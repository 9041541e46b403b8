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
import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { generateOrgKey } from '../../openpgp/keys.js'
import { findOrgMail, saveOrgKey } from '../../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import type { MailSettingsError } from '../mail-settings-error.js'

/** A new Curve25519 key pair for the organization; the previous key is replaced. */
export async function generateOrgMailKey(deps: Deps, org: OrganizationRow): Promise<Result<{ fingerprint: string }, MailSettingsError>> {
  const settings = await findOrgMail(deps.db, org.id)
  if (!settings) return fail({ field: 'key', problem: 'no-address' })
  const passphrase = crypto.randomBytes(32).toString('base64url')
  const pair = await generateOrgKey({ orgName: org.name, securityAddress: settings.securityAddress, passphrase })
  // Administrative settings write no event: the log records changes to reports and to who may act.
  await runUnit(deps, org, (u) =>
    saveOrgKey(
      u.tx,
      u.cipher,
      org.id,
      { privateKeyArmored: pair.privateKeyArmored, passphrase, publicKey: pair.publicKeyArmored, fingerprint: pair.fingerprint },
      u.at,
    ),
  )
  deps.log.info({ orgId: org.id, fingerprint: pair.fingerprint, event: 'mail.key-generated' }, 'organization key generated')
  return ok({ fingerprint: pair.fingerprint })
}
