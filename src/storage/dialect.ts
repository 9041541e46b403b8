import { type Kysely, PostgresAdapter } from 'kysely'

/** True on PostgreSQL. Repositories use it for the few statements the dialects spell differently (row locks). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
