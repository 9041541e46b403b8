/**
 * Every integration test runs on both databases Embargo supports. Write the test once inside
 * `eachDialect`, which defines one `describe` per dialect; each gets its own empty database, so
 * test files can run in parallel.
 *
 * @example
 * eachDialect('report repository', ({ useDatabase }) => {
 *   const database = useDatabase() // fresh, migrated, shared by the tests of this block
 *   it('stores a report', async () => {
 *     const { db } = database()
 *     …
 *   })
 * })
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { type Database, type Dialect, migrate, openDatabase } from '../../src/storage/db.js'
import { postgres } from './environment.js'

export type { Dialect }

export const dialects: readonly Dialect[] = ['sqlite', 'postgres']

/** An empty database nobody else uses. `drop` deletes it; calling it twice is fine. */
export interface FreshDatabase {
  url: string
  drop(): Promise<void>
}

/** An open database (see `openDatabase`) on a fresh database; `drop` closes it, then deletes it. */
export interface TestDatabase extends Database {
  url: string
  drop(): Promise<void>
}

export interface DialectContext {
  dialect: Dialect
  freshDatabase(): Promise<FreshDatabase>
  /**
   * Opens a fresh, migrated database before the tests of the enclosing block and drops it after
   * them. Call the returned function inside a test or hook, not at collection time.
   */
  useDatabase(options?: { migrate?: boolean }): () => TestDatabase
}

/** Defines `describe(title [dialect])` for each dialect; the PostgreSQL one is skipped, reason in its title, when there is no server. */
export function eachDialect(title: string, fn: (ctx: DialectContext) => void): void {
  for (const dialect of dialects) {
    const ctx: DialectContext = {
      dialect,
      freshDatabase: () => freshDatabase(dialect),
      useDatabase: (options) => useDatabase(dialect, options),
    }
    const server = dialect === 'postgres' ? postgres() : undefined
    if (server && !server.available) describe.skip(`${title} [${dialect}] (SKIPPED: ${server.reason})`, () => fn(ctx))
    else describe(`${title} [${dialect}]`, () => fn(ctx))
  }
}

/** A new empty database: a file in its own temp folder (SQLite) or `embargo_test_<random>` (PostgreSQL). */
export async function freshDatabase(dialect: Dialect): Promise<FreshDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-sqlite-'))
    return { url: `sqlite:${path.join(dir, 'embargo.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const server = postgres()
  if (!server.available) throw new Error(`No PostgreSQL for this test: ${server.reason}`)
  const name = `embargo_test_${crypto.randomBytes(8).toString('hex')}`
  await admin(server.value, `create database ${name}`)
  const url = new URL(server.value)
  url.pathname = `/${name}`
  let dropped = false
  return {
    url: url.href,
    drop: async () => {
      if (dropped) return
      dropped = true
      await dropDatabase(server.value, name)
    },
  }
}

/** Opens a fresh database of `dialect`, migrated unless told otherwise. */
export async function openFreshDatabase(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const fresh = await freshDatabase(dialect)
  let database: Database
  try {
    database = await openDatabase(fresh.url)
    if (options.migrate !== false) await migrate(database.db)
  } catch (error) {
    await fresh.drop()
    throw error
  }
  return {
    ...database,
    url: fresh.url,
    drop: async () => {
      try {
        await database.close()
      } finally {
        await fresh.drop()
      }
    },
  }
}

function useDatabase(dialect: Dialect, options?: { migrate?: boolean }): () => TestDatabase {
  let current: TestDatabase | undefined
  beforeAll(async () => {
    current = await openFreshDatabase(dialect, options)
  })
  afterAll(async () => {
    await current?.drop()
    current = undefined
  })
  return () => {
    if (!current) throw new Error('useDatabase(): the database exists only inside tests and hooks of its block')
    return current
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * Drops a test database. pg's `pool.end()` resolves before its connections have closed, and a
 * connection terminated while closing raises an error nobody listens to, which fails the run:
 * so wait (up to 3 s) for connections to leave, then FORCE out any a test left open.
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    for (let waited = 0; waited < 3000; waited += 25) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])
      if (rows[0]?.n === 0) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    await client.query(`drop database if exists ${name} with (force)`)
  } finally {
    await client.end()
  }
}
