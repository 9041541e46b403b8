import type { Deps } from '../deps.js'
import { nameProblem, slugProblem } from '../domain/organization.js'
import { referencePrefix } from '../domain/report/submission.js'
import { fail, ok, type Result } from '../domain/result.js'
import type { Tx } from '../storage/db.js'
import { newId } from '../storage/ids.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { findOrganizationBySlug, insertOrganization } from '../storage/repositories/organization-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export type OrganizationErrors = Partial<Record<'slug' | 'name', string>>

/** Checks a new organization's slug and name; the slug must be free. */
export async function checkNewOrganization(deps: Deps, input: { slug: string; name: string }): Promise<OrganizationErrors> {
  const errors: OrganizationErrors = {}
  const slug = slugProblem(input.slug)
  if (slug) errors.slug = slug
  else if (await findOrganizationBySlug(deps.db, input.slug)) errors.slug = 'slug-taken'
  const name = nameProblem(input.name)
  if (name) errors.name = name
  return errors
}

/** Creates an organization with its own data key, inside the caller's transaction. */
export async function insertNewOrganization(deps: Deps, tx: Tx, input: { slug: string; name: string }, actorId: string | null) {
  const id = newId()
  const at = deps.now().toISOString()
  await insertOrganization(tx, {
    id,
    slug: input.slug,
    name: input.name,
    refPrefix: referencePrefix(input.slug),
    dataKeyWrapped: deps.keyring.newWrappedDataKey(id),
    createdAt: at,
  })
  await appendEvents(tx, id, [
    { reportId: null, actorKind: actorId ? 'user' : 'system', actorId, type: 'organization.created', data: { slug: input.slug }, at },
  ])
  return id
}

/** `embargo org create`: a new organization, refused with reasons when the slug or name is not usable. */
export async function createOrganization(
  deps: Deps,
  input: { slug: string; name: string },
): Promise<Result<OrganizationRow, OrganizationErrors>> {
  const errors = await checkNewOrganization(deps, input)
  if (Object.keys(errors).length > 0) return fail(errors)
  await deps.db.transaction().execute((tx) => insertNewOrganization(deps, tx, input, null))
  const org = await findOrganizationBySlug(deps.db, input.slug)
  if (!org) throw new Error('organization vanished after creation')
  return ok(org)
}
