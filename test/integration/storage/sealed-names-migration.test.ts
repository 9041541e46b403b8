/**
 * Finding 6 of the outside security review (issue 8): rejection reasons and attachment file names
 * that an older version stored in clear are sealed by the migration that renames their columns,
 * and without the master key the migration refuses instead of leaving them in clear.
 */
import { Migrator, sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { Keyring } from '../../../src/storage/cipher.js'
import { acrossOrganizations, migrate, openDatabase } from '../../../src/storage/db.js'
import { migrationsWith } from '../../../src/storage/migrations/index.js'
import { eachDialect, type FreshDatabase } from '../../support/databases.js'

const at = '2026-11-30T10:00:00.000Z'
const keyring = new Keyring(Buffer.alloc(32, 9))

eachDialect('finding 6: sealing names stored in clear', ({ freshDatabase }) => {
  const opened: { close(): Promise<void>; fresh: FreshDatabase }[] = []
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.close()
      await o.fresh.drop()
    }
  })

  /** A database at the schema before the migration, holding one rejected report with a clear reason and a clear file name. */
  async function legacyDatabase() {
    const fresh = await freshDatabase()
    const opened1 = await openDatabase(fresh.url)
    // A database being migrated is read below the organization-scope guard, as migrations are.
    const database = { ...opened1, db: acrossOrganizations(opened1.db) }
    opened.push({ close: database.close, fresh })
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrationsWith({}) } })
    const { error } = await migrator.migrateTo('2026-11-22T1100-policy')
    if (error) throw error
    const db = database.db as unknown as import('kysely').Kysely<any>
    const wrapped = keyring.newWrappedDataKey('org-1')
    await db
      .insertInto('organization')
      .values({ id: 'org-1', slug: 'acme', name: 'ACME', ref_prefix: 'ACME', data_key_wrapped: wrapped, created_at: at })
      .execute()
    await db.insertInto('reporter').values({ id: 'rep-1', org_id: 'org-1', name_enc: null, email_enc: null, created_at: at }).execute()
    const cipher = keyring.forOrg('org-1', wrapped)
    await db
      .insertInto('report')
      .values({
        id: 'r-1',
        org_id: 'org-1',
        ref: 'ACME-2026-0001',
        reporter_id: 'rep-1',
        status: 'rejected',
        status_reason: 'LEGACY-REASON out of scope',
        title_enc: cipher.encrypt('t', 'report.title|r-1'),
        fields_enc: cipher.encrypt('{}', 'report.fields|r-1'),
        channel: 'email',
        credit_preference: 'anonymous',
        received_at: at,
        updated_at: at,
      })
      .execute()
    await db
      .insertInto('attachment')
      .values({
        id: 'a-1',
        org_id: 'org-1',
        report_id: 'r-1',
        message_id: null,
        safe_name: 'LEGACY-NAME-poc.py',
        content_type: 'text/x-python',
        size: 3,
        sha256: 'x',
        content_enc: cipher.encrypt('YWJj', 'attachment.content|a-1'),
        created_at: at,
      })
      .execute()
    return { database, db, cipher }
  }

  it('finding 6: the migration seals existing rejection reasons and file names, and they still read back', async () => {
    const { database, db, cipher } = await legacyDatabase()
    expect(await migrate(database.db, keyring)).toEqual([
      '2026-12-02T0710-mail-message-ids',
      '2026-12-02T0720-sealed-names',
      '2026-12-02T0730-report-access-report',
      '2026-12-02T1150-credits',
      '2026-12-02T1180-api-tokens',
    ])
    const report = await db.selectFrom('report').select('status_reason_enc').where('id', '=', 'r-1').executeTakeFirstOrThrow()
    const file = await db
      .selectFrom('attachment')
      .select(['safe_name_enc', 'sniffed_type'])
      .where('id', '=', 'a-1')
      .executeTakeFirstOrThrow()
    expect(report.status_reason_enc).not.toContain('LEGACY')
    expect(file.safe_name_enc).not.toContain('LEGACY')
    expect(cipher.decrypt(report.status_reason_enc, 'report.status_reason|r-1')).toBe('LEGACY-REASON out of scope')
    expect(cipher.decrypt(file.safe_name_enc, 'attachment.name|a-1')).toBe('LEGACY-NAME-poc.py')
    // Bound to its row: the sealed reason does not open as another row's.
    expect(() => cipher.decrypt(report.status_reason_enc, 'report.status_reason|r-2')).toThrow()
    const columns = (await database.db.introspection.getTables()).flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`))
    expect(columns).not.toContain('report.status_reason')
    expect(columns).not.toContain('attachment.safe_name')
  })

  it('finding 6: without the master key the migration refuses and leaves the database as it was', async () => {
    const { database, db } = await legacyDatabase()
    await expect(migrate(database.db)).rejects.toThrow(/needs the master key/)
    const row = await db.selectFrom('report').select('status_reason').where('id', '=', 'r-1').executeTakeFirstOrThrow()
    expect(row.status_reason).toBe('LEGACY-REASON out of scope')
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
    expect(applied.rows.map((r) => r.name)).not.toContain('2026-12-02T0720-sealed-names')
  })
})
