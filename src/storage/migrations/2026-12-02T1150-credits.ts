/**
 * Recognition (issue 11, items 3 and 7): the credits proposed or added on a report with the
 * reporter's consent, and the policy's rewards recorded per report. Credit names are report text
 * (a reporter's name or pseudonym): sealed like the reporter's name. Frozen in time: never import
 * application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('report_credit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    // 'reporter' (the report's reporter, with consent) or 'other' (someone the team credits).
    .addColumn('subject', 'text', (c) => c.notNull())
    // Sealed, context `report_credit.name|<id>`.
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // 'proposed' | 'accepted' | 'declined'
    .addColumn('consent', 'text', (c) => c.notNull())
    // What the reporter said at intake of the proposed name: 'asked' | 'declined' | 'silent'.
    .addColumn('intake', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('answered_at', time)
    .execute()
  await db.schema.createIndex('report_credit_report').on('report_credit').columns(['org_id', 'report_id']).execute()
  // One credit line for the reporter per report: proposing again changes it.
  await sql`create unique index report_credit_one_reporter on report_credit (org_id, report_id) where subject = 'reporter'`.execute(db)

  await db.schema
    .createTable('report_reward')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    // Position in the policy's `recognition.rewards` at the time it was recorded, and its kind.
    .addColumn('reward_index', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer')
    .addColumn('currency', 'text')
    .addColumn('sent_at', time)
    .addColumn('created_by', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('report_reward_once', ['org_id', 'report_id', 'reward_index'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_reward').execute()
  await db.schema.dropTable('report_credit').execute()
}
