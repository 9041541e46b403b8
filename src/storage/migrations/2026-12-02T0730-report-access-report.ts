/**
 * Follow-up capabilities by report: "send me a new link" looks up when a report's newest link was
 * issued, which should not scan every capability. The same index on both dialects. Frozen in
 * time: never import application code here.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('report_access_report').on('report_access').columns(['org_id', 'report_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('report_access_report').execute()
}
