/**
 * Programs are defined by the policy (issue 10, item 3). The `program` table stays: reports point
 * at a row, which keeps a report's program name even after the policy drops the program. Rows now
 * come from the policy (written when a report names a policy program); the rows an administrator
 * added on the old admin page are kept as they are, marked `admin-page`, so reports filed under
 * them keep their program, and the admin page lists them with what to add to the policy to keep
 * taking reports on them. Same column on both dialects. Frozen in time: never import application code here.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('program')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('admin-page'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('program').dropColumn('origin').execute()
}
