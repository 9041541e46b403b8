/**
 * Advisories: the advisory itself (its content sealed like report text), the reports it is
 * linked to, its revisions (every change: who, when, what, with a sealed snapshot), and the
 * counters its own ids and GCVE ids are allocated from. Frozen in time: never import application
 * code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const time = pg ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('advisory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('own_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    // Sealed JSON of the content (title, texts, affected, CWE, severity, references, credits, CVE).
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('gcve', 'text', (c) => c.unique())
    .addColumn('submitted_by', 'text', (c) => c.references('user.id'))
    .addColumn('approved_by', 'text', (c) => c.references('user.id'))
    .addColumn('scheduled_for', time)
    .addColumn('published_at', time)
    .addColumn('withdrawn_at', time)
    .addColumn('withdrawn_reason_enc', 'text')
    // The latest published revision as the public sees it (JSON of the record); null until published.
    .addColumn('published_json', 'text')
    .addColumn('created_by', 'text', (c) => c.references('user.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('advisory_org_own_id', ['org_id', 'own_id'])
    .execute()
  await db.schema.createIndex('advisory_org_updated').on('advisory').columns(['org_id', 'updated_at', 'id']).execute()
  // The publication scheduler: scheduled advisories whose time has come, across organizations.
  await db.schema.createIndex('advisory_scheduled').on('advisory').columns(['state', 'scheduled_for']).execute()

  await db.schema
    .createTable('advisory_report')
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisory.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('linked_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_report_pk', ['advisory_id', 'report_id'])
    .execute()
  await db.schema.createIndex('advisory_report_report').on('advisory_report').columns(['org_id', 'report_id']).execute()

  await db.schema
    .createTable('advisory_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisory.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    // JSON list of the names of the fields that changed (never their values).
    .addColumn('changed', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('advisory_revision_seq', ['advisory_id', 'seq'])
    .execute()

  await db.schema
    .createTable('advisory_counter')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    // 'own' for the organization's advisory ids, 'gcve' for GCVE ids.
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_counter_pk', ['org_id', 'series', 'year'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('advisory_counter').execute()
  await db.schema.dropTable('advisory_revision').execute()
  await db.schema.dropTable('advisory_report').execute()
  await db.schema.dropTable('advisory').execute()
}
