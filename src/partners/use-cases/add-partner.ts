import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { checkPartnerInput, type Partner, type PartnerInput } from '../../domain/partner/partner.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { insertPartner } from '../../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { type ContactInput, contactOf, type PartnerError } from '../partner-input.js'

/** An administrator adds a partner with its first contact (issue 12, item 1). */
export async function addPartner(
  deps: Deps,
  org: OrganizationRow,
  input: PartnerInput & ContactInput,
  actorId: string,
): Promise<Result<Partner, PartnerError>> {
  const settings = checkPartnerInput(input)
  const contact = await contactOf(deps, input)
  if (!settings.ok || !contact.ok) {
    const fields = {
      ...(settings.ok ? {} : settings.error.fields),
      ...(contact.ok || contact.error.code !== 'PARTNER_INVALID' ? {} : contact.error.fields),
    }
    return fail({ code: 'PARTNER_INVALID', fields })
  }
  const partner: Partner = { id: newId(), ...settings.value, contacts: [contact.value] }
  return runUnit(deps, org, async (u) => {
    await insertPartner(u.tx, u.cipher, org.id, partner, u.at)
    u.record(newEvent('partner.added', { kind: 'user', id: actorId }, u.at, null, { partnerId: partner.id, kind: partner.kind }))
    return ok(partner)
  })
}
