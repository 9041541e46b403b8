import { checkNewPassword, hashPassword } from '../auth/index.js'
import type { Deps } from '../deps.js'
import { type EventActor, newEvent } from '../domain/events.js'
import { looksLikeEmail, nameProblem, normalizeEmail } from '../domain/organization.js'
import { newId } from '../storage/ids.js'
import { findMembership, findUserByEmail, insertMembership, insertUser } from '../storage/repositories/user-repository.js'
import type { Role } from '../storage/schema.js'
import type { Unit } from '../storage/unit-of-work.js'

export const roles: readonly Role[] = ['admin', 'responder', 'viewer']

export interface NewMember {
  email: string
  name: string
  /** Needed when the person has no account yet; ignored when they do. */
  password: string
  role: Role
}

export type MemberErrors = Partial<Record<'email' | 'name' | 'password' | 'role', string>>

export const actorOf = (actorId: string | null): EventActor => (actorId ? { kind: 'user', id: actorId } : { kind: 'system' })

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
 * Adds a person to the unit's organization, creating their account when the address is new,
 * with a `member.added` event in the organization's audit log. Returns the person's user id.
 */
export async function enrolMember(u: Unit, m: NewMember, actorId: string | null): Promise<string> {
  const email = normalizeEmail(m.email)
  let userId = (await findUserByEmail(u.tx, email))?.id
  if (!userId) {
    userId = newId()
    await insertUser(u.tx, { id: userId, email, name: m.name.trim(), passwordHash: await hashPassword(m.password), createdAt: u.at })
  }
  await insertMembership(u.tx, { orgId: u.orgId, userId, role: m.role, createdAt: u.at })
  u.record(newEvent('member.added', actorOf(actorId), u.at, null, { userId, role: m.role }))
  return userId
}
