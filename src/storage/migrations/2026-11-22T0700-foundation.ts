/**
 * The tables the first path needs: organizations, people, reports and their thread, the
 * append-only event log and the outbox. Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const time = pg ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ref_prefix', 'text', (c) => c.notNull())
    .addColumn('data_key_wrapped', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('event_head', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('program')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('in_scope', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('program_org_slug', ['org_id', 'slug'])
    .execute()

  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('disabled_at', time)
    .execute()

  await db.schema
    .createTable('membership')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('membership_pk', ['org_id', 'user_id'])
    .execute()
  await db.schema.createIndex('membership_user').on('membership').column('user_id').execute()

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('session_user').on('session').column('user_id').execute()

  await db.schema
    .createTable('setup_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('reporter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('name_enc', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.references('program.id'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('reporter.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('duplicate_of', 'text', (c) => c.references('report.id'))
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('fields_enc', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('credit_preference', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('user.id'))
    .addColumn('received_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('report_org_ref', ['org_id', 'ref'])
    .execute()
  // The queue: open reports of one organization, newest first, keyset-paginated on (received_at, id).
  await db.schema.createIndex('report_queue').on('report').columns(['org_id', 'status', 'received_at', 'id']).execute()
  await db.schema.createIndex('report_org_received').on('report').columns(['org_id', 'received_at', 'id']).execute()
  await db.schema.createIndex('report_assignee').on('report').columns(['org_id', 'assignee_id', 'received_at']).execute()

  await db.schema
    .createTable('report_access')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('revoked_at', time)
    .execute()

  await db.schema
    .createTable('message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('user.id'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('message_report').on('message').columns(['report_id', 'created_at', 'id']).execute()

  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.references('report.id'))
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_org_seq', ['org_id', 'seq'])
    .execute()
  await db.schema.createIndex('event_report').on('event').columns(['report_id', 'seq']).execute()

  // The event log is the audit trail: the database itself refuses to change or delete it.
  if (pg) {
    await sql`create function event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'event is append-only'; end $$`.execute(db)
    await sql`create trigger event_no_update before update or delete on event
      for each row execute function event_append_only()`.execute(db)
  } else {
    await sql`create trigger event_no_update before update on event
      begin select raise(abort, 'event is append-only'); end`.execute(db)
    await sql`create trigger event_no_delete before delete on event
      begin select raise(abort, 'event is append-only'); end`.execute(db)
  }

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_enc', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', time, (c) => c.notNull())
    .addColumn('done_at', time)
    .addColumn('last_error', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['done_at', 'next_attempt_at']).execute()

  await db.schema
    .createTable('reference_counter')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_counter_pk', ['org_id', 'year'])
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be undone; restore a backup instead.')
}
