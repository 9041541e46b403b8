/**
 * The e-mail channel: raw inbound mail stored before it is answered, attachments, each
 * organization's mail settings and OpenPGP key, per-report reply tokens, the Message-IDs that
 * thread mail to reports, the reporter's public key, and dead letters in the outbox.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const time = pg ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('org_mail')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organization.id'))
    // Lowercase; unique across the instance because inbound mail is routed to its organization by it.
    .addColumn('security_address', 'text', (c) => c.notNull().unique())
    .addColumn('encryption_required', 'integer', (c) => c.notNull().defaultTo(0))
    // Armored private key (itself passphrase-protected), sealed by the organization's cipher.
    .addColumn('private_key_enc', 'text')
    // The private key's passphrase: random, generated with the key (or given on import), sealed by the cipher.
    .addColumn('passphrase_enc', 'text')
    .addColumn('public_key', 'text')
    .addColumn('fingerprint', 'text')
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('inbound_mail')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', time, (c) => c.notNull())
    // Message-ID without brackets, or `sha256:<hex of the raw bytes>` when the mail has none.
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('raw_sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // Raw bytes (base64), sealed by the organization's cipher.
    .addColumn('raw_enc', 'text', (c) => c.notNull())
    // JSON { rcptTo: string[], nullSender: boolean }: our own addresses only, nothing about the sender.
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_id', 'text', (c) => c.references('report.id'))
    .addColumn('ingested_at', time)
    .addUniqueConstraint('inbound_mail_org_message', ['org_id', 'message_id'])
    .execute()
  await db.schema.createIndex('inbound_mail_state').on('inbound_mail').columns(['state', 'received_at']).execute()

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('message_id', 'text', (c) => c.references('message.id'))
    .addColumn('safe_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachment_report').on('attachment').columns(['org_id', 'report_id']).execute()

  // Which report a Message-ID belongs to: the reporter's mails (in) and ours (out), for In-Reply-To/References.
  await db.schema
    .createTable('mail_thread')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_thread_pk', ['org_id', 'message_id'])
    .execute()
  await db.schema.createIndex('mail_thread_report').on('mail_thread').columns(['report_id', 'created_at']).execute()

  await db.schema.alterTable('report').addColumn('reply_token', 'text').execute()
  await db.schema.createIndex('report_reply_token').on('report').column('reply_token').unique().execute()

  await db.schema.alterTable('reporter').addColumn('public_key_enc', 'text').execute()
  // 'confirmed' (given on the form or confirmed by a person) or 'proposed' (arrived attached to a mail).
  await db.schema.alterTable('reporter').addColumn('public_key_status', 'text').execute()

  await db.schema.alterTable('outbox').addColumn('dead_at', time).execute()
  await db.schema.createIndex('outbox_dead').on('outbox').columns(['org_id', 'dead_at']).execute()
}

export async function down(): Promise<void> {
  throw new Error('The mail migration cannot be undone; restore a backup instead.')
}
