/**
 * Transitional: the first-run setup (src/setup) still writes the first organization and its
 * administrator inside its own transaction. Once setup runs as one unit of work
 * (`foundOrganization(deps, input, null, (u) => enrolMember(u, admin, null))`), delete this file.
 */

import { hashPassword } from '../auth/index.js'
import type { Deps } from '../deps.js'
import { normalizeEmail } from '../domain/organization.js'
import { referencePrefix } from '../domain/report/submission.js'
import type { Tx } from '../storage/db.js'
import { newId } from '../storage/ids.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { insertOrganization } from '../storage/repositories/organization-repository.js'
import { findUserByEmail, insertMembership, insertUser } from '../storage/repositories/user-repository.js'
import type { NewMember } from './new-member.js'

/** @deprecated use `foundOrganization`. */
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

/** @deprecated use `enrolMember` inside a unit of work. */
export async function insertMember(deps: Deps, tx: Tx, orgId: string, m: NewMember, actorId: string | null): Promise<string> {
  const email = normalizeEmail(m.email)
  const at = deps.now().toISOString()
  let userId = (await findUserByEmail(tx, email))?.id
  if (!userId) {
    userId = newId()
    await insertUser(tx, { id: userId, email, name: m.name.trim(), passwordHash: await hashPassword(m.password), createdAt: at })
  }
  await insertMembership(tx, { orgId, userId, role: m.role, createdAt: at })
  await appendEvents(tx, orgId, [
    { reportId: null, actorKind: actorId ? 'user' : 'system', actorId, type: 'member.added', data: { userId, role: m.role }, at },
  ])
  return userId
}
