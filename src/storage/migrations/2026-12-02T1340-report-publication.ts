/**
 * The public version of a report (issue 12, item 5): a redacted copy the team writes, reviewed,
 * shown to the reporter, who may object, then published. Its text is sealed like report text until
 * it is published; the published record (`published_json`) is what the public pages serve, in
 * clear from that moment. One public version per report. Frozen in time: never import
 * application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema
    .createTable('report_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    // 'draft' | 'shown' | 'published' | 'objected' | 'withdrawn'
    .addColumn('state', 'text', (c) => c.notNull())
    // 'accepted' | 'rejected' | 'duplicate'
    .addColumn('outcome', 'text', (c) => c.notNull())
    // Sealed JSON {title, body, reason}, context `report_publication.text|<id>`.
    .addColumn('text_enc', 'text', (c) => c.notNull())
    // An advisory (own id) the team named when preparing: not published before it is.
    .addColumn('after_advisory', 'text')
    .addColumn('prepared_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('shown_at', time)
    .addColumn('objection_ends_at', time)
    // Sealed, context `report_publication.objection|<id>`.
    .addColumn('objection_enc', 'text')
    .addColumn('published_at', time)
    // The public record, in clear once published.
    .addColumn('published_json', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('report_publication_one', ['org_id', 'report_id'])
    .execute()
  // The job's scan: shown versions whose objection period ends.
  await db.schema.createIndex('report_publication_due').on('report_publication').columns(['state', 'objection_ends_at']).execute()
  await db.schema.createIndex('report_publication_public').on('report_publication').columns(['org_id', 'state', 'published_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_publication').execute()
}
