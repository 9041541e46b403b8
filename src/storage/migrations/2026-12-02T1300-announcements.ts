/**
 * Announcements on disclosure day (issue 12, item 4): how each of the policy's announcement
 * channels is delivered (`announcement_channel`: mail to a list, a Slack-compatible webhook, a
 * Matrix room, a signed generic webhook; its secrets sealed under the organization's data key),
 * and one row per advisory and channel (`announcement`, unique), written in the unit that queues
 * its delivery in the outbox, so each channel hears of an advisory once.
 * Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('announcement_channel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addUniqueConstraint('announcement_channel_org_name', ['org_id', 'name'])
    .execute()
  await db.schema
    .createTable('announcement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisory.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('announcement_advisory_channel', ['advisory_id', 'channel'])
    .execute()
  await db.schema.createIndex('announcement_org_advisory').on('announcement').columns(['org_id', 'advisory_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('announcement').execute()
  await db.schema.dropTable('announcement_channel').execute()
}
