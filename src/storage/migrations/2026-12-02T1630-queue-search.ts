/**
 * The queue for real work (issue 14 item 5):
 * - `report_search_token`: the blind index of a report's searchable text — one row per distinct
 *   token (word of the title, text and the reporter's messages; the reporter's address), each an
 *   HMAC under a key derived from the organization's data key (never the word itself). Reports
 *   stored before this migration are indexed on first use (`search_index_state` records that an
 *   organization's backfill ran): the migration cannot open report text, only the application can.
 * - `saved_view`: a member's named queue filters, the query sealed (it may hold search words).
 * - indexes for the queue's filters (severity, program, channel on the organization and received
 *   order; the labels as JSON on PostgreSQL; the events by type, for "paused": the wait events).
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('report_search_token')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_search_token_pk', ['org_id', 'token', 'report_id'])
    .execute()
  await db.schema.createIndex('report_search_token_report').on('report_search_token').columns(['org_id', 'report_id']).execute()
  await db.schema
    .createTable('search_index_state')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organization.id'))
    .addColumn('backfilled_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('saved_view_name', ['org_id', 'user_id', 'name'])
    .execute()
  await db.schema.createIndex('report_org_severity').on('report').columns(['org_id', 'severity', 'received_at', 'id']).execute()
  await db.schema.createIndex('report_org_program').on('report').columns(['org_id', 'program_id', 'received_at', 'id']).execute()
  await db.schema.createIndex('report_org_channel').on('report').columns(['org_id', 'channel', 'received_at', 'id']).execute()
  await db.schema.createIndex('event_org_type').on('event').columns(['org_id', 'type', 'report_id']).execute()
  if (isPostgres(db)) await sql`create index report_labels on report using gin ((labels::jsonb))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`drop index report_labels`.execute(db)
  await db.schema.dropIndex('event_org_type').execute()
  await db.schema.dropIndex('report_org_channel').execute()
  await db.schema.dropIndex('report_org_program').execute()
  await db.schema.dropIndex('report_org_severity').execute()
  await db.schema.dropTable('saved_view').execute()
  await db.schema.dropTable('search_index_state').execute()
  await db.schema.dropTable('report_search_token').execute()
}
