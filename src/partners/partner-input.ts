/** What the partner use cases share: the refusal, a contact read from the form (its key checked), and the one write of a changed partner. */
import type { Deps } from '../deps.js'
import { newEvent } from '../domain/events.js'
import { checkContact, type Partner, type PartnerContact, type PartnerField, type PartnerProblem } from '../domain/partner/partner.js'
import { fail, ok, type Result } from '../domain/result.js'
import { importPublicKey } from '../openpgp/keys.js'
import { updatePartner } from '../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { runUnit } from '../storage/unit-of-work.js'

export type PartnerError = { code: 'NOT_FOUND' } | { code: 'PARTNER_INVALID'; fields: Partial<Record<PartnerField, PartnerProblem>> }

export interface ContactInput {
  address: string
  publicKey: string
}

export interface ContactInput {
  address: string
  publicKey: string
}

/** A contact as entered: the address checked, the key (if pasted) a usable OpenPGP public key, stored armored as read. */
export async function contactOf(deps: Deps, input: ContactInput): Promise<Result<PartnerContact, PartnerError>> {
  const armored = input.publicKey.trim()
  let key: string | undefined
  if (armored !== '')
    key = await importPublicKey(armored, deps.now()).then(
      (k) => k.armored,
      () => undefined,
    )
  const address = checkContact(input.address, armored !== '', key !== undefined)
  if (!address.ok) return address
  return ok({ address: address.value, ...(key ? { publicKey: key } : {}) })
}

/** Writes a changed partner and records `partner.changed`. */
export async function changePartner(
  deps: Deps,
  org: OrganizationRow,
  partner: Partner,
  actorId: string,
): Promise<Result<Partner, PartnerError>> {
  return runUnit(deps, org, async (u) => {
    if (!(await updatePartner(u.tx, u.cipher, org.id, partner, u.at))) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('partner.changed', { kind: 'user', id: actorId }, u.at, null, { partnerId: partner.id }))
    return ok(partner)
  })
}
