/**
 * A report keeps its CVSS vectors (3.1 and 4.0) beside its severity level, as the policy's
 * scoring allows (policy key `severity.scoring`). Only vectors are stored, never scores: a score
 * follows from its vector. Stored in clear like the severity level, which the queue already
 * shows. The same columns on both dialects. Frozen in time: never import application code here.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report').addColumn('cvss31_vector', 'text').execute()
  await db.schema.alterTable('report').addColumn('cvss40_vector', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report').dropColumn('cvss40_vector').execute()
  await db.schema.alterTable('report').dropColumn('cvss31_vector').execute()
}
