/**
 * The rejection reason (`report.status_reason`) and attachment file names (`attachment.safe_name`)
 * were stored in clear; both are report text written by people ("out of scope: the admin panel
 * of X", "poc-rce-acme-login.py"). They become `_enc` columns sealed by the organization's cipher
 * like every other report text, and attachments get the type sniffed from their bytes.
 *
 * Sealing needs the organization's data key, which only the master key (outside the database)
 * opens. So this migration is given a `seal` function by `migrate()` (it still imports no
 * application code): existing rows are sealed here, in the same migration that renames the
 * columns. Without a key the migration refuses to run when there is anything to seal, rather than
 * leaving clear text in a column named `_enc`; a fresh install has nothing to seal.
 * Frozen in time: never import application code here.
 */
import type { Kysely, Migration } from 'kysely'

/** Seals `plain` for one organization (its wrapped data key) bound to `context` (`<table>.<column>|<row id>`). */
export type Seal = (orgId: string, wrappedDataKey: string, plain: string, context: string) => string

export interface MigrationKeys {
  seal?: Seal | undefined
}

export class MigrationNeedsKey extends Error {}

interface Column {
  table: 'report' | 'attachment'
  from: string
  to: string
  context: string
}

const columns: Column[] = [
  { table: 'report', from: 'status_reason', to: 'status_reason_enc', context: 'report.status_reason' },
  { table: 'attachment', from: 'safe_name', to: 'safe_name_enc', context: 'attachment.name' },
]

export function sealedNames(keys: MigrationKeys): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Read what must be sealed before changing anything, and refuse early without a key.
      const pending: { column: Column; rows: { id: string; org_id: string; value: string; key: string }[] }[] = []
      for (const column of columns) {
        const rows = await db
          .selectFrom(`${column.table} as t`)
          .innerJoin('organization as o', 'o.id', 't.org_id')
          .select(['t.id as id', 't.org_id as org_id', `t.${column.from} as value`, 'o.data_key_wrapped as key'])
          .where(`t.${column.from}`, 'is not', null)
          .execute()
        pending.push({ column, rows: rows as { id: string; org_id: string; value: string; key: string }[] })
      }
      const count = pending.reduce((n, p) => n + p.rows.length, 0)
      const seal = keys.seal
      if (count > 0 && !seal) {
        throw new MigrationNeedsKey(
          `migration 2026-12-02T0720-sealed-names must seal ${count} existing value(s) and needs the master key: run it through \`embargo migrate\` or \`embargo serve\``,
        )
      }
      const run = async (work: (tx: Kysely<any>) => Promise<void>) =>
        db.isTransaction ? work(db) : db.transaction().execute((tx) => work(tx))
      await run(async (tx) => {
        for (const column of columns) await tx.schema.alterTable(column.table).renameColumn(column.from, column.to).execute()
        for (const { column, rows } of pending) {
          for (const row of rows) {
            await tx
              .updateTable(column.table)
              .set({ [column.to]: seal!(row.org_id, row.key, row.value, `${column.context}|${row.id}`) })
              .where('id', '=', row.id)
              .where('org_id', '=', row.org_id)
              .execute()
          }
        }
        // The type sniffed from the bytes (never the declared one); null for attachments stored before.
        await tx.schema.alterTable('attachment').addColumn('sniffed_type', 'text').execute()
      })
    },
  }
}
