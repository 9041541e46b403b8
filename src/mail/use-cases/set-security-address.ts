/** The organization's security address, where reporters write and Embargo reads. */
import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { normalizeAddress } from '../../domain/text-hygiene.js'
import { findSecurityAddressOwner, saveOrgMailAddress } from '../../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import type { MailSettingsError } from '../mail-settings-error.js'

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
  await runUnit(deps, org, (u) =>
    saveOrgMailAddress(u.tx, org.id, { securityAddress: address, encryptionRequired: input.encryptionRequired }, u.at),
  )
  deps.log.info({ orgId: org.id, event: 'mail.settings-changed' }, 'mail settings changed')
  return ok(undefined)
}
