import { cipherFor, type Deps } from '../../deps.js'
import { checkPartnerInput, type Partner, type PartnerInput } from '../../domain/partner/partner.js'
import { fail, type Result } from '../../domain/result.js'
import { findPartner } from '../../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changePartner, type PartnerError } from '../partner-input.js'

/** Changes a partner's settings (name, kind, longest embargo, exclusions); its contacts stay. */
export async function editPartner(
  deps: Deps,
  org: OrganizationRow,
  partnerId: string,
  input: PartnerInput,
  actorId: string,
): Promise<Result<Partner, PartnerError>> {
  const before = await findPartner(deps.db, cipherFor(deps, org), org.id, partnerId)
  if (!before) return fail({ code: 'NOT_FOUND' })
  const settings = checkPartnerInput(input)
  if (!settings.ok) return settings
  const { maxEmbargo: _old, ...kept } = before
  return changePartner(deps, org, { ...kept, ...settings.value }, actorId)
}
