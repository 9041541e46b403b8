import type { Db, Tx } from '../db.js'
import { countUsers } from './user-repository.js'

/**
 * The one-time setup token of an instance with no user yet. Instance-level rows (no
 * organization): each function runs its own statement or transaction.
 */

/** Stores a fresh setup token; every older one stops working. */
export async function replaceSetupToken(db: Db, t: { tokenHash: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('setup_token').execute()
    await tx.insertInto('setup_token').values({ token_hash: t.tokenHash, created_at: t.createdAt, expires_at: t.expiresAt }).execute()
  })
}

/** True when a token with this hash exists and has not expired at `now`. */
export async function setupTokenCurrent(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('setup_token')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Uses up the setup token inside the caller's unit of work (the one that founds the first
 * organization and its administrator). False, with nothing to commit, when the token was already
 * used or someone set the instance up first: the caller then refuses and the unit rolls back.
 */
export async function useSetupToken(tx: Tx, tokenHash: string): Promise<boolean> {
  const used = await tx.deleteFrom('setup_token').where('token_hash', '=', tokenHash).executeTakeFirst()
  return Number(used.numDeletedRows) === 1 && (await countUsers(tx)) === 0
}
