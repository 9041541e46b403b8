import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app.js'
import { type FreshDatabase, freshDatabase } from '../../support/databases.js'
import { postgres } from '../../support/environment.js'
import { findPostgresBin } from '../../support/pg-cluster.js'

const run = promisify(execFile)
const server = postgres()
const bin = findPostgresBin()
const skipped = !server.available ? server.reason : !bin ? 'pg_dump and pg_restore are not installed' : null

/**
 * The PostgreSQL procedure of docs/operations.md, step by step: `pg_dump --format=custom` of the
 * live database, `pg_restore --no-owner` into a new empty database, Embargo started on it with the
 * same master key: every report reads as before.
 */
describe.skipIf(skipped !== null)(`PostgreSQL backup with pg_dump and pg_restore${skipped ? ` (SKIPPED: ${skipped})` : ''}`, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-pgdump-'))
  const cleanup: Array<() => Promise<void>> = []
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {})
    fs.rmSync(folder, { recursive: true, force: true })
  })
  const started = async (db: FreshDatabase): Promise<TestApp> => {
    const t = await startTestApp(db.url)
    cleanup.push(() => t.close())
    return t
  }

  it('a dump restored into a new database reads every report with the same key', async () => {
    const source = await freshDatabase('postgres')
    cleanup.push(() => source.drop())
    const t = await started(source)
    const org = await t.given.org()
    const admin = await t.given.member(org, 'admin')
    const titles = ['Heap overflow in the parser', 'SSRF through the avatar URL']
    const reports = []
    for (const title of titles) reports.push({ title, ref: (await t.given.report(org, { title })).ref })

    const dump = path.join(folder, 'embargo.dump')
    await run(path.join(bin!, 'pg_dump'), ['--format=custom', '--no-owner', '--file', dump, '--dbname', source.url], { timeout: 60_000 })
    const target = await freshDatabase('postgres')
    cleanup.push(() => target.drop())
    await run(path.join(bin!, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', target.url, dump], { timeout: 60_000 })

    const r = await started(target)
    const browser = r.browser()
    await browser.signIn(admin)
    for (const report of reports) {
      const page = await browser.get(`/w/${org.slug}/reports/${report.ref}`)
      expect(page.statusCode, report.ref).toBe(200)
      expect(page.body).toContain(report.title)
    }
    expect((await r.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
      role: 'all',
      checks: { database: 'ok', migrations: 'ok', masterKey: 'ok' },
    })
  })
})
