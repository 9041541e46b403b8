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
 * Uses up the setup token and runs `firstRun` (creating the first organization and administrator)
 * in the same transaction. Answers undefined, with nothing written, when the token was already
 * used or someone else set the instance up first.
 */
export async function useSetupToken<T>(db: Db, tokenHash: string, firstRun: (tx: Tx) => Promise<T>): Promise<T | undefined> {
  try {
    return await db.transaction().execute(async (tx) => {
      const used = await tx.deleteFrom('setup_token').where('token_hash', '=', tokenHash).executeTakeFirst()
      if (Number(used.numDeletedRows) !== 1 || (await countUsers(tx)) > 0) throw new SetupAlreadyDone()
      return firstRun(tx)
    })
  } catch (error) {
    if (error instanceof SetupAlreadyDone) return undefined
    throw error
  }
}

class SetupAlreadyDone extends Error {}
