/**
 * Throttles shared by every process (issue 15): wrong passwords, reset requests and wrong second
 * factors were counted in each process's memory, so N processes behind a load balancer gave an
 * attacker N times the guesses, and a restart forgot them. Now each failure is a row. `key` is an
 * HMAC (a key derived from the master key), never the typed address or the client address.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('throttle_failure')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('throttle_failure_key').on('throttle_failure').columns(['scope', 'key', 'at']).execute()
  await db.schema.createIndex('throttle_failure_at').on('throttle_failure').column('at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('throttle_failure').execute()
}
