/**
 * Policy as code: immutable policy versions, the version each organization runs and each report
 * was received under, and the report's clock due times as columns so "what is due" is an index
 * range scan. Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const time = pg ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('policy_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_yaml', 'text', (c) => c.notNull())
    .addColumn('parsed_json', 'text', (c) => c.notNull())
    // A user id, or null for the command line and presets.
    .addColumn('created_by', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('policy_version_org_version', ['org_id', 'version'])
    .execute()

  // A published promise is never edited in place: a change is a new version.
  if (pg) {
    await sql`create function policy_version_immutable() returns trigger language plpgsql as $$
      begin raise exception 'policy_version is immutable'; end $$`.execute(db)
    await sql`create trigger policy_version_no_update before update or delete on policy_version
      for each row execute function policy_version_immutable()`.execute(db)
  } else {
    await sql`create trigger policy_version_no_update before update on policy_version
      begin select raise(abort, 'policy_version is immutable'); end`.execute(db)
    await sql`create trigger policy_version_no_delete before delete on policy_version
      begin select raise(abort, 'policy_version is immutable'); end`.execute(db)
  }

  await db.schema
    .alterTable('organization')
    .addColumn('policy_version_id', 'text', (c) => c.references('policy_version.id'))
    .execute()

  // The version the report was received under: its clocks keep that policy's promises.
  await db.schema
    .alterTable('report')
    .addColumn('policy_version_id', 'text', (c) => c.references('policy_version.id'))
    .execute()
  await db.schema.alterTable('report').addColumn('severity', 'text').execute()
  // JSON array of label names (e.g. Alkemio's "informational").
  await db.schema
    .alterTable('report')
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  // Earliest deadline among running clocks (queue "due next", report page).
  await db.schema.alterTable('report').addColumn('next_due_at', time).execute()
  // Per-clock deadlines, for display and reporting without recomputing.
  await db.schema.alterTable('report').addColumn('acknowledge_due_at', time).execute()
  await db.schema.alterTable('report').addColumn('detailed_response_due_at', time).execute()
  await db.schema.alterTable('report').addColumn('reporter_update_due_at', time).execute()
  await db.schema.alterTable('report').addColumn('resolution_due_at', time).execute()
  await db.schema.alterTable('report').addColumn('disclosure_due_at', time).execute()
  // When the clock scheduler must look at the report again: a reminder before a deadline, an
  // escalation step after one, or the deadline itself. Null: nothing left to do.
  await db.schema.alterTable('report').addColumn('wake_at', time).execute()

  await db.schema.createIndex('report_org_next_due').on('report').columns(['org_id', 'next_due_at', 'id']).execute()
  await db.schema.createIndex('report_next_due').on('report').column('next_due_at').execute()
  await db.schema.createIndex('report_wake').on('report').column('wake_at').execute()
}

export async function down(): Promise<void> {
  throw new Error('The policy migration cannot be undone; restore a backup instead.')
}
