import { checkNewPassword, hashPassword } from '../auth/index.js'
import type { Deps } from '../deps.js'
import { looksLikeEmail, nameProblem, normalizeEmail } from '../domain/organization.js'
import { fail, ok, type Result } from '../domain/result.js'
import type { Tx } from '../storage/db.js'
import { newId } from '../storage/ids.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { findMembership, findUserByEmail, insertMembership, insertUser } from '../storage/repositories/user-repository.js'
import type { Role } from '../storage/schema.js'

export const roles: readonly Role[] = ['admin', 'responder', 'viewer']

export interface NewMember {
  email: string
  name: string
  /** Needed when the person has no account yet; ignored when they do. */
  password: string
  role: Role
}

export type MemberErrors = Partial<Record<'email' | 'name' | 'password' | 'role', string>>

/** Checks the fields of a new member before any hashing or writing happens. */
export async function checkNewMember(deps: Deps, orgId: string | null, m: NewMember): Promise<MemberErrors> {
  const errors: MemberErrors = {}
  const email = normalizeEmail(m.email)
  if (!looksLikeEmail(email)) errors.email = 'invalid-email'
  if (!roles.includes(m.role)) errors.role = 'invalid-choice'
  const existing = errors.email ? undefined : await findUserByEmail(deps.db, email)
  if (existing) {
    if (orgId && (await findMembership(deps.db, orgId, existing.id))) errors.email = 'already-member'
  } else {
    const name = nameProblem(m.name)
    if (name) errors.name = name
    const password = checkNewPassword(m.password)
    if (password) errors.password = password
  }
  return errors
}

/**
 * Adds a person to an organization, creating their account when the address is new, inside the
 * caller's transaction, with a `member.added` event in the organization's audit log.
 */
export async function insertMember(deps: Deps, tx: Tx, orgId: string, m: NewMember, actorId: string | null): Promise<string> {
  const email = normalizeEmail(m.email)
  const at = deps.now().toISOString()
  let user = await findUserByEmail(tx, email)
  let userId = user?.id
  if (!userId) {
    userId = newId()
    await insertUser(tx, { id: userId, email, name: m.name.trim(), passwordHash: await hashPassword(m.password), createdAt: at })
    user = await findUserByEmail(tx, email)
  }
  await insertMembership(tx, { orgId, userId, role: m.role, createdAt: at })
  await appendEvents(tx, orgId, [
    { reportId: null, actorKind: actorId ? 'user' : 'system', actorId, type: 'member.added', data: { userId, role: m.role }, at },
  ])
  return userId
}

/** `embargo user add` and the members page: one checked, audited addition. */
export async function addMember(deps: Deps, orgId: string, m: NewMember, actorId: string | null): Promise<Result<string, MemberErrors>> {
  const errors = await checkNewMember(deps, orgId, m)
  if (Object.keys(errors).length > 0) return fail(errors)
  return ok(await deps.db.transaction().execute((tx) => insertMember(deps, tx, orgId, m, actorId)))
}
