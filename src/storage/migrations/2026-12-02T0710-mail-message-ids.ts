/**
 * Message-IDs sealed like every other report text, and inbound mail deduplicated by its bytes.
 *
 * - `inbound_mail.message_id` becomes `message_id_enc`: the Message-ID (or `sha256:<hex>` for a
 *   mail without one) sealed by the organization's cipher. `message_id_index` is its keyed blind
 *   index (HMAC, see cipher.ts), null for a mail without a Message-ID; it finds earlier mails that
 *   reused the ID. A mail is a duplicate only when its raw bytes are the same: unique
 *   `(org_id, raw_sha256)`. (SQLite cannot drop the old unique constraint without rebuilding the
 *   table; it now covers sealed values, which never repeat, so it no longer deduplicates anything.)
 * - `mail_thread.message_id` becomes `message_id_index` (the blind index, still the key) with the
 *   sealed value in `message_id_enc`; `ambiguous` = 1 when different mails claimed the same ID, so
 *   the ID no longer threads anything.
 *
 * Rows written before this migration hold the clear value: the migration has no keys (the master
 * key lives outside the database), so `sealLegacyMessageIds` (mail-repository.ts) seals them when
 * the mail channel starts. A fresh install never has a Message-ID in clear.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)

  await db.schema.alterTable('inbound_mail').renameColumn('message_id', 'message_id_enc').execute()
  await db.schema.alterTable('inbound_mail').addColumn('message_id_index', 'text').execute()
  if (pg) await sql`alter table inbound_mail drop constraint inbound_mail_org_message`.execute(db)
  await db.schema.createIndex('inbound_mail_org_raw').on('inbound_mail').columns(['org_id', 'raw_sha256']).unique().execute()
  await db.schema.createIndex('inbound_mail_org_message_index').on('inbound_mail').columns(['org_id', 'message_id_index']).execute()

  await db.schema.alterTable('mail_thread').renameColumn('message_id', 'message_id_index').execute()
  await db.schema.alterTable('mail_thread').addColumn('message_id_enc', 'text').execute()
  await db.schema
    .alterTable('mail_thread')
    .addColumn('ambiguous', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('The Message-ID migration cannot be undone; restore a backup instead.')
}
