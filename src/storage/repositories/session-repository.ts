import type { Insertable } from 'kysely'
import type { Executor } from '../db.js'
import type { SessionTable } from '../schema.js'

export async function insertSession(db: Executor, s: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('session').values(s).execute()
}

/** A live session with its user, or nothing: expired sessions and disabled users never authenticate. */
export const findLiveSession = (db: Executor, id: string, now: string) =>
  db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .select([
      'session.id',
      'session.user_id',
      'session.last_seen_at',
      'session.expires_at',
      'session.mfa_verified_at',
      'session.sso_org_id',
      'session.sso_mfa',
      'user.name',
      'user.email',
    ])
    .where('session.id', '=', id)
    .where('session.expires_at', '>', now)
    .where('user.disabled_at', 'is', null)
    .executeTakeFirst()

export async function touchSession(db: Executor, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute()
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute()
}

/** Ends every session of a user (ASVS v5.0.0-7.4.2: disabling an account kills its sessions); how many ended. */
export async function deleteSessionsOfUser(db: Executor, userId: string, keep?: string): Promise<number> {
  let query = db.deleteFrom('session').where('user_id', '=', userId)
  if (keep) query = query.where('id', '!=', keep)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Ends one session, only if it is this user's; whether it was. */
export async function deleteSessionOfUser(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('session').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** A person's own live sessions, newest first, for /account/sessions. */
export const listSessionsOfUser = (db: Executor, userId: string, now: string) =>
  db
    .selectFrom('session')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'client_address'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute()
/** The session passed its second factor (at sign-in, or by enrolling one). */
export async function markSessionMfaVerified(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('session').set({ mfa_verified_at: at }).where('id', '=', id).execute()
}

/** Ends every other session of a user (after a factor was removed). */
export async function deleteOtherSessionsOfUser(db: Executor, userId: string, keep: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keep).execute()
}

/** The session no longer counts as verified by a second factor (its person removed their last one). */
export async function clearSessionMfaVerified(db: Executor, id: string): Promise<void> {
  await db.updateTable('session').set({ mfa_verified_at: null }).where('id', '=', id).execute()
}
