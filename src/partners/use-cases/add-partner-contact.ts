import { cipherFor, type Deps } from '../../deps.js'
import { maxContacts, type Partner } from '../../domain/partner/partner.js'
import { fail, type Result } from '../../domain/result.js'
import { findPartner } from '../../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { type ContactInput, changePartner, contactOf, type PartnerError } from '../partner-input.js'

/** Adds a contact (address, optional OpenPGP key) to a partner. */
export async function addPartnerContact(
  deps: Deps,
  org: OrganizationRow,
  partnerId: string,
  input: ContactInput,
  actorId: string,
): Promise<Result<Partner, PartnerError>> {
  const before = await findPartner(deps.db, cipherFor(deps, org), org.id, partnerId)
  if (!before) return fail({ code: 'NOT_FOUND' })
  const contact = await contactOf(deps, input)
  if (!contact.ok) return contact
  if (before.contacts.length >= maxContacts) return fail({ code: 'PARTNER_INVALID', fields: { contacts: 'too-many' } })
  const contacts = [...before.contacts.filter((c) => c.address !== contact.value.address), contact.value]
  return changePartner(deps, org, { ...before, contacts }, actorId)
}
