import { type Kysely, PostgresAdapter } from 'kysely'

/** Migrations spell dialect differences out themselves; this tells them which one runs. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
