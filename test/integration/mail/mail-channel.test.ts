/**
 * The e-mail channel end to end over loopback SMTP: Embargo's own listener receives, the outbox
 * worker sends to a relay (a second smtp-server) that catches what would reach the reporter.
 */
import * as openpgp from 'openpgp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { composeOutbound } from '../../../src/mail/compose-outbound.js'
import { type InboundService, startInbound } from '../../../src/mail/inbound-service.js'
import { generateOrgMailKey, setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { messageIdIndex } from '../../../src/storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { postMessage } from '../../../src/workspace/use-cases/post-message.js'
import { asMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { mta, parseMail, startRelay, type TestRelay } from '../../support/mail.js'

eachDialect('mail channel', (ctx) => {
  const app = useTestApp(ctx)
  let inbound: InboundService
  let relay: TestRelay
  let worker: OutboxWorker
  let org: OrganizationRow
  let security: string
  let orgPublicKey: string

  beforeAll(async () => {
    const t = app()
    t.clock.current = new Date() // keys made now must be valid "now"
    org = await t.given.org()
    security = `security@${org.slug}.example`
    expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
    expect((await generateOrgMailKey(t.deps, org)).ok).toBe(true)
    orgPublicKey = (await t.deps.db.selectFrom('org_mail').select('public_key').where('org_id', '=', org.id).executeTakeFirstOrThrow())
      .public_key!
    inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
    relay = await startRelay()
    worker = createOutboxWorker(t.deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  })
  afterAll(async () => {
    await inbound?.stop()
    await worker?.stop()
    await relay?.close()
  })

  const send = async (mail: Parameters<ReturnType<typeof mta>['sendMail']>[0]) => {
    const client = mta(inbound.smtpPort!)
    try {
      return await client.sendMail(mail)
    } finally {
      client.close()
    }
  }
  const inboundRow = (messageId: string) =>
    app()
      .deps.db.selectFrom('inbound_mail')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('message_id_index', '=', messageIdIndex(cipherFor(app().deps, org), messageId))
      .executeTakeFirstOrThrow()
  const reportOf = (id: string) =>
    app().deps.db.selectFrom('report').selectAll().where('org_id', '=', org.id).where('id', '=', id).executeTakeFirstOrThrow()
  const delivered = async () => {
    const before = relay.received.length
    await worker.runOnce()
    return Promise.all(relay.received.slice(before).map(async (m) => ({ ...m, mail: await parseMail(m.raw) })))
  }

  it('turns a mail to the security address into a report and acknowledges it from the report reply address', async () => {
    const t = app()
    await send({
      from: 'Fiona Finder <finder@example.net>',
      to: security,
      subject: 'XSS in search',
      text: 'Put <script> in q.',
      messageId: '<first-1@example.net>',
    })
    await inbound.idle()
    const row = await inboundRow('first-1@example.net')
    expect(row.state).toBe('ingested')
    const report = await reportOf(row.report_id!)
    expect(report.channel).toBe('email')
    expect(report.reply_token).toMatch(/^[a-z2-7]{24}$/)
    expect(row.raw_enc).not.toContain('script')
    const out = await delivered()
    expect(out).toHaveLength(1)
    const ack = out[0]!
    expect(ack.rcpt).toEqual(['finder@example.net'])
    expect(ack.mail.subject).toBe(`[${report.ref}] We received your report`)
    expect(ack.mail.replyTo?.[0]?.address).toBe(`security+r-${report.reply_token}@${org.slug}.example`)
    expect(ack.mail.inReplyTo).toBe('<first-1@example.net>')
    expect(ack.mail.headers.find((h) => h.key === 'auto-submitted')?.value).toBe('auto-replied')
    expect(ack.mail.text).toContain(`${t.deps.config.publicUrl.origin}/f/`)
  })

  it('threads a reply by reply address and by In-Reply-To, and never answers an auto-reply', async () => {
    const t = app()
    await send({
      from: 'finder@example.net',
      to: security,
      subject: 'Open redirect',
      text: 'next= is not checked',
      messageId: '<thr-1@example.net>',
    })
    await inbound.idle()
    const first = await inboundRow('thr-1@example.net')
    const report = await reportOf(first.report_id!)
    const [ack] = await delivered()
    await send({
      from: 'finder@example.net',
      to: ack!.mail.replyTo![0]!.address!,
      subject: 'Re: x',
      text: 'More detail by reply address',
      messageId: '<thr-2@example.net>',
    })
    await send({
      from: 'finder@example.net',
      to: security,
      subject: 'Re: y',
      text: 'More detail by In-Reply-To',
      inReplyTo: ack!.mail.messageId,
      messageId: '<thr-3@example.net>',
    })
    await send({
      from: 'finder@example.net',
      to: ack!.mail.replyTo![0]!.address!,
      subject: 'Out of office',
      text: 'I am away',
      messageId: '<thr-4@example.net>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    })
    await inbound.idle()
    expect((await inboundRow('thr-2@example.net')).report_id).toBe(report.id)
    expect((await inboundRow('thr-3@example.net')).report_id).toBe(report.id)
    const auto = await inboundRow('thr-4@example.net')
    expect(auto.state).toBe('quarantined')
    expect(auto.reason).toContain('automatic reply')
    const messages = await t.deps.db
      .selectFrom('message')
      .select('author_kind')
      .where('org_id', '=', org.id)
      .where('report_id', '=', report.id)
      .execute()
    expect(messages.filter((m) => m.author_kind === 'reporter')).toHaveLength(2)
    expect(await delivered()).toHaveLength(0) // replies and the auto-reply are not acknowledged
  })

  it('makes a report of an automatic mail without acknowledging it, and stores a duplicate only once', async () => {
    const t = app()
    const outboxBefore = (await t.deps.db.selectFrom('outbox').select('id').where('org_id', '=', org.id).execute()).length
    const scan = {
      from: 'scanner@example.net',
      to: security,
      subject: 'Scan result',
      text: 'TLS 1.0 enabled',
      messageId: '<scan-1@example.net>',
      headers: { 'Auto-Submitted': 'auto-generated' },
      // A retry carries the same bytes (an MTA re-sends its queue file), so nodemailer must not stamp a new Date.
      date: new Date('2026-11-30T10:00:00Z'),
    }
    await send(scan)
    await send(scan) // an SMTP retry after a lost 250
    await inbound.idle()
    const rows = await t.deps.db
      .selectFrom('inbound_mail')
      .select(['state', 'report_id'])
      .where('org_id', '=', org.id)
      .where('message_id_index', '=', messageIdIndex(cipherFor(t.deps, org), 'scan-1@example.net'))
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.state).toBe('ingested')
    expect((await t.deps.db.selectFrom('outbox').select('id').where('org_id', '=', org.id).execute()).length).toBe(outboxBefore)
  })

  it('decrypts a PGP/MIME mail to the org key, keeps the attached reporter key, and answers encrypted to it', async () => {
    const t = app()
    const reporter = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'crypto@example.net' }],
      date: new Date(Date.now() - 3_600_000),
      format: 'object',
    })
    // The reporter's first mail carries their public key; their second mail is encrypted to us.
    await send({
      from: 'crypto@example.net',
      to: security,
      subject: 'Key',
      text: 'Here is my key',
      messageId: '<pgp-1@example.net>',
      attachments: [{ filename: 'key.asc', contentType: 'application/pgp-keys', content: reporter.publicKey.armor() }],
    })
    const encrypted = await composeOutbound({
      from: { address: 'crypto@example.net' },
      to: { address: security },
      reference: '',
      subject: 'Report',
      text: 'RCE via deserialization in /import',
      messageId: '<pgp-2@example.net>',
      recipientPublicKey: orgPublicKey,
      encryptionRequired: true,
      readLink: 'https://example.net/',
    })
    expect(encrypted.encrypted).toBe(true)
    const client = mta(inbound.smtpPort!)
    await client.sendMail({ envelope: encrypted.envelope, raw: encrypted.raw })
    client.close()
    await inbound.idle()
    const keyed = await inboundRow('pgp-1@example.net')
    const reporterRow = await t.deps.db
      .selectFrom('reporter')
      .select(['public_key_status'])
      .where('org_id', '=', org.id)
      .where('id', '=', (await reportOf(keyed.report_id!)).reporter_id)
      .executeTakeFirstOrThrow()
    expect(reporterRow.public_key_status).toBe('proposed')
    const attachments = await t.deps.db
      .selectFrom('attachment')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('report_id', '=', keyed.report_id!)
      .execute()
    // File names are sealed at rest (finding 6): read through the organization's cipher.
    const cipher = (await import('../../../src/deps.js')).cipherFor(t.deps, org)
    expect(attachments.map((a) => cipher.decrypt(a.safe_name_enc, `attachment.name|${a.id}`))).toEqual(['key.asc'])
    const decrypted = await inboundRow('pgp-2@example.net')
    expect(decrypted.state).toBe('ingested')
    const { findReportById } = await import('../../../src/storage/repositories/report-repository.js')
    const { cipherFor } = await import('../../../src/deps.js')
    const stored = await findReportById(t.deps.db, cipherFor(t.deps, org), org.id, decrypted.report_id!)
    expect(stored!.fields.description).toContain('RCE via deserialization')

    await delivered() // the two acknowledgments
    const keyedReport = await reportOf(keyed.report_id!)
    const member = await t.given.member(org, 'responder')
    expect(
      (
        await postMessage(t.deps, org, keyedReport.ref, {
          member: asMember(member),
          body: 'Thanks, we can reproduce it.',
          visibility: 'reporter',
        })
      ).ok,
    ).toBe(true)
    const [answer] = await delivered()
    expect(answer!.mail.subject).toBe(`[${keyedReport.ref}] New reply on your report`)
    expect(answer!.raw.toString()).not.toContain('reproduce')
    expect(answer!.raw.toString()).toContain('multipart/encrypted')
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(answer!.raw.toString())![0]
    const plain = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: armored }),
      decryptionKeys: reporter.privateKey,
    })
    expect(String(plain.data)).toContain('we can reproduce it')
  })

  it('sends only a link when the organization requires encryption and no key is known', async () => {
    const t = app()
    await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: true })
    try {
      await send({ from: 'plain@example.net', to: security, subject: 'Plain', text: 'text', messageId: '<enc-1@example.net>' })
      await inbound.idle()
      const report = await reportOf((await inboundRow('enc-1@example.net')).report_id!)
      await delivered()
      const member = await t.given.member(org, 'responder')
      await postMessage(t.deps, org, report.ref, { member: asMember(member), body: 'The confidential answer', visibility: 'reporter' })
      const [out] = await delivered()
      expect(out!.raw.toString()).not.toContain('confidential answer')
      expect(out!.mail.text).toContain('not sent by unencrypted e-mail')
    } finally {
      await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })
    }
  })

  it('retries temporary failures with backoff, dead-letters permanent ones, and an admin retry sends it', async () => {
    const t = app()
    await send({ from: 'dead@example.net', to: security, subject: 'Dead', text: 'x', messageId: '<dead-1@example.net>' })
    await inbound.idle()
    relay.refuseWith = 451
    expect(await delivered()).toHaveLength(0)
    const row = () =>
      t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).where('done_at', 'is', null).executeTakeFirstOrThrow()
    const temp = await row()
    expect(temp.attempts).toBe(1)
    expect(temp.dead_at).toBeNull()
    expect(new Date(temp.next_attempt_at).getTime()).toBe(t.clock.now().getTime() + 60_000)
    t.clock.advance(61_000)
    relay.refuseWith = 550
    expect(await delivered()).toHaveLength(0)
    const dead = await row()
    expect(dead.dead_at).not.toBeNull()
    expect(dead.last_error).toContain('550')
    relay.refuseWith = null
    expect(await delivered()).toHaveLength(0) // dead letters are not retried by themselves

    const admin = await t.given.member(org, 'admin')
    const b = t.browser()
    await b.signIn(admin)
    const page = await b.get(`/w/${org.slug}/admin/mail`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('550')
    const retry = await b.submit(`/w/${org.slug}/admin/mail`, `/w/${org.slug}/admin/mail/outbox/${dead.id}/retry`, {})
    expect(retry.statusCode).toBe(303)
    const out = await delivered()
    expect(out.map((o) => o.rcpt)).toEqual([['dead@example.net']])
  })

  it('publishes the public key at /o/:org/openpgp.asc', async () => {
    const t = app()
    const res = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/openpgp.asc` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/pgp-keys')
    expect(res.body).toBe(orgPublicKey)
  })
})
