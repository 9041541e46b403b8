/**
 * API tokens (issue 13, item 6) and the audit log's filters (item 5). A token is stored as the
 * SHA-256 of its 256-bit secret, never the secret itself; it belongs to one member of one
 * organization. The audit log is the event log: reads are events too, so the existing hash chain
 * covers them; the index lets the audit page filter by who without scanning the whole log.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    // One line the member chose ("ticket sync"): their own words, not report text.
    .addColumn('name', 'text', (c) => c.notNull())
    // 'read' | 'work'
    .addColumn('scope', 'text', (c) => c.notNull())
    // Hex SHA-256 of the secret `emb_…` string.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('revoked_at', time)
    .addColumn('last_used_at', time)
    .execute()
  await db.schema.createIndex('api_token_member').on('api_token').columns(['org_id', 'user_id']).execute()

  await db.schema.createIndex('event_org_actor').on('event').columns(['org_id', 'actor_id', 'seq']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_org_actor').execute()
  await db.schema.dropTable('api_token').execute()
}
