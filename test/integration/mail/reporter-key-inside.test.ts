/**
 * Issue 8, finding 10: a reporter's public key sent the way mail clients send it (Thunderbird's
 * "attach my public key" puts it INSIDE the encrypted part) must be found, so the acknowledgment
 * and the team's replies go out encrypted to it, signed with the organization's key (RFC 3156),
 * and only automatic mail says `Auto-Submitted`. gpg on both ends, real SMTP in and out.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
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

const hasGpg = spawnSync('gpg', ['--version']).status === 0
const REPORTER = 'rita@example.net'

eachDialect('finding 10: a reporter key inside the encrypted part', (ctx) => {
  const app = useTestApp(ctx)
  let inbound: InboundService
  let relay: TestRelay
  let worker: OutboxWorker
  let org: OrganizationRow
  let security: string
  let orgFingerprint: string
  let home = ''

  const gpg = (args: string[], input?: string | Buffer) =>
    execFileSync(
      'gpg',
      ['--homedir', home, '--batch', '--quiet', '--pinentry-mode', 'loopback', '--passphrase', '', '--trust-model', 'always', ...args],
      { input: input ?? '', stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 },
    )

  beforeAll(async () => {
    if (!hasGpg) return
    const t = app()
    t.clock.current = new Date() // keys made now must be valid "now"
    org = await t.given.org()
    security = `security@${org.slug}.example`
    expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
    expect((await generateOrgMailKey(t.deps, org)).ok).toBe(true)
    const settings = await t.deps.db
      .selectFrom('org_mail')
      .select(['public_key', 'fingerprint'])
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow()
    orgFingerprint = settings.fingerprint!
    home = mkdtempSync(join(tmpdir(), 'embargo-gpg-f10-'))
    gpg(['--import'], settings.public_key!)
    gpg(['--quick-gen-key', `Rita <${REPORTER}>`, 'future-default', 'default', 'never'])
    inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
    relay = await startRelay()
    worker = createOutboxWorker(t.deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  }, 60_000)
  afterAll(async () => {
    await inbound?.stop()
    await worker?.stop()
    await relay?.close()
    if (home) {
      spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'])
      rmSync(home, { recursive: true, force: true })
    }
  })

  const delivered = async () => {
    const before = relay.received.length
    await worker.runOnce()
    return Promise.all(relay.received.slice(before).map(async (m) => ({ ...m, mail: await parseMail(m.raw) })))
  }

  /** gpg decrypts the PGP/MIME payload and checks the signature; returns the plaintext and gpg's status lines. */
  function openWithGpg(raw: Buffer): { plain: string; status: string } {
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(raw.toString())![0]
    const out = spawnSync(
      'gpg',
      ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--status-fd', '2', '--decrypt'],
      { input: armored, timeout: 30_000 },
    )
    return { plain: out.stdout.toString(), status: out.stderr.toString() }
  }

  it.skipIf(!hasGpg)(
    'finding 10: a key attached inside the encrypted part is used: acknowledgment and team reply encrypted to it and signed by the org',
    async () => {
      const t = app()
      t.clock.current = new Date(Date.now() + 1000) // after gpg made the reporter's key
      const reporterKey = gpg(['--armor', '--export', REPORTER]).toString()
      // What Thunderbird builds: the key is a part of the encrypted multipart/mixed, not outside it.
      const inner =
        'Content-Type: multipart/mixed; boundary="inner"\r\n\r\n' +
        '--inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPre-auth RCE in the upload handler.\r\n' +
        `--inner\r\nContent-Type: application/pgp-keys; name="OpenPGP_0xRITA.asc"\r\nContent-Disposition: attachment; filename="OpenPGP_0xRITA.asc"\r\n\r\n${reporterKey.replace(/\r?\n/g, '\r\n')}\r\n` +
        '--inner--\r\n'
      const armored = gpg(['--armor', '--encrypt', '-r', orgFingerprint], inner).toString()
      const raw = Buffer.from(
        `From: Rita <${REPORTER}>\r\nTo: ${security}\r\nSubject: ...\r\nMessage-ID: <f10-1@example.net>\r\nMIME-Version: 1.0\r\n` +
          'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="enc"\r\n\r\n' +
          '--enc\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n' +
          `--enc\r\nContent-Type: application/octet-stream; name="encrypted.asc"\r\n\r\n${armored}\r\n--enc--\r\n`,
      )
      const client = mta(inbound.smtpPort!)
      await client.sendMail({ envelope: { from: REPORTER, to: [security] }, raw })
      client.close()
      await inbound.idle()
      const row = await t.deps.db
        .selectFrom('inbound_mail')
        .select(['state', 'report_id'])
        .where('org_id', '=', org.id)
        .where('message_id_index', '=', messageIdIndex(cipherFor(t.deps, org), 'f10-1@example.net'))
        .executeTakeFirstOrThrow()
      expect(row.state).toBe('ingested')
      const report = await t.deps.db
        .selectFrom('report')
        .selectAll()
        .where('org_id', '=', org.id)
        .where('id', '=', row.report_id!)
        .executeTakeFirstOrThrow()

      const [ack] = await delivered()
      expect(ack!.rcpt).toEqual([REPORTER])
      expect(ack!.raw.toString()).toContain('multipart/encrypted')
      expect(ack!.mail.headers.find((h) => h.key === 'auto-submitted')?.value).toBe('auto-replied')
      const openedAck = openWithGpg(ack!.raw)
      expect(openedAck.plain).toContain(report.ref)
      expect(openedAck.status).toMatch(
        new RegExp(`VALIDSIG [0-9A-F]+ .* ${orgFingerprint.toUpperCase()}|VALIDSIG ${orgFingerprint.toUpperCase()}`),
      )
      expect(openedAck.status).toContain('GOODSIG')

      const member = await t.given.member(org, 'responder')
      expect(
        (
          await postMessage(t.deps, org, report.ref, {
            member: asMember(member),
            body: 'Confirmed, patch in 2.4.1.',
            visibility: 'reporter',
          })
        ).ok,
      ).toBe(true)
      const [answer] = await delivered()
      expect(answer!.raw.toString()).not.toContain('patch in 2.4.1')
      expect(answer!.mail.headers.find((h) => h.key === 'auto-submitted')).toBeUndefined()
      const openedAnswer = openWithGpg(answer!.raw)
      expect(openedAnswer.plain).toContain('Confirmed, patch in 2.4.1.')
      expect(openedAnswer.status).toContain('GOODSIG')
      expect(openedAnswer.status).toContain(orgFingerprint.toUpperCase())
    },
    60_000,
  )
})
