/**
 * Notices sent through the announcement channels besides an advisory's publication (issue 16
 * item 4: the CRA notice to users): one row per notice and channel (`notice_announcement`, unique
 * on organization, notice key and channel), written in the unit that queues its delivery in the
 * outbox, so each channel gets a notice once. Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('notice_announcement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('notice_key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('notice_announcement_once', ['org_id', 'notice_key', 'channel'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_announcement').execute()
}
