import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { startInbound } from '../../../src/mail/inbound-service.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { messageIdIndex } from '../../../src/storage/repositories/mail-repository.js'
import { startTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { mta } from '../../support/mail.js'

/**
 * "A copy of the database without the key reveals no report text": submit a report full of
 * recognizable canaries, reply to it, add a note, then read every byte of a copy of the SQLite
 * file (and its WAL) and look for them.
 */
describe('encryption at rest', () => {
  it('leaves no report text, message, reporter name or address in a copy of the database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-rest-'))
    const file = path.join(dir, 'embargo.db')
    const t = await startTestApp(`sqlite:${file}`)
    const canaries = {
      title: 'CANARY-TITLE-7f3a',
      description: 'CANARY-DESCRIPTION-91bd heap overflow in parser',
      steps: 'CANARY-STEPS-22c0',
      impact: 'CANARY-IMPACT-5e11',
      affectedVersion: 'CANARY-VERSION-0a9f',
      reporterName: 'CANARY-NAME-3d4e',
      reporterEmail: 'canary-mail-8c2b@example.net',
      creditPreference: 'name',
    }
    try {
      const org = await t.given.org()
      const alice = await t.given.member(org, 'responder')
      const report = await t.given.report(org, canaries)
      const team = t.browser()
      await team.signIn(alice)
      const page = `/w/${org.slug}/reports/${report.ref}`
      await team.submit(page, `${page}/claim`, {})
      await team.submit(page, `${page}/messages`, { body: 'CANARY-REPLY-6b1c', visibility: 'reporter' })
      await team.submit(page, `${page}/messages`, { body: 'CANARY-NOTE-4f0d', visibility: 'internal' })
      // The app can read it all back …
      const shown = await team.get(page)
      for (const value of [canaries.title, canaries.description, 'CANARY-REPLY-6b1c', 'CANARY-NOTE-4f0d', canaries.reporterEmail]) {
        expect(shown.body).toContain(value)
      }
    } finally {
      await t.close()
    }
    // … but a copy of the files, without the master key, reveals none of it.
    const copy = path.join(dir, 'copy.db')
    const source = new SQLite(file, { readonly: true })
    await source.backup(copy)
    source.close()
    const bytes = Buffer.concat([file, `${file}-wal`, copy].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))).toString(
      'latin1',
    )
    for (const canary of [
      ...Object.values(canaries).filter((v) => v !== 'name'),
      'CANARY-REPLY-6b1c',
      'CANARY-NOTE-4f0d',
      'canary-mail-8c2b',
    ]) {
      expect(bytes.includes(canary), `${canary} found in the database file`).toBe(false)
    }
    expect(bytes.includes('CANARY'), 'some canary found in the database file').toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('finding 6: leaves no Message-ID of an inbound mail in a copy of the database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-rest-msgid-'))
    const file = path.join(dir, 'embargo.db')
    const t = await startTestApp(`sqlite:${file}`)
    const canaryId = 'CANARY-MSGID-5a7e@example.net'
    try {
      const org = await t.given.org()
      const security = `security@${org.slug}.example`
      expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
      const inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
      try {
        const client = mta(inbound.smtpPort!)
        await client.sendMail({ from: 'finder@example.net', to: security, subject: 'Bug', text: 'details', messageId: `<${canaryId}>` })
        client.close()
        await inbound.idle()
      } finally {
        await inbound.stop()
      }
      // Stored and linked for threading: the app finds it back through the blind index.
      const cipher = cipherFor(t.deps, org)
      const row = await t.deps.db
        .selectFrom('mail_thread')
        .select('report_id')
        .where('org_id', '=', org.id)
        .where('message_id_index', '=', messageIdIndex(cipher, canaryId))
        .executeTakeFirst()
      expect(row?.report_id).toBeTruthy()
    } finally {
      await t.close()
    }
    const copy = path.join(dir, 'copy.db')
    const source = new SQLite(file, { readonly: true })
    await source.backup(copy)
    source.close()
    const bytes = Buffer.concat([file, `${file}-wal`, copy].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))).toString(
      'latin1',
    )
    expect(bytes.includes('CANARY-MSGID'), 'the Message-ID found in the database file').toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

// ---- finding 6 (issue 8): rejection reason and attachment file names, on both databases ----------

/** Every byte a copy of the database holds: the SQLite file and its WAL, or every PostgreSQL row as text. */
async function rawDatabaseText(url: string): Promise<string> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length)
    const copy = `${file}.copy`
    const source = new SQLite(file, { readonly: true })
    await source.backup(copy)
    source.close()
    return Buffer.concat([file, `${file}-wal`, copy].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))).toString('latin1')
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows: tables } = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'")
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['report', 'attachment', 'message', 'inbound_mail', 'event']))
    const parts: string[] = []
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`select t::text as row from "${name}" t`)
      parts.push(...rows.map((r) => r.row))
    }
    return parts.join('\n')
  } finally {
    await client.end()
  }
}

eachDialect('finding 6: encryption at rest', (ctx) => {
  it('finding 6: no report text, rejection reason or attachment file name is readable in the database', async () => {
    const fresh = await ctx.freshDatabase()
    const canaries = {
      title: 'CANARY-TITLE-7f3a',
      description: 'CANARY-DESCRIPTION-91bd heap overflow in parser',
      reporterName: 'CANARY-NAME-3d4e',
      reporterEmail: 'canary-mail-8c2b@example.net',
    }
    const reason = 'CANARY-REASON-2e7d out of scope: the staging host'
    const fileName = 'CANARY-FILENAME-1c9e.txt'
    try {
      const t = await startTestApp(fresh.url)
      try {
        const org = await t.given.org()
        const alice = await t.given.member(org, 'responder')
        const team = t.browser()
        await team.signIn(alice)
        // A web report, rejected with a reason.
        const report = await t.given.report(org, canaries)
        const page = `/w/${org.slug}/reports/${report.ref}`
        expect((await team.submit(page, `${page}/status`, { to: 'rejected', reason })).statusCode).toBe(303)
        expect((await team.get(page)).body).toContain('CANARY-REASON-2e7d')
        // A mail report with an attachment, downloaded once.
        const security = `security@${org.slug}.example`
        expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
        const inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
        const client = mta(inbound.smtpPort!)
        await client.sendMail({
          from: 'reporter@example.net',
          to: security,
          subject: 'Proof attached',
          text: 'See the file.',
          messageId: '<rest-1@example.net>',
          attachments: [{ filename: fileName, contentType: 'text/plain', content: 'proof\n' }],
        })
        client.close()
        await inbound.stop()
        const mailed = await t.deps.db
          .selectFrom('report')
          .select('ref')
          .where('org_id', '=', org.id)
          .where('channel', '=', 'email')
          .executeTakeFirstOrThrow()
        const mailPage = (await team.get(`/w/${org.slug}/reports/${mailed.ref}`)).body
        const href = new RegExp(`href="([^"]+)" download="${fileName}"`).exec(mailPage)?.[1]
        expect(href, 'the file is listed by its name').toBeDefined()
        expect((await team.get(href!)).statusCode).toBe(200)
      } finally {
        await t.close()
      }
      const bytes = await rawDatabaseText(fresh.url)
      for (const canary of [...Object.values(canaries), 'CANARY-REASON-2e7d', 'CANARY-FILENAME-1c9e']) {
        expect(bytes.includes(canary), `${canary} found in the ${ctx.dialect} database`).toBe(false)
      }
      expect(bytes.includes('CANARY'), `some canary found in the ${ctx.dialect} database`).toBe(false)
    } finally {
      await fresh.drop()
    }
  })
})
