/**
 * The in-app inbox (issue 14 item 6): `notification` rows (one per member and event, unique, so
 * an event never notifies a member twice), `notification_cursor` (per organization, the last
 * event sequence number the notification job has read; moved in the unit that writes the rows)
 * and `notification_setting` (per member: the mail digest choice and the day of the last digest,
 * set in the unit that queues the digest, so one mail per member per day). A notification holds a
 * reference and a kind, never report text. Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('report_id', 'text', (c) => c.references('report.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('clock', 'text')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('read_at', time)
    .addUniqueConstraint('notification_once', ['org_id', 'user_id', 'event_id'])
    .execute()
  await db.schema.createIndex('notification_inbox').on('notification').columns(['org_id', 'user_id', 'read_at', 'at']).execute()
  await db.schema
    .createTable('notification_cursor')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organization.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute()
  // Existing organizations start at their newest event: the inbox begins now, not with a flood of old news.
  await sql`INSERT INTO notification_cursor (org_id, last_seq, updated_at) SELECT id, event_seq, created_at FROM organization`.execute(db)
  await db.schema
    .createTable('notification_setting')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('digest', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('digest_sent_on', 'text')
    .addPrimaryKeyConstraint('notification_setting_pk', ['org_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_setting').execute()
  await db.schema.dropTable('notification_cursor').execute()
  await db.schema.dropTable('notification').execute()
}
