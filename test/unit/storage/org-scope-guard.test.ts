import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely'
import { describe, expect, it } from 'vitest'
import { acrossOrganizations } from '../../../src/storage/db.js'
import { orgScopeGuard, UnscopedQueryError } from '../../../src/storage/org-scope-guard.js'
import type { DB } from '../../../src/storage/schema.js'

/** Queries are only compiled here: the guard decides before anything reaches a database. */
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
  plugins: [orgScopeGuard],
})

describe('organization-scope guard', () => {
  it("refuses a query on an organization's rows that does not name the organization", () => {
    expect(() => db.selectFrom('report').selectAll().where('ref', '=', 'ACME-2026-0001').compile()).toThrow(UnscopedQueryError)
    expect(() => db.updateTable('message').set({ body_enc: 'x' }).where('id', '=', 'm-1').compile()).toThrow(UnscopedQueryError)
    expect(() => db.deleteFrom('report_access').where('token_hash', '=', 'h').compile()).toThrow(UnscopedQueryError)
    expect(() =>
      db
        .selectFrom('event')
        .innerJoin('report', 'report.id', 'event.report_id')
        .select('event.type')
        .where('report.ref', '=', 'r')
        .compile(),
    ).toThrow(/select on event, report without an org_id condition/)
  })

  it('checks a subquery on its own: an outer org_id does not scope an inner query', () => {
    expect(() =>
      db
        .selectFrom('report')
        .select('id')
        .where('org_id', '=', 'org-1')
        .where('id', 'in', db.selectFrom('message').select('report_id').where('author_kind', '=', 'reporter'))
        .compile(),
    ).toThrow(/select on message/)
  })

  it('lets through queries that name the organization, tables no organization owns, and instance-wide queries said as such', () => {
    expect(() => db.selectFrom('report').selectAll().where('org_id', '=', 'org-1').where('ref', '=', 'r').compile()).not.toThrow()
    expect(() =>
      db
        .selectFrom('event')
        .innerJoin('report', 'report.id', 'event.report_id')
        .select('event.type')
        .where('event.org_id', '=', 'o')
        .compile(),
    ).not.toThrow()
    expect(() => db.selectFrom('user').selectAll().where('id', '=', 'u-1').compile()).not.toThrow()
    expect(() => acrossOrganizations(db).selectFrom('report').select('id').where('wake_at', '<=', 'now').compile()).not.toThrow()
  })

  it('refuses an insert into an organization-owned table without org_id', () => {
    expect(() =>
      db
        .insertInto('program')
        .values({ id: 'p' } as never)
        .compile(),
    ).toThrow(/insert into program without org_id/)
  })
})
