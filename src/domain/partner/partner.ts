/**
 * A partner of an organization (issue 12, item 1): someone told of an advisory before it is
 * public — a distribution, a downstream vendor, a CERT, a customer. Pure: the checks of what an
 * administrator enters. Keys are checked by the caller (reading OpenPGP is I/O-free but not
 * domain-pure: it lives in src/openpgp), which passes the outcome in.
 */
import { normalizeAddress } from '../email-address.js'
import { parseDuration } from '../policy/durations.js'
import { countsBack } from '../policy/release-windows.js'
import { fail, ok, type Result } from '../result.js'

export const partnerKinds = ['distribution', 'downstream-vendor', 'cert', 'customer'] as const
export type PartnerKind = (typeof partnerKinds)[number]

export interface PartnerContact {
  address: string
  /** The contact's armored OpenPGP public key; absent: the contact gets a link, never the text. */
  publicKey?: string
}

export interface Partner {
  id: string
  name: string
  kind: PartnerKind
  /** The longest embargo the partner accepts, in policy words ("7 days", "72 hours"). */
  maxEmbargo?: string
  excludedLabels: string[]
  excludedPrograms: string[]
  contacts: PartnerContact[]
}

export type PartnerField = 'name' | 'kind' | 'maxEmbargo' | 'contacts' | 'address' | 'publicKey'
export type PartnerProblem = 'required' | 'too-long' | 'unknown-kind' | 'bad-duration' | 'bad-address' | 'bad-key' | 'too-many'

export interface PartnerInput {
  name: string
  kind: string
  maxEmbargo: string
  excludedLabels: string
  excludedPrograms: string
}

export const maxContacts = 20

const oneLine = (text: string) => text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').trim()
const listOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,\n]/)
      .map(oneLine)
      .filter((v) => v !== ''),
  ),
]

/** The partner's settings as entered, checked: a name, a kind, an embargo written in days or hours. */
export function checkPartnerInput(
  input: PartnerInput,
): Result<Omit<Partner, 'id' | 'contacts'>, { code: 'PARTNER_INVALID'; fields: Partial<Record<PartnerField, PartnerProblem>> }> {
  const fields: Partial<Record<PartnerField, PartnerProblem>> = {}
  const name = oneLine(input.name)
  if (name === '') fields.name = 'required'
  else if ([...name].length > 200) fields.name = 'too-long'
  if (!(partnerKinds as readonly string[]).includes(input.kind)) fields.kind = 'unknown-kind'
  const embargo = oneLine(input.maxEmbargo)
  if (embargo !== '') {
    const duration = parseDuration(embargo)
    if (!duration || !countsBack(duration) || duration.amount <= 0) fields.maxEmbargo = 'bad-duration'
  }
  const labels = listOf(input.excludedLabels)
  const programs = listOf(input.excludedPrograms)
  if (labels.length > 50 || programs.length > 50) fields.name = fields.name ?? 'too-many'
  if (Object.keys(fields).length > 0) return fail({ code: 'PARTNER_INVALID', fields })
  return ok({
    name,
    kind: input.kind as PartnerKind,
    ...(embargo !== '' ? { maxEmbargo: embargo } : {}),
    excludedLabels: labels,
    excludedPrograms: programs,
  })
}

/** A contact's address checked; `keyOk` is whether the pasted key (if any) was a usable public key. */
export function checkContact(
  address: string,
  keyGiven: boolean,
  keyOk: boolean,
): Result<string, { code: 'PARTNER_INVALID'; fields: Partial<Record<PartnerField, PartnerProblem>> }> {
  const normalized = normalizeAddress(address)
  const fields: Partial<Record<PartnerField, PartnerProblem>> = {}
  if (!normalized || !/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9.-]+$/.test(normalized))
    fields.address = address.trim() ? 'bad-address' : 'required'
  if (keyGiven && !keyOk) fields.publicKey = 'bad-key'
  if (Object.keys(fields).length > 0 || !normalized) return fail({ code: 'PARTNER_INVALID', fields })
  return ok(normalized)
}
