import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { checkNewMember, enrolMember, type MemberErrors, type NewMember } from '../new-member.js'

/** `embargo user add` and the members page: one checked, audited addition. */
export async function addMember(deps: Deps, orgId: string, m: NewMember, actorId: string | null): Promise<Result<string, MemberErrors>> {
  const errors = await checkNewMember(deps, orgId, m)
  if (Object.keys(errors).length > 0) return fail(errors)
  const org = await findOrganizationById(deps.db, orgId)
  if (!org) throw new Error('unknown organization')
  return ok(await runUnit(deps, org, (u) => enrolMember(u, m, actorId)))
}
