/**
 * Partners and early notice (issue 12, items 1–3): an organization's partners (name, kind, the
 * longest embargo they accept, what they do not want, and their contacts with OpenPGP keys —
 * sealed, they are addresses), the advisory's planned release, and one row per early notice sent
 * (or scheduled) to a partner, with the hash of the partner's capability link. Frozen in time:
 * never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('partner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('max_embargo', 'text')
    .addColumn('excluded_labels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('excluded_programs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('contacts_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('removed_at', time)
    .execute()
  await db.schema.createIndex('partner_org').on('partner').columns(['org_id', 'name']).execute()

  await db.schema.alterTable('advisory').addColumn('release_at', time).execute()

  await db.schema
    .createTable('partner_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisory.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partner.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('notify_at', time, (c) => c.notNull())
    .addColumn('sent_at', time)
    .addColumn('viewed_at', time)
    .addColumn('acknowledged_at', time)
    .addColumn('reminded_at', time)
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('partner_notice_advisory').on('partner_notice').columns(['org_id', 'advisory_id']).execute()
  await db.schema.createIndex('partner_notice_due').on('partner_notice').columns(['state', 'notify_at']).execute()
  // One live notice per partner and advisory, whatever races: two "Send" clicks in two processes
  // cannot both insert (a cancelled notice makes room for a new one).
  await db.schema
    .createIndex('partner_notice_once')
    .on('partner_notice')
    .columns(['org_id', 'advisory_id', 'partner_id'])
    .unique()
    .where(sql.ref('state'), '<>', 'cancelled')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partner_notice').execute()
  await db.schema.alterTable('advisory').dropColumn('release_at').execute()
  await db.schema.dropTable('partner').execute()
}
