import { sql } from 'kysely'
import type { Db, Executor } from '../db.js'
import { isPostgres } from '../dialect.js'

/**
 * The request rate limits' fixed windows (src/http/request-limits.ts), shared by every process on
 * the database. Keys are HMACs made by the caller; this file never sees a client address.
 */

export interface CountedRequest {
  /** Requests in the current window, this one included. */
  hits: number
  /** When the current window ends (ms since the epoch). */
  endsAt: number
}

/**
 * Counts one request against `key` in one statement: a key with no window, or whose window ended
 * at or before `now`, starts a new one (`hits` 1, ending `windowMs` from now); otherwise its count
 * grows. `INSERT … ON CONFLICT … DO UPDATE … RETURNING`: atomic on both dialects (SQLite ≥ 3.35),
 * so two processes counting the same client at once never lose a request.
 *
 * On PostgreSQL the count commits without waiting for the WAL flush (`synchronous_commit = off`,
 * for this transaction only): a crash may forget the last few counts, which costs nothing a flood
 * control cares about, while a flushed commit per request would cost every rate-limited route
 * (intake among them) a disk flush of its own.
 */
export async function countRequest(db: Db, key: string, now: number, windowMs: number): Promise<CountedRequest> {
  if (!isPostgres(db)) return upsert(db, key, now, windowMs)
  return db.transaction().execute(async (tx) => {
    await sql`set local synchronous_commit = off`.execute(tx)
    return upsert(tx, key, now, windowMs)
  })
}

async function upsert(db: Executor, key: string, now: number, windowMs: number): Promise<CountedRequest> {
  const at = new Date(now).toISOString()
  const ends = new Date(now + windowMs).toISOString()
  const ended = sql<boolean>`request_window.ends_at <= ${at}`
  const row = await db
    .insertInto('request_window')
    .values({ key, ends_at: ends, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${ended} then 1 else request_window.hits + 1 end`,
        ends_at: sql<string>`case when ${ended} then ${ends} else request_window.ends_at end`,
      }),
    )
    .returning(['hits', 'ends_at'])
    .executeTakeFirstOrThrow()
  return { hits: Number(row.hits), endsAt: Date.parse(row.ends_at) }
}

/** Drops windows that ended at or before `now`: the next request of their client starts a new one anyway. */
export async function pruneRequestWindows(db: Executor, now: number): Promise<number> {
  const result = await db.deleteFrom('request_window').where('ends_at', '<=', new Date(now).toISOString()).executeTakeFirst()
  return Number(result.numDeletedRows)
}
