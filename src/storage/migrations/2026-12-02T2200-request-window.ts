/**
 * Request rate limits shared by every process (issue 15): the per-route limits of
 * `@fastify/rate-limit` were counted in each process's memory, so N `web` processes gave a client
 * N times each limit, and a restart forgot the counts. Now each (route, client) has one row: its
 * current fixed window's end and how many requests fell in it. `key` is an HMAC (a key derived
 * from the master key) of the route and the client key, never the client address.
 * Not organization-owned: keyed by client, like `throttle_failure`.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('request_window')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('ends_at', time, (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('request_window_ends_at').on('request_window').column('ends_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_window').execute()
}
