import type { Executor } from '../db.js'

/**
 * The failures the throttles count (src/auth/throttles.ts), shared by every process on the
 * database. Keys are HMACs made by the caller; this file never sees an address or an account.
 */

/** The newest `limit` failure times of a key after `since` (ms since the epoch). */
export async function recentFailures(db: Executor, scope: string, key: string, since: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('throttle_failure')
    .select('at')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('at', '>', new Date(since).toISOString())
    .orderBy('at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => Date.parse(row.at))
}

export async function addFailures(db: Executor, scope: string, keys: readonly string[], at: number): Promise<void> {
  if (keys.length === 0) return
  const iso = new Date(at).toISOString()
  await db
    .insertInto('throttle_failure')
    .values(keys.map((key) => ({ scope, key, at: iso })))
    .execute()
}

export async function forgetFailures(db: Executor, scope: string, key: string): Promise<void> {
  await db.deleteFrom('throttle_failure').where('scope', '=', scope).where('key', '=', key).execute()
}

/** Drops failures older than `before`: they no longer change any decision. */
export async function pruneFailures(db: Executor, before: number): Promise<number> {
  const result = await db.deleteFrom('throttle_failure').where('at', '<', new Date(before).toISOString()).executeTakeFirst()
  return Number(result.numDeletedRows)
}
