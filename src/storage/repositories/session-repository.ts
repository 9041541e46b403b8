import type { Executor } from '../db.js'
import type { SessionTable } from '../schema.js'

export async function insertSession(db: Executor, s: SessionTable): Promise<void> {
  await db.insertInto('session').values(s).execute()
}

/** A live session with its user, or nothing: expired sessions and disabled users never authenticate. */
export const findLiveSession = (db: Executor, id: string, now: string) =>
  db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .select(['session.id', 'session.user_id', 'session.last_seen_at', 'session.expires_at', 'user.name', 'user.email'])
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

/** Ends every session of a user (ASVS v5.0.0-7.4.2: disabling an account kills its sessions). */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute()
}
