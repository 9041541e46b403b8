import { cipherFor, type Deps } from '../../deps.js'
import type { Partner } from '../../domain/partner/partner.js'
import { fail, type Result } from '../../domain/result.js'
import { findPartner } from '../../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changePartner, type PartnerError } from '../partner-input.js'

/** Removes one contact (by position); a partner keeps at least one. */
export async function removePartnerContact(
  deps: Deps,
  org: OrganizationRow,
  partnerId: string,
  index: number,
  actorId: string,
): Promise<Result<Partner, PartnerError>> {
  const before = await findPartner(deps.db, cipherFor(deps, org), org.id, partnerId)
  if (!before?.contacts[index]) return fail({ code: 'NOT_FOUND' })
  if (before.contacts.length === 1) return fail({ code: 'PARTNER_INVALID', fields: { contacts: 'required' } })
  return changePartner(deps, org, { ...before, contacts: before.contacts.filter((_, i) => i !== index) }, actorId)
}
