/**
 * Issue 13, item 5: every read of a report's text is in the organization's audit log beside the
 * changes, hash-chained with them; an administrator reads the log on a page with filters, and
 * `embargo audit verify` finds a row that was changed in the database behind Embargo's back.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../src/audit/index.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { startTestApp, type TestApp, type TestMember } from '../../support/app.js'
import { eachDialect, type FreshDatabase } from '../../support/databases.js'

const run = promisify(execFile)
const masterKey = Buffer.alloc(32, 7).toString('base64') // the key startTestApp uses

eachDialect('the audit log of reads and changes', (ctx) => {
  let t: TestApp
  let fresh: FreshDatabase
  let org: OrganizationRow
  let admin: TestMember
  let reader: TestMember
  beforeAll(async () => {
    fresh = await ctx.freshDatabase()
    t = await startTestApp(fresh.url)
    org = await t.given.org()
    admin = await t.given.member(org, 'admin', 'Ada Admin')
    reader = await t.given.member(org, 'viewer', 'Vic Viewer')
  })
  afterAll(async () => {
    await t?.close()
    await fresh?.drop()
  })

  const auditPage = async (query = '') => {
    const b = t.browser()
    await b.signIn(admin)
    return b.get(`/w/${org.slug}/admin/audit${query}`)
  }

  it('reading a report shows up in the audit log: who read which report, and when', async () => {
    const report = await t.given.report(org, { title: 'Heap overflow in the parser' })
    const b = t.browser()
    await b.signIn(reader)
    t.clock.advance(60_000)
    const page = await b.get(`/w/${org.slug}/reports/${report.ref}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Heap overflow in the parser')

    const log = await auditPage(`?ref=${report.ref}&kind=report.read`)
    expect(log.statusCode).toBe(200)
    const rows = log.body.split('<tr').slice(2) // the header row, then one per entry
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('Vic Viewer')
    expect(rows[0]).toContain('Read the report')
    expect(rows[0]).toContain(report.ref)
    // The report's timeline does not grow with every visit.
    expect((await b.get(`/w/${org.slug}/reports/${report.ref}`)).body).not.toContain('Read the report')
  })

  it('the audit log filters by who, by kind and by date, and its link is in the administrators’ navigation', async () => {
    const report = await t.given.report(org)
    const b = t.browser()
    await b.signIn(admin)
    await b.get(`/w/${org.slug}/reports/${report.ref}`)
    const all = await auditPage()
    expect(all.body).toContain(`href="/w/${org.slug}/admin/audit"`)
    expect(all.body).toContain('Report received')
    const byViewer = await auditPage(`?who=${reader.id}`)
    expect(byViewer.body).toContain('Vic Viewer')
    expect(byViewer.body).not.toContain('Ada Admin</td>')
    const before = await auditPage('?to=2020-01-01')
    expect(before.body).toContain('No entries match these filters.')
    // The page is for administrators only; a viewer's navigation does not offer it.
    const v = t.browser()
    await v.signIn(reader)
    expect((await v.get(`/w/${org.slug}/admin/audit`)).statusCode).toBe(403)
    expect((await v.get(`/w/${org.slug}/reports`)).body).not.toContain('/admin/audit')
  })

  it('a row changed in the database behind Embargo’s back makes “embargo audit verify” fail, naming that row', async () => {
    const env = { ...process.env, EMBARGO_DATABASE_URL: fresh.url, EMBARGO_MASTER_KEY: masterKey, EMBARGO_LOG_LEVEL: 'warn' }
    const cli = (args: string[]) => run('npx', ['tsx', 'src/cli/index.ts', 'audit', 'verify', ...args], { env, timeout: 60_000 })
    const holds = await cli(['--org', org.slug])
    expect(holds.stdout).toContain(`${org.slug}: the audit chain holds.`)

    // Someone with database access rewrites who read the first report: the append-only trigger must be lifted first.
    const db = t.deps.db
    if (ctx.dialect === 'postgres') await sql`alter table event disable trigger event_no_update`.execute(db)
    else await sql`drop trigger event_no_update`.execute(db)
    const read = await db
      .selectFrom('event')
      .select(['id', 'seq'])
      .where('org_id', '=', org.id)
      .where('type', '=', 'report.read')
      .orderBy('seq')
      .executeTakeFirstOrThrow()
    await db.updateTable('event').set({ actor_id: admin.id }).where('org_id', '=', org.id).where('id', '=', read.id).execute()

    const verdict = await verifyAuditChain(t.deps, org.slug)
    expect(verdict.ok && verdict.value[0]?.broken).toMatchObject({ seq: Number(read.seq), id: read.id })
    const failed = await cli(['--org', org.slug]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toContain(`broken at row ${read.seq} (event ${read.id})`)
  }, 120_000)
})
