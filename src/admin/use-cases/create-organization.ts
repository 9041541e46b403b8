import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findOrganizationBySlug } from '../../storage/repositories/organization-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { checkNewOrganization, foundOrganization, type OrganizationErrors } from '../new-organization.js'

/** `embargo org create`: a new organization, refused with reasons when the slug or name is not usable. */
export async function createOrganization(
  deps: Deps,
  input: { slug: string; name: string },
): Promise<Result<OrganizationRow, OrganizationErrors>> {
  const errors = await checkNewOrganization(deps, input)
  if (Object.keys(errors).length > 0) return fail(errors)
  await foundOrganization(deps, input, null, async () => undefined)
  const org = await findOrganizationBySlug(deps.db, input.slug)
  if (!org) throw new Error('organization vanished after creation')
  return ok(org)
}
