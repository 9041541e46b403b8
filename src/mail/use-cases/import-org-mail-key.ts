/** See generate-org-mail-key.ts for how the organization's private key and passphrase are kept. */
import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { fingerprintOf, KeyImportError, unlockPrivateKey } from '../../openpgp/keys.js'
import { findOrgMail, saveOrgKey } from '../../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import type { MailSettingsError } from '../mail-settings-error.js'

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
  // Administrative settings write no event: the log records changes to reports and to who may act.
  await runUnit(deps, org, (u) =>
    saveOrgKey(u.tx, u.cipher, org.id, { privateKeyArmored: armored, passphrase, publicKey: key.toPublic().armor(), fingerprint }, u.at),
  )
  deps.log.info({ orgId: org.id, fingerprint, event: 'mail.key-imported' }, 'organization key imported')
  return ok({ fingerprint })
}
