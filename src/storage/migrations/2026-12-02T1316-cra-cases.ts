/**
 * EU Cyber Resilience Act cases (issue 16): a report marked as an actively exploited
 * vulnerability or a severe incident, with the moment of awareness, the evidence (sealed), the
 * moment a corrective measure became available, each stage's filing, the stage forms as the team
 * edited them (sealed), the alerts already sent, and when the sweep should look again.
 * Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('cra_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('aware_at', time, (c) => c.notNull())
    .addColumn('evidence_enc', 'text', (c) => c.notNull())
    .addColumn('measure_at', time)
    .addColumn('filings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('drafts_enc', 'text')
    .addColumn('alerts_sent', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('wake_at', time)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addUniqueConstraint('cra_case_report', ['org_id', 'report_id'])
    .execute()
  await db.schema.createIndex('cra_case_wake').on('cra_case').column('wake_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cra_case').execute()
}
