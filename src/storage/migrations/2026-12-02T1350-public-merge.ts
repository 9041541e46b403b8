/**
 * The public merge as a step of the advisory's coordination (issue 12): when the team recorded
 * that the fix was merged publicly (`merged_at`), and the planned release for which the team was
 * told the merge window opened (`merge_alerted_for`: once per planned release; moving the release
 * opens a new window). Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`
  await db.schema.alterTable('advisory').addColumn('merged_at', time).execute()
  await db.schema.alterTable('advisory').addColumn('merge_alerted_for', time).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('advisory').dropColumn('merge_alerted_for').execute()
  await db.schema.alterTable('advisory').dropColumn('merged_at').execute()
}
