import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely'
import pg from 'pg'
import type { Keyring } from './cipher.js'
import { migrationsWith } from './migrations/index.js'
import { orgScopeGuard } from './org-scope-guard.js'
import type { DB } from './schema.js'

export type Dialect = 'sqlite' | 'postgres'
export type Db = Kysely<DB>
/** A connection inside a transaction; repositories take `Db | Tx` so use cases decide the boundary. */
export type Tx = Transaction<DB>
export type Executor = Db | Tx

/**
 * For the few queries that rightly span organizations (the clock sweep, the outbox worker,
 * lookups by a capability's hash, migrations): the organization-scope guard is lifted for this
 * query alone. Every use is a deliberate, greppable choice.
 */
export const acrossOrganizations = <E extends Executor>(executor: E): E => executor.withoutPlugins() as E

export interface Database {
  db: Db
  dialect: Dialect
  close(): Promise<void>
}

export class DurabilityError extends Error {}

const TIMESTAMPTZ_OID = 1184

/**
 * Opens the configured database and checks that it is durable: an acknowledged report must
 * survive a crash or power loss, so Embargo refuses to start on a database that could lose it.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length))
  return openPostgres(url)
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const journal = sqlite.pragma('journal_mode', { simple: true })
  const synchronous = sqlite.pragma('synchronous', { simple: true })
  if (file !== ':memory:' && journal !== 'wal') throw new DurabilityError(`SQLite journal_mode is ${journal}, expected wal`)
  if (Number(synchronous) < 2) throw new DurabilityError(`SQLite synchronous is ${synchronous}, expected FULL (2) or EXTRA (3)`)
  cachePreparedStatements(sqlite)
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [orgScopeGuard] })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs about as much as running
 * the statement. Queries are built from a fixed set of shapes, so a bounded cache of prepared
 * statements by SQL text pays for itself (better-sqlite3 statements are reusable once a call
 * returns, and Kysely never keeps one open across calls except when streaming, which we do not).
 */
function cachePreparedStatements(sqlite: SQLite.Database, limit = 500): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, SQLite.Statement>()
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source)
    if (statement) {
      cache.delete(source) // re-insert: the Map's order is the eviction order
    } else {
      statement = prepare(source)
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string)
    }
    cache.set(source, statement)
    return statement
  }) as typeof sqlite.prepare
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // Times come back as ISO strings, as they do from SQLite, so code never sees two shapes.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === TIMESTAMPTZ_OID
          ? (value: string) => new Date(value).toISOString()
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection that dies (server restart, admin termination) is dropped by the pool and
  // replaced on next use; without a listener the error would take the whole process down.
  pool.on('error', () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [orgScopeGuard] })
  try {
    for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
      const { rows } = await pool.query(`show ${setting}`)
      const value = String(rows[0]?.[setting] ?? '')
      if (value !== 'on') throw new DurabilityError(`PostgreSQL ${setting} is ${value}, expected on`)
    }
  } catch (error) {
    // Kysely's destroy() does nothing for a pool it never used; end the pool itself.
    await pool.end()
    throw error
  }
  return { db, dialect: 'postgres', close: () => db.destroy() }
}

/**
 * Brings the schema up to date. Safe to run at every start and from `embargo migrate`. The keyring
 * lets migrations seal values that existing rows held in clear; without it such a migration refuses
 * to run on a database that has any (an empty database needs none).
 */
export async function migrate(db: Db, keyring?: Keyring): Promise<string[]> {
  const seal = keyring
    ? (orgId: string, wrapped: string, plain: string, context: string) => keyring.forOrg(orgId, wrapped).encrypt(plain, context)
    : undefined
  const migrator = new Migrator({
    // Migrations reshape whole tables, every organization's rows at once.
    db: acrossOrganizations(db),
    provider: { getMigrations: async () => migrationsWith({ seal }) },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Names of the migrations this code knows that the database has not run yet (empty: current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: acrossOrganizations(db),
    provider: { getMigrations: async () => migrationsWith({ seal: undefined }) },
  })
  const known = await migrator.getMigrations()
  return known.filter((m) => m.executedAt === undefined).map((m) => m.name)
}
