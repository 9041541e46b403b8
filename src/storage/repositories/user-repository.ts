import type { Executor } from '../db.js'
import type { Role, UserRow } from '../schema.js'

export interface NewUser {
  id: string
  email: string
  name: string
  passwordHash: string
  createdAt: string
}

export async function insertUser(db: Executor, u: NewUser): Promise<void> {
  await db
    .insertInto('user')
    .values({ id: u.id, email: u.email, name: u.name, password_hash: u.passwordHash, created_at: u.createdAt, disabled_at: null })
    .execute()
}

export const findUserByEmail = (db: Executor, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst()

export const findUserById = (db: Executor, id: string): Promise<UserRow | undefined> =>
  db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst()

export const countUsers = async (db: Executor): Promise<number> => {
  const row = await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertMembership(db: Executor, m: { orgId: string; userId: string; role: Role; createdAt: string }): Promise<void> {
  await db.insertInto('membership').values({ org_id: m.orgId, user_id: m.userId, role: m.role, created_at: m.createdAt }).execute()
}

export const findMembership = (db: Executor, orgId: string, userId: string): Promise<{ role: Role } | undefined> =>
  db.selectFrom('membership').select('role').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst()

export interface Member {
  userId: string
  name: string
  email: string
  role: Role
  disabled: boolean
}

export async function listMembers(db: Executor, orgId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id', 'user.name', 'user.email', 'membership.role', 'user.disabled_at'])
    .where('membership.org_id', '=', orgId)
    .orderBy('user.name')
    .execute()
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, disabled: r.disabled_at !== null }))
}

/** Organizations a user belongs to, for the landing page after sign-in. */
export const listMembershipsOfUser = (db: Executor, userId: string) =>
  db
    .selectFrom('membership')
    .innerJoin('organization', 'organization.id', 'membership.org_id')
    .select(['organization.slug', 'organization.name', 'membership.role'])
    .where('membership.user_id', '=', userId)
    .orderBy('organization.name')
    .execute()

/** Addresses of the organization's active administrators and responders, for reminders and escalations. */
export async function listTeamAddresses(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select('user.email')
    .where('membership.org_id', '=', orgId)
    .where('membership.role', 'in', ['admin', 'responder'])
    .where('user.disabled_at', 'is', null)
    .orderBy('user.email')
    .execute()
  return rows.map((r) => r.email)
}

/** A person's address, unless their account is disabled. */
export async function findActiveUserEmail(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('user').select(['email', 'disabled_at']).where('id', '=', userId).executeTakeFirst()
  return row && row.disabled_at === null ? row.email : undefined
}

/** The organizations a person belongs to, with what a unit of work of each needs. */
export const listOrganizationsOfUser = (db: Executor, userId: string) =>
  db
    .selectFrom('membership')
    .innerJoin('organization', 'organization.id', 'membership.org_id')
    .select(['organization.id', 'organization.slug', 'organization.name', 'organization.data_key_wrapped', 'membership.role'])
    .where('membership.user_id', '=', userId)
    .orderBy('membership.created_at')
    .execute()

export async function updateMembershipRole(db: Executor, orgId: string, userId: string, role: Role): Promise<void> {
  await db.updateTable('membership').set({ role }).where('org_id', '=', orgId).where('user_id', '=', userId).execute()
}

export async function deleteMembership(db: Executor, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom('membership').where('org_id', '=', orgId).where('user_id', '=', userId).execute()
}

/** Administrators of the organization whose accounts are not disabled. */
export async function countActiveAdmins(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('membership.org_id', '=', orgId)
    .where('membership.role', '=', 'admin')
    .where('user.disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function setUserDisabled(db: Executor, userId: string, disabledAt: string | null): Promise<void> {
  await db.updateTable('user').set({ disabled_at: disabledAt }).where('id', '=', userId).execute()
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('user').set({ password_hash: passwordHash }).where('id', '=', userId).execute()
}
