/**
 * Issue 8, finding 1: a mail answered 250 must never be dropped because another mail used its
 * Message-ID first. The Message-ID is chosen by the sender, so only identical bytes are a
 * duplicate; a different mail reusing an ID is its own report (or reply), the collision is on the
 * timeline of the reports involved, and the reused ID no longer threads anything.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { type InboundService, startInbound } from '../../../src/mail/inbound-service.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { ingestMail } from '../../../src/mail/ingest-mail.js'
import { messageIdIndex, storeInboundMails } from '../../../src/storage/repositories/mail-repository.js'
import { findReportById } from '../../../src/storage/repositories/report-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { mta } from '../../support/mail.js'

eachDialect('finding 1: a mail answered 250 is never dropped because its Message-ID was seen before', (ctx) => {
  const app = useTestApp(ctx)
  let inbound: InboundService
  let org: OrganizationRow
  let security: string

  beforeAll(async () => {
    const t = app()
    org = await t.given.org()
    security = `security@${org.slug}.example`
    expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
    inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
  })
  afterAll(async () => {
    await inbound?.stop()
  })

  const send = async (mail: Parameters<ReturnType<typeof mta>['sendMail']>[0]) => {
    const client = mta(inbound.smtpPort!)
    try {
      return await client.sendMail({ date: new Date('2026-11-30T10:00:00Z'), ...mail })
    } finally {
      client.close()
    }
  }
  const rowsWithId = (messageId: string) =>
    app()
      .deps.db.selectFrom('inbound_mail')
      .select(['id', 'state', 'report_id', 'received_at'])
      .where('org_id', '=', org.id)
      .where('message_id_index', '=', messageIdIndex(cipherFor(app().deps, org), messageId))
      .orderBy('received_at')
      .orderBy('id')
      .execute()
  const report = async (id: string) => (await findReportById(app().deps.db, cipherFor(app().deps, org), org.id, id))!

  it('finding 1: a different mail reusing a Message-ID is stored as its own report, and the collision is on both timelines', async () => {
    const t = app()
    // Mallory guessed the reporter's Message-ID and sent first.
    const first = await send({
      from: 'mallory@evil.example',
      to: security,
      subject: 'Decoy',
      text: 'Nothing to see',
      messageId: '<victim-1@example.net>',
    })
    const second = await send({
      from: 'Rita Reporter <rita@example.net>',
      to: security,
      subject: 'SQL injection in /login',
      text: "' OR 1=1 -- works in the user field",
      messageId: '<victim-1@example.net>',
    })
    expect(first.response).toMatch(/^250/)
    expect(second.response).toMatch(/^250/)
    await inbound.idle()

    const rows = await rowsWithId('victim-1@example.net')
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.state)).toEqual(['ingested', 'ingested'])
    expect(rows[0]!.report_id).not.toBe(rows[1]!.report_id)
    const [decoy, real] = await Promise.all(rows.map((r) => report(r.report_id!)))
    expect(decoy!.title).toBe('Decoy')
    expect(real!.title).toBe('SQL injection in /login')
    expect(real!.fields.description).toContain('OR 1=1')

    // The team sees the collision on both reports' timelines.
    const admin = await t.given.member(org, 'admin')
    const b = t.browser()
    await b.signIn(admin)
    for (const r of [decoy!, real!]) {
      const page = await b.get(`/w/${org.slug}/reports/${r.ref}`)
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('reused the Message-ID of another, different mail')
    }
  })

  it('finding 1: the same bytes sent twice (a retry after a lost 250) stay one report', async () => {
    const mail = { from: 'retry@example.net', to: security, subject: 'Retry', text: 'same bytes', messageId: '<retry-1@example.net>' }
    expect((await send(mail)).response).toMatch(/^250/)
    expect((await send(mail)).response).toMatch(/^250/)
    await inbound.idle()
    const rows = await rowsWithId('retry-1@example.net')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.state).toBe('ingested')
    const events = await app()
      .deps.db.selectFrom('event')
      .select('type')
      .where('org_id', '=', org.id)
      .where('report_id', '=', rows[0]!.report_id!)
      .where('type', '=', 'mail.message_id_reused')
      .execute()
    expect(events).toHaveLength(0)
  })

  it("finding 1: a reused Message-ID cannot thread a later reply into the spoofer's report", async () => {
    // Mallory first, then the reporter with the same ID; then the reporter answers their own mail.
    await send({ from: 'mallory@evil.example', to: security, subject: 'Trap', text: 'trap', messageId: '<hijack-1@example.net>' })
    await inbound.idle()
    const [trap] = await rowsWithId('hijack-1@example.net')
    await send({ from: 'rita@example.net', to: security, subject: 'Real bug', text: 'real', messageId: '<hijack-1@example.net>' })
    await send({
      from: 'rita@example.net',
      to: security,
      subject: 'Re: Real bug',
      text: 'Secret PoC details for the team',
      messageId: '<hijack-2@example.net>',
      inReplyTo: '<hijack-1@example.net>',
      references: ['<hijack-1@example.net>'],
    })
    await inbound.idle()
    const [followUp] = await rowsWithId('hijack-2@example.net')
    expect(followUp!.state).toBe('ingested')
    expect(followUp!.report_id).not.toBe(trap!.report_id)
    const onTrap = await app()
      .deps.db.selectFrom('message')
      .select('author_kind')
      .where('org_id', '=', org.id)
      .where('report_id', '=', trap!.report_id!)
      .where('author_kind', '=', 'reporter')
      .execute()
    expect(onTrap).toHaveLength(0)
  })

  it("finding 1, the race: a reply ingested before the reused ID's second mail is ingested still does not thread into the spoofer's report", async () => {
    const t = app()
    await send({ from: 'mallory@evil.example', to: security, subject: 'Trap 2', text: 'trap', messageId: '<hijack-9@example.net>' })
    await inbound.idle()
    const [trap] = await rowsWithId('hijack-9@example.net')
    // The reporter's mail with the same ID and then their reply are both stored (answered 250);
    // the reply is ingested first, as concurrent ingestion may do.
    const raw = (headers: string, body: string) =>
      Buffer.from(`${headers}\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n${body}\r\n`)
    const mail = (messageId: string, headers: string, body: string) => {
      const bytes = raw(`From: rita@example.net\r\nTo: ${security}\r\nMessage-ID: <${messageId}>\r\n${headers}`, body)
      return {
        cipher: cipherFor(t.deps, org),
        mail: {
          orgId: org.id,
          source: 'smtp' as const,
          messageId,
          rawSha256: createHash('sha256').update(bytes).digest('hex'),
          raw: bytes,
          envelope: { rcptTo: [security], nullSender: false },
          receivedAt: t.deps.now().toISOString(),
        },
      }
    }
    const stored = await storeInboundMails(t.deps.writes, [
      mail('hijack-9@example.net', 'Subject: Real bug 2', 'real'),
      mail(
        'hijack-10@example.net',
        'Subject: Re: Real bug 2\r\nIn-Reply-To: <hijack-9@example.net>\r\nReferences: <hijack-9@example.net>',
        'Secret PoC',
      ),
    ])
    expect(stored).toHaveLength(2)
    const outcome = await ingestMail(t.deps, org, stored[1]!.id)
    expect(outcome.kind).toBe('report')
    const [followUp] = await rowsWithId('hijack-10@example.net')
    expect(followUp!.report_id).not.toBe(trap!.report_id)
    expect((await ingestMail(t.deps, org, stored[0]!.id)).kind).toBe('report')
  })
})
