import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app.js'

const run = promisify(execFile)
const withoutEmbargoSettings = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EMBARGO_')))

/**
 * `embargo backup` while the server runs, then `embargo restore` into a fresh data folder with
 * the same key file: every report reads as before. SQLite only; PostgreSQL is backed up with
 * pg_dump (docs/operations.md, and postgres-dump.test.ts).
 */
describe('embargo backup and restore (SQLite)', { timeout: 120_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-backup-'))
  const first = path.join(root, 'first')
  const second = path.join(root, 'second')
  const backupFile = path.join(root, 'backups', 'embargo-backup.db')
  const apps: TestApp[] = []
  afterAll(async () => {
    for (const a of apps) await a.close().catch(() => {})
    fs.rmSync(root, { recursive: true, force: true })
  })

  const keyFileIn = (dir: string) => path.join(dir, 'master.key')
  const cli = (dataDir: string, args: string[]) =>
    run('npx', ['tsx', 'src/cli/index.ts', ...args], {
      // Only the data folder is set: the database and the key file are where an operator's would be.
      env: { ...withoutEmbargoSettings(), EMBARGO_DATA_DIR: dataDir, EMBARGO_LOG_LEVEL: 'warn' },
      timeout: 60_000,
    })
  const appOn = async (dataDir: string) => {
    const a = await startTestApp(`sqlite:${path.join(dataDir, 'embargo.db')}`, { masterKey: undefined, masterKeyFile: keyFileIn(dataDir) })
    apps.push(a)
    return a
  }

  it('copies the live database, names the key file to keep apart, and a fresh data folder with that key reads every report', async () => {
    fs.mkdirSync(first, { recursive: true, mode: 0o700 })
    fs.writeFileSync(keyFileIn(first), `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600 })
    const t = await appOn(first)
    const org = await t.given.org()
    const admin = await t.given.member(org, 'admin')
    const titles = ['Heap overflow in the parser', 'SSRF through the avatar URL', 'Session fixation after SSO']
    const reports = []
    for (const title of titles) reports.push({ title, ref: (await t.given.report(org, { title })).ref })

    // The server keeps running (and its connection open) while the backup is taken.
    const made = await cli(first, ['backup', backupFile])
    expect(made.stdout).toContain(`Backed up 1 organization(s) and ${titles.length} report(s)`)
    expect(made.stdout).toContain(keyFileIn(first))
    expect(made.stdout).toContain('apart')
    expect((fs.statSync(backupFile).mode & 0o777).toString(8)).toBe('600')
    // A second backup to the same file is refused rather than overwriting the first.
    await expect(cli(first, ['backup', backupFile])).rejects.toMatchObject({ stderr: expect.stringContaining('exists already') })
    // Written after the backup: not in it.
    await t.given.report(org, { title: 'Written after the backup' })

    // A new machine: an empty data folder, the key file copied from the safe place it was kept.
    fs.mkdirSync(second, { recursive: true, mode: 0o700 })
    fs.copyFileSync(keyFileIn(first), keyFileIn(second))
    fs.chmodSync(keyFileIn(second), 0o600)
    const restored = await cli(second, ['restore', backupFile])
    expect(restored.stdout).toContain(`Restored 1 organization(s) and ${titles.length} report(s)`)

    const r = await appOn(second)
    const browser = r.browser()
    await browser.signIn(admin)
    for (const report of reports) {
      const page = await browser.get(`/w/${org.slug}/reports/${report.ref}`)
      expect(page.statusCode, report.ref).toBe(200)
      expect(page.body).toContain(report.title)
    }
    const queue = await browser.get(`/w/${org.slug}/reports`)
    expect(queue.body).not.toContain('Written after the backup')
    expect((await r.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
  })

  it('refuses to restore over a database that holds data unless told --force', async () => {
    const refused = cli(second, ['restore', backupFile])
    await expect(refused).rejects.toMatchObject({ stderr: expect.stringContaining('--force') })
    const forced = await cli(second, ['restore', backupFile, '--force'])
    expect(forced.stdout).toContain('Restored 1 organization(s)')
  })

  it('refuses a file that is not an Embargo backup', async () => {
    const junk = path.join(root, 'junk.db')
    fs.writeFileSync(junk, 'not a database at all, just text')
    const empty = path.join(root, 'empty-folder')
    await expect(cli(empty, ['restore', junk])).rejects.toMatchObject({ stderr: expect.stringContaining('cannot restore') })
    expect(fs.existsSync(path.join(empty, 'embargo.db'))).toBe(false)
  })

  it('without the key the restored reports cannot be opened, and readiness says so', async () => {
    const third = path.join(root, 'third')
    fs.mkdirSync(third, { recursive: true, mode: 0o700 })
    await cli(third, ['restore', backupFile])
    // The operator lost the key file: a new one is generated, which opens nothing of the backup.
    const r = await appOn(third)
    const ready = await r.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(503)
    expect(ready.json().checks).toEqual({ database: 'ok', migrations: 'ok', masterKey: 'failed' })
  })
})
