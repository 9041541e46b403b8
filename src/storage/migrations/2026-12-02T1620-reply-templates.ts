/**
 * Reply templates (issue 14, item 7): an organization's canned replies. The name is the team's
 * own word for the list, kept in clear like a partner's name; the body is team text written to
 * reporters, sealed like a message (`reply_template.body|<id>`). Deleting one removes its row; the
 * event log keeps that it existed. Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('reply_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('detailed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reply_template_org').on('reply_template').columns(['org_id', 'name']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reply_template').execute()
}
