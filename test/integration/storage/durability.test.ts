/**
 * The storage foundation on both dialects: the schema migrates (and migrating again is a no-op),
 * acknowledged writes are durable, the audit log cannot be rewritten, and times have one shape.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { Executor } from '../../../src/storage/db.js'
import { acrossOrganizations, DurabilityError, migrate, openDatabase } from '../../../src/storage/db.js'
import { migrations } from '../../../src/storage/migrations/index.js'
import { eachDialect } from '../../support/databases.js'
import { postgres } from '../../support/environment.js'

const createdAt = '2026-01-02T03:04:05.000Z'

async function insertOrganization(db: Executor, id: string): Promise<void> {
  await db
    .insertInto('organization')
    .values({ id, slug: id, name: `Org ${id}`, ref_prefix: 'KUMI', data_key_wrapped: 'v1.x.y.z', created_at: createdAt })
    .execute()
}

async function insertEvent(db: Executor, id: string, orgId: string): Promise<void> {
  await db
    .insertInto('event')
    .values({
      id,
      org_id: orgId,
      seq: 1,
      report_id: null,
      actor_kind: 'system',
      actor_id: null,
      type: 'organization.created',
      data: '{}',
      at: createdAt,
      prev_hash: '',
      hash: 'h1',
    })
    .execute()
}

/** How many sessions are connected to the database of `url`, counted from the admin connection. */
async function connectionsTo(url: URL): Promise<number> {
  const server = postgres()
  if (!server.available) throw new Error(server.reason)
  const client = new pg.Client({ connectionString: server.value })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [
      url.pathname.slice(1),
    ])
    return rows[0]?.n ?? -1
  } finally {
    await client.end()
  }
}

eachDialect('storage foundation', ({ dialect, freshDatabase, useDatabase }) => {
  describe('migrations', () => {
    it('apply on an empty database, and a second run changes nothing', async () => {
      const fresh = await freshDatabase()
      const database = await openDatabase(fresh.url)
      try {
        expect(database.dialect).toBe(dialect)
        expect(await migrate(database.db)).toEqual(Object.keys(migrations))
        expect(await migrate(database.db)).toEqual([])
        const tables = (await database.db.introspection.getTables()).map((t) => t.name)
        expect(tables).toEqual(expect.arrayContaining(['organization', 'report', 'message', 'event', 'outbox', 'report_access']))
      } finally {
        await database.close()
        await fresh.drop()
      }
    })

    it('can be run again after reopening the database', async () => {
      const fresh = await freshDatabase()
      try {
        for (const expected of [Object.keys(migrations), []]) {
          const database = await openDatabase(fresh.url)
          try {
            expect(await migrate(database.db)).toEqual(expected)
          } finally {
            await database.close()
          }
        }
      } finally {
        await fresh.drop()
      }
    })
  })

  describe('on a migrated database', () => {
    const database = useDatabase()

    // Dialect-specific tests are defined only for their dialect, so "skipped" in the summary
    // always means a dialect that could not run.
    if (dialect === 'sqlite') {
      it('SQLite runs in WAL mode with synchronous=FULL', async () => {
        const { db } = database()
        const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)
        const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db)
        const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)
        expect(journal.rows[0]?.journal_mode).toBe('wal')
        expect(synchronous.rows[0]?.synchronous).toBe(2) // FULL
        expect(foreignKeys.rows[0]?.foreign_keys).toBe(1)
      })
    }

    if (dialect === 'postgres') {
      it('PostgreSQL runs with fsync, synchronous_commit and full_page_writes on', async () => {
        const { db } = database()
        for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
          const { rows } = await sql<Record<string, string>>`select current_setting(${setting}) as value`.execute(db)
          expect([setting, rows[0]?.value]).toEqual([setting, 'on'])
        }
      })
    }

    // The guard would refuse these unscoped statements before the database sees them: lift it to test the triggers.
    it('the event log refuses UPDATE and DELETE', async () => {
      const db = acrossOrganizations(database().db)
      await insertOrganization(db, 'org-events')
      await insertEvent(db, 'event-1', 'org-events')

      await expect(db.updateTable('event').set({ type: 'forged' }).where('id', '=', 'event-1').execute()).rejects.toThrow(/append-only/)
      await expect(db.deleteFrom('event').where('id', '=', 'event-1').execute()).rejects.toThrow(/append-only/)
      await expect(db.deleteFrom('event').execute()).rejects.toThrow(/append-only/)

      const rows = await db.selectFrom('event').select(['id', 'type']).where('org_id', '=', 'org-events').execute()
      expect(rows).toEqual([{ id: 'event-1', type: 'organization.created' }])
    })

    it('the event log refuses UPDATE inside a transaction too, and the transaction rolls back', async () => {
      const db = acrossOrganizations(database().db)
      await insertOrganization(db, 'org-tx')
      const attempt = db.transaction().execute(async (tx) => {
        await insertEvent(tx, 'event-tx', 'org-tx')
        await tx.updateTable('event').set({ hash: 'forged' }).where('id', '=', 'event-tx').execute()
      })
      await expect(attempt).rejects.toThrow(/append-only/)
      expect(await db.selectFrom('event').select('id').where('id', '=', 'event-tx').execute()).toEqual([])
    })

    it('times come back as the ISO-8601 UTC strings that were stored', async () => {
      const { db } = database()
      await insertOrganization(db, 'org-time')
      const row = await db.selectFrom('organization').select('created_at').where('id', '=', 'org-time').executeTakeFirstOrThrow()
      expect(row.created_at).toBe(createdAt)
      expect(typeof row.created_at).toBe('string')
    })
  })

  if (dialect !== 'postgres') return
  describe('PostgreSQL connections', () => {
    it('times read back in UTC whatever the session time zone', async () => {
      const fresh = await freshDatabase()
      const url = new URL(fresh.url)
      url.searchParams.set('options', '-c TimeZone=Pacific/Chatham')
      const database = await openDatabase(url.href)
      try {
        await migrate(database.db)
        await database.db
          .insertInto('organization')
          .values({ id: 'o', slug: 'o', name: 'O', ref_prefix: 'O', data_key_wrapped: 'k', created_at: '2026-01-02T16:49:05+13:45' })
          .execute()
        const row = await database.db.selectFrom('organization').select('created_at').executeTakeFirstOrThrow()
        expect(row.created_at).toBe(createdAt)
      } finally {
        await database.close()
        await fresh.drop()
      }
    })

    it('openDatabase refuses a session whose synchronous_commit is off, and lets its connection go', async () => {
      const fresh = await freshDatabase()
      const url = new URL(fresh.url)
      url.searchParams.set('options', '-c synchronous_commit=off')
      try {
        await expect(openDatabase(url.href)).rejects.toThrow(DurabilityError)
        // The refused pool is ended at once, not left to pg's 10 s idle timeout.
        await expect.poll(() => connectionsTo(url), { timeout: 1_000, interval: 100 }).toBe(0)
      } finally {
        await fresh.drop()
      }
    })
  })
})
