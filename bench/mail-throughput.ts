/**
 * Mail throughput through SMTP, in one process over loopback: N mails sent by nodemailer with C
 * concurrent connections to the app's own listener. Two figures per row:
 *  - accepted/s: mails answered 250 (each one stored, sealed and committed first; group commit);
 *  - ingested/s: stored mails turned into reports afterwards (parse, decrypt when encrypted,
 *    report + events + acknowledgment + stored-mail state in one commit), measured on their own.
 * Rows: SQLite and PostgreSQL, plain mail and PGP/MIME mail encrypted to the organization's key.
 *
 *   npx tsx bench/mail-throughput.ts [N=500] [C=16]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import nodemailer from 'nodemailer'
import { createOrganization } from '../src/admin/use-cases/create-organization.js'
import { openApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { composeOutbound } from '../src/mail/compose-outbound.js'
import { startInbound } from '../src/mail/inbound-service.js'
import { generateOrgMailKey, setSecurityAddress } from '../src/mail/index.js'
import { findOrStartPostgres } from './lib/pg-cluster.js'

const N = Number(process.argv[2] ?? 500)
const C = Number(process.argv[3] ?? 16)
const SECURITY = 'security@bench.example'
const quiet = new Writable({ write: (_c, _e, done) => done() })

async function mails(encrypted: boolean, publicKey: string): Promise<{ envelope: { from: string; to: string[] }; raw: Buffer }[]> {
  const text = `Steps to reproduce.\n${'The parameter q is concatenated into SQL. '.repeat(90)}` // ~4 KB
  const out = []
  for (let i = 0; i < N; i++) {
    const m = await composeOutbound({
      from: { address: `finder${i}@example.net` },
      to: { address: SECURITY },
      reference: '',
      subject: `Bench report ${i}`,
      text,
      messageId: `<bench-${encrypted ? 'e' : 'p'}-${i}@example.net>`,
      ...(encrypted ? { recipientPublicKey: publicKey } : {}),
      encryptionRequired: false,
      readLink: 'https://example.net/',
    })
    out.push({ envelope: m.envelope, raw: m.raw })
  }
  return out
}

async function row(databaseUrl: string, dialect: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-bench-mail-'))
  const config = loadConfig({
    EMBARGO_DATABASE_URL: databaseUrl,
    EMBARGO_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    EMBARGO_DATA_DIR: dataDir,
    EMBARGO_LOG_LEVEL: 'warn',
    // C concurrent senders, all from loopback: the per-address limit (default 5) would refuse the rest.
    EMBARGO_SMTP_MAX_PER_ADDRESS: String(C + 4),
  })
  const app = await openApp(config, { logDestination: quiet })
  const created = await createOrganization(app.deps, { slug: 'bench', name: 'Bench' })
  if (!created.ok) throw new Error('org')
  await setSecurityAddress(app.deps, created.value, { address: SECURITY, encryptionRequired: false })
  await generateOrgMailKey(app.deps, created.value)
  const publicKey = (
    await app.deps.db.selectFrom('org_mail').select('public_key').where('org_id', '=', created.value.id).executeTakeFirstOrThrow()
  ).public_key!
  for (const encrypted of [false, true]) {
    // Storing and ingesting are measured apart: SQLite has one writer, so running both at once splits it.
    const inbound = await startInbound(app.deps, { smtp: { host: '127.0.0.1', port: 0 }, ingest: false })
    const batch = await mails(encrypted, publicKey)
    const transports = Array.from({ length: C }, () =>
      nodemailer.createTransport({
        host: '127.0.0.1',
        port: inbound.smtpPort!,
        ignoreTLS: true,
        pool: true,
        maxConnections: 1,
        maxMessages: Infinity,
      }),
    )
    const started = performance.now()
    const queue = [...batch]
    await Promise.all(
      transports.map(async (tr) => {
        for (let m = queue.shift(); m; m = queue.shift()) await tr.sendMail(m)
      }),
    )
    const accepted = performance.now() - started
    const ingestStarted = performance.now()
    await inbound.sweep()
    await inbound.idle()
    const ingested = performance.now() - ingestStarted
    for (const tr of transports) tr.close()
    const kind = encrypted ? 'PGP/MIME' : 'plain'
    process.stdout.write(
      `${dialect.padEnd(10)} ${kind.padEnd(9)} N=${N} C=${C}  accepted ${(N / (accepted / 1000)).toFixed(0).padStart(5)} mails/s   ingested ${(N / (ingested / 1000)).toFixed(0).padStart(5)} mails/s\n`,
    )
    await inbound.stop()
  }
  await app.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}

const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-bench-sqlite-'))
await row(`sqlite:${path.join(sqliteDir, 'embargo.db')}`, 'sqlite')
fs.rmSync(sqliteDir, { recursive: true, force: true })
const pg = await findOrStartPostgres()
if ('skip' in pg) process.stdout.write(`postgres   skipped: ${pg.skip}\n`)
else {
  const name = `embargo_bench_mail_${Date.now()}`
  const url = await pg.createDatabase(name)
  try {
    await row(url, 'postgres')
  } finally {
    await pg.dropDatabase(name).catch(() => undefined)
    pg.stop()
  }
}
process.exit(0)
