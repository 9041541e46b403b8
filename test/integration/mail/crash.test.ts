/**
 * Nothing lost, nothing doubled: the server runs as a child process, N mails arrive concurrently
 * over SMTP, the server is SIGKILLed mid-stream (while it is still accepting and ingesting), then
 * restarted; the sending side retries what it did not see answered 250, and re-sends some of what
 * it did (an MTA that lost the 250). Every mail answered 250 must end on exactly one report.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, expect, it } from 'vitest'
import { createOrganization } from '../../../src/admin/use-cases/create-organization.js'
import { openApp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config.js'
import { cipherFor } from '../../../src/deps.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { Keyring } from '../../../src/storage/cipher.js'
import { acrossOrganizations, openDatabase } from '../../../src/storage/db.js'
import { findReportById } from '../../../src/storage/repositories/report-repository.js'
import { eachDialect } from '../../support/databases.js'
import { mta } from '../../support/mail.js'

const N = 240
const KILL_AFTER = 60
const masterKey = Buffer.alloc(32, 9)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
    })
  })

const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
})

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r))

function serve(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out.slice(-2000)}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('"event":"smtp.listening"')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out.slice(-2000)}`)))
  })
}

eachDialect('mail survives a crash', (ctx) => {
  it(`stores every mail answered 250 on exactly one report after SIGKILL and restart (${N} mails)`, { timeout: 180_000 }, async () => {
    const fresh = await ctx.freshDatabase()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-crash-'))
    try {
      const env = {
        EMBARGO_DATABASE_URL: fresh.url,
        EMBARGO_MASTER_KEY: masterKey.toString('base64'),
        EMBARGO_DATA_DIR: dataDir,
        EMBARGO_LOG_LEVEL: 'info',
        EMBARGO_HOST: '127.0.0.1',
        EMBARGO_PORT: String(await freePort()),
        EMBARGO_SMTP_LISTEN: `127.0.0.1:${await freePort()}`,
        // Here 12 concurrent senders stand for many MTAs but all come from 127.0.0.1; the per-address
        // limit (finding 8) would refuse most of them with 421.
        EMBARGO_SMTP_MAX_PER_ADDRESS: '50',
      }
      const smtpPort = Number(env.EMBARGO_SMTP_LISTEN.split(':')[1])
      const setup = await openApp(loadConfig(env), { logDestination: new Writable({ write: (_c, _e, done) => done() }) })
      const created = await createOrganization(setup.deps, { slug: 'crashco', name: 'Crash Co' })
      if (!created.ok) throw new Error('org')
      const org = created.value
      await setSecurityAddress(setup.deps, org, { address: 'security@crash.example', encryptionRequired: false })
      await setup.close()

      const mail = (i: number) => ({
        from: `finder${i}@example.net`,
        to: 'security@crash.example',
        subject: `Crash report ${i}`,
        text: `Body of report ${i}`,
        messageId: `<crash-${i}@example.net>`,
        // A re-send carries the same bytes (an MTA keeps its queue file): no fresh Date stamp.
        date: new Date('2026-11-30T10:00:00Z'),
      })
      async function sendAll(indices: number[], onAck: (i: number) => void, concurrency = 12) {
        const queue = [...indices]
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
              const client = mta(smtpPort)
              try {
                await client.sendMail(mail(i))
                onAck(i)
              } catch {
                // not answered 250: the sending MTA keeps it and retries later
              } finally {
                client.close()
              }
            }
          }),
        )
      }

      let server = await serve(env)
      const acked = new Set<number>()
      let killed = false
      await sendAll(
        Array.from({ length: N }, (_, i) => i),
        (i) => {
          acked.add(i)
          if (!killed && acked.size >= KILL_AFTER) {
            killed = true
            server.kill('SIGKILL')
          }
        },
      )
      expect(killed).toBe(true)
      const ackedBeforeCrash = new Set(acked)
      expect(ackedBeforeCrash.size).toBeLessThan(N)

      await exited(server)
      // What the crash left: mails answered 250 but not yet on a report (ingested by the restart's sweep).
      const afterCrash = await openDatabase(fresh.url)
      const pending = await acrossOrganizations(afterCrash.db)
        .selectFrom('inbound_mail')
        .select('id')
        .where('state', '=', 'received')
        .execute()
      const stored = await acrossOrganizations(afterCrash.db).selectFrom('inbound_mail').select(['id', 'message_id_enc']).execute()
      await afterCrash.close()
      const sealedIds = cipherFor({ keyring: new Keyring(masterKey) }, org)
      const storedIds = new Set(stored.map((r) => sealedIds.decrypt(r.message_id_enc, `inbound_mail.message_id|${r.id}`)))
      for (const i of ackedBeforeCrash)
        expect(storedIds.has(`crash-${i}@example.net`), `mail ${i} was answered 250 but not stored`).toBe(true)
      process.stdout.write(
        `[${ctx.dialect}] at the crash: ${ackedBeforeCrash.size} answered 250, ${stored.length} stored, ${pending.length} not yet ingested\n`,
      )
      server = await serve(env)
      // Retry what was not answered, and re-send a third of what was (an MTA that lost our 250).
      const retry = Array.from({ length: N }, (_, i) => i).filter((i) => !ackedBeforeCrash.has(i) || i % 3 === 0)
      await sendAll(retry, (i) => acked.add(i))
      expect(acked.size).toBe(N)

      const database = await openDatabase(fresh.url)
      try {
        const db = acrossOrganizations(database.db)
        for (let waited = 0; ; waited += 100) {
          const left = await acrossOrganizations(db).selectFrom('inbound_mail').select('id').where('state', '=', 'received').execute()
          if (left.length === 0) break
          if (waited > 60_000) throw new Error(`${left.length} mails still not ingested`)
          await new Promise((r) => setTimeout(r, 100))
        }
        const rows = await db.selectFrom('inbound_mail').select(['state', 'report_id']).where('org_id', '=', org.id).execute()
        expect(rows).toHaveLength(N)
        expect(rows.every((r) => r.state === 'ingested' && r.report_id !== null)).toBe(true)
        const reports = await db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()
        expect(reports).toHaveLength(N)
        expect(new Set(rows.map((r) => r.report_id)).size).toBe(N)
        const cipher = cipherFor({ keyring: new Keyring(masterKey) }, org)
        const titles = await Promise.all(reports.map(async (r) => (await findReportById(db, cipher, org.id, r.id))!.title))
        expect(titles.sort()).toEqual(Array.from({ length: N }, (_, i) => `Crash report ${i}`).sort())
      } finally {
        await database.close()
      }
      server.kill('SIGTERM')
      await exited(server)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
      await fresh.drop()
    }
  })
})
