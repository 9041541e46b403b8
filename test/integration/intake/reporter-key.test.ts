/**
 * The reporter's own OpenPGP public key, given on the form or the API: validated, stored sealed as
 * `confirmed`, and used by the outbox worker to encrypt what is mailed to them.
 */
import * as openpgp from 'openpgp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { generateOrgMailKey, setSecurityAddress } from '../../../src/mail/index.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { findReporterKey } from '../../../src/storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { parseMail, startRelay, type TestRelay } from '../../support/mail.js'

const reporterKey = (email: string, opts: { keyExpirationTime?: number; date?: Date } = {}) =>
  openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ email }],
    date: opts.date ?? new Date(Date.now() - 3_600_000),
    keyExpirationTime: opts.keyExpirationTime ?? 0,
    format: 'armored',
  })

eachDialect('reporter public key', (ctx) => {
  const app = useTestApp(ctx)
  let relay: TestRelay
  let worker: OutboxWorker
  let org: OrganizationRow

  beforeAll(async () => {
    const t = app()
    t.clock.current = new Date() // keys made now must be valid "now"
    org = await t.given.org()
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })).ok).toBe(true)
    expect((await generateOrgMailKey(t.deps, org)).ok).toBe(true)
    relay = await startRelay()
    worker = createOutboxWorker(t.deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  })
  afterAll(async () => {
    await worker?.stop()
    await relay?.close()
  })

  const api = (payload: Record<string, unknown>) => app().app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/reports`, payload })
  const reporterOf = async (ref: string) =>
    app()
      .deps.db.selectFrom('report')
      .innerJoin('reporter', 'reporter.id', 'report.reporter_id')
      .select(['reporter.id', 'reporter.public_key_enc', 'reporter.public_key_status'])
      .where('report.org_id', '=', org.id)
      .where('report.ref', '=', ref)
      .executeTakeFirstOrThrow()
  const reportCount = async () => (await app().deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).length

  it('stores a key given over the API, confirmed and sealed, and the acknowledgment is encrypted to it', async () => {
    const t = app()
    const key = await reporterKey('keyed@example.net')
    const res = await api({
      title: 'SSRF in the webhook tester',
      description: 'The tester fetches http://169.254.169.254/',
      reporterEmail: 'keyed@example.net',
      reporterPublicKey: key.publicKey,
    })
    expect(res.statusCode).toBe(201)
    const { ref } = res.json()
    const reporter = await reporterOf(ref)
    expect(reporter.public_key_status).toBe('confirmed')
    expect(reporter.public_key_enc).not.toContain('BEGIN PGP') // sealed at rest
    const stored = await findReporterKey(t.deps.db, cipherFor(t.deps, org), org.id, reporter.id)
    expect((await openpgp.readKey({ armoredKey: stored!.armored })).getFingerprint()).toBe(
      (await openpgp.readKey({ armoredKey: key.publicKey })).getFingerprint(),
    )

    const before = relay.received.length
    await worker.runOnce()
    const caught = relay.received.slice(before)
    expect(caught).toHaveLength(1)
    expect(caught[0]!.rcpt).toEqual(['keyed@example.net'])
    const raw = caught[0]!.raw.toString()
    const mail = await parseMail(caught[0]!.raw)
    expect(mail.subject).toBe(`[${ref}] We received your report`)
    expect(raw).toContain('multipart/encrypted')
    expect(raw).not.toContain('/f/') // the follow-up link travels only inside the encrypted part
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(raw)![0]
    const plain = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: armored }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: key.privateKey }),
    })
    expect(String(plain.data)).toContain(`${t.deps.config.publicUrl.origin}/f/`)
  })

  it('refuses a private key with a 422 naming the field, and stores nothing', async () => {
    const key = await reporterKey('careless@example.net')
    const before = await reportCount()
    const outbox = (await app().deps.db.selectFrom('outbox').select('id').where('org_id', '=', org.id).execute()).length
    const res = await api({ title: 'x', description: 'y', reporterEmail: 'careless@example.net', reporterPublicKey: key.privateKey })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toEqual({ reporterPublicKey: 'key-private-key' })
    expect(await reportCount()).toBe(before)
    expect((await app().deps.db.selectFrom('outbox').select('id').where('org_id', '=', org.id).execute()).length).toBe(outbox)
    const keys = await app()
      .deps.db.selectFrom('reporter')
      .select('id')
      .where('org_id', '=', org.id)
      .where('public_key_enc', 'is not', null)
      .execute()
    expect(keys).toHaveLength(1) // only the first test's reporter
  })

  it('refuses expired keys, several keys, garbage and oversized text, each by its own problem', async () => {
    const a = await reporterKey('a@example.net')
    const b = await reporterKey('b@example.net')
    const expired = await reporterKey('old@example.net', { date: new Date(Date.now() - 7_200_000), keyExpirationTime: 60 })
    const problem = async (reporterPublicKey: string) => (await api({ title: 'x', description: 'y', reporterPublicKey })).json().errors
    expect(await problem(expired.publicKey)).toEqual({ reporterPublicKey: 'key-expired' })
    expect(await problem(`${a.publicKey}\n${b.publicKey}`)).toEqual({ reporterPublicKey: 'key-multiple-keys' })
    expect(await problem('not a key')).toEqual({ reporterPublicKey: 'key-unreadable' })
    expect(await problem(`${a.publicKey}\n${b.privateKey}`)).toEqual({ reporterPublicKey: 'key-private-key' })
    const tooLong = await api({ title: 'x', description: 'y', reporterPublicKey: 'k'.repeat(20_001) })
    expect(tooLong.statusCode).toBe(400) // the API's schema refuses it before validation
    // No key at all, or blank: fine.
    expect((await api({ title: 'x', description: 'y', reporterPublicKey: '  \n' })).statusCode).toBe(201)
  })

  it('asks for the key on the web form and keeps everything typed when the key is refused', async () => {
    const t = app()
    const form = await t.browser().get(`/o/${org.slug}/report`)
    expect(form.body).toContain('name="reporterPublicKey"')
    expect(form.body).toContain('Your OpenPGP public key (optional) — replies by e-mail are then encrypted to it')
    const key = await reporterKey('web@example.net')
    const before = await reportCount()
    const refused = await t.browser().submit(`/o/${org.slug}/report`, `/o/${org.slug}/report`, {
      title: 'Kept title',
      description: 'Kept description',
      reporterEmail: 'web@example.net',
      reporterPublicKey: key.privateKey,
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('This is a private key, which must stay with you')
    expect(refused.body).toContain('value="Kept title"')
    expect(refused.body).toContain('Kept description')
    expect(refused.body).toContain('value="web@example.net"')
    expect(await reportCount()).toBe(before)

    const sent = await submitAndFollow(t.browser(), `/o/${org.slug}/report`, `/o/${org.slug}/report`, {
      title: 'Web keyed',
      description: 'd',
      reporterEmail: 'web@example.net',
      reporterPublicKey: key.publicKey,
    })
    expect(sent.status).toBe(303)
    const ref = new RegExp(`${org.ref_prefix}-\\d{4}-\\d{4}`).exec(sent.page.body)![0]
    expect((await reporterOf(ref)).public_key_status).toBe('confirmed')
  })
})
