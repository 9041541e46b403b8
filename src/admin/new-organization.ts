import type { Deps } from '../deps.js'
import { newEvent } from '../domain/events.js'
import { nameProblem, slugProblem } from '../domain/organization.js'
import { referencePrefix } from '../domain/report/submission.js'
import { newId } from '../storage/ids.js'
import { findOrganizationBySlug, insertOrganization } from '../storage/repositories/organization-repository.js'
import { runUnit, type Unit } from '../storage/unit-of-work.js'
import { actorOf } from './new-member.js'

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

/**
 * A unit of work that founds an organization: the organization's row, with its own new data key,
 * is written first inside the unit, its `organization.created` event recorded, and then `more`
 * runs as a change of that organization (the first administrator at setup), all in one commit.
 */
export async function foundOrganization<T>(
  deps: Deps,
  input: { slug: string; name: string },
  actorId: string | null,
  more: (u: Unit) => Promise<T>,
): Promise<T> {
  const id = newId()
  const org = { id, data_key_wrapped: deps.keyring.newWrappedDataKey(id) }
  return runUnit(deps, org, async (u) => {
    await insertOrganization(u.tx, {
      id,
      slug: input.slug,
      name: input.name,
      refPrefix: referencePrefix(input.slug),
      dataKeyWrapped: org.data_key_wrapped,
      createdAt: u.at,
    })
    u.record(newEvent('organization.created', actorOf(actorId), u.at, null, { slug: input.slug }))
    return more(u)
  })
}
