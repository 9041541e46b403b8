/**
 * Inbound torture (SECURITY-ANCHORS B-6, class 15): every hostile mail ends in a clear outcome, a
 * `rejected` reason or a parsed mail with warnings, within a bounded time, and never a throw.
 */
import * as openpgp from 'openpgp'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type InboundMail,
  type InboundResult,
  OrgKeyring,
  type ParseInboundOptions,
  parseInbound,
} from '../../../src/mail/parse-inbound.js'
import { generateOrgKey, type OrgKeyPair } from '../../../src/openpgp/keys.js'

const BOUND_MS = 5000
let org: OrgKeyPair
let opts: ParseInboundOptions

beforeAll(async () => {
  org = await generateOrgKey({ orgName: 'ACME', securityAddress: 'security@acme.example', passphrase: 'a long test passphrase' })
  opts = { orgKeys: new OrgKeyring([{ privateKeyArmored: org.privateKeyArmored, passphrase: 'a long test passphrase' }]) }
})

const HEAD =
  'From: Rep <rep@example.net>\r\nTo: security@acme.example\r\nSubject: hi\r\nMessage-ID: <m1@example.net>\r\nMIME-Version: 1.0\r\n'

async function run(raw: Buffer | string, o: Partial<ParseInboundOptions> = {}): Promise<{ result: InboundResult; ms: number }> {
  const t = performance.now()
  const result = await parseInbound(typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw, { ...opts, ...o })
  const ms = performance.now() - t
  expect(ms).toBeLessThan(BOUND_MS)
  return { result, ms }
}

async function parsed(raw: Buffer | string, o: Partial<ParseInboundOptions> = {}): Promise<InboundMail> {
  const { result } = await run(raw, o)
  if (result.status !== 'parsed') throw new Error(`expected parsed, got ${result.reason}: ${result.detail}`)
  return result.mail
}

async function rejected(raw: Buffer | string, o: Partial<ParseInboundOptions> = {}) {
  const { result, ms } = await run(raw, o)
  if (result.status !== 'rejected') throw new Error('expected a rejection')
  return { ...result, ms }
}

describe('hostile inbound mail', () => {
  it('truncated MIME: parsed with what is there', async () => {
    const mail = await parsed(
      `${HEAD}Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nvisible text\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK`,
    )
    expect(mail.text).toContain('visible text')
  })

  it('unknown and wrong charsets: text comes out as a string, no throw', async () => {
    const unknown = await parsed(`${HEAD}Content-Type: text/plain; charset=x-no-such-charset\r\n\r\nplain ascii\r\n`)
    expect(unknown.text).toContain('plain ascii')
    const wrong = await parsed(
      Buffer.concat([
        Buffer.from(`${HEAD}Content-Type: text/plain; charset=utf-8\r\n\r\ncaf`),
        Buffer.from([0xe9, 0xff, 0xfe, 0x0d, 0x0a]),
      ]),
    )
    expect(typeof wrong.text).toBe('string')
    const encodedWord = await parsed(`${HEAD.replace('Subject: hi', 'Subject: =?x-bogus?B?////?= =?utf-8?Q?ok?=')}\r\nbody`)
    expect(typeof encodedWord.subject).toBe('string')
  })

  it('200-level nested multiparts: rejected as too deep', async () => {
    let body = 'Content-Type: text/plain\r\n\r\ndeep\r\n'
    for (let i = 0; i < 200; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`
    const r = await rejected(HEAD + body)
    expect(r.reason).toBe('too-deep')
    console.info(`200-level nesting rejected in ${r.ms.toFixed(1)} ms`)
  })

  it('10k parts: rejected before the full parse', async () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('')
    const r = await rejected(`${HEAD}Content-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`)
    expect(r.reason).toBe('too-many-parts')
    console.info(`10k parts rejected in ${r.ms.toFixed(1)} ms`)
  })

  it('a 1 MB header line: rejected as oversized headers', async () => {
    const r = await rejected(`${HEAD}X-Junk: ${'a'.repeat(1024 * 1024)}\r\n\r\nbody\r\n`)
    expect(r.reason).toBe('headers-too-large')
    console.info(`1 MB header line rejected in ${r.ms.toFixed(1)} ms`)
  })

  it('a message over the raw size limit: rejected', async () => {
    const r = await rejected(`${HEAD}\r\n${'x'.repeat(2000)}`, { limits: { maxRawBytes: 1000 } })
    expect(r.reason).toBe('too-large')
    expect(r.rawSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('no Message-ID: parsed, null id, a warning, content hash for dedup', async () => {
    const mail = await parsed(`${HEAD.replace(/Message-ID:[^\r]*\r\n/, '')}\r\nhello\r\n`)
    expect(mail.messageId).toBeNull()
    expect(mail.warnings.join(' ')).toMatch(/Message-ID/)
    expect(mail.rawSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('duplicate From: first shown, warning, never verified', async () => {
    const mail = await parsed(`From: a@example.net\r\n${HEAD}\r\nhello\r\n`)
    expect(mail.from.address).toBe('a@example.net')
    expect(mail.warnings.join(' ')).toMatch(/several From/)
    expect(mail.signature).not.toBe('verified')
  })

  it('garbage, empty and binary input: a clear outcome', async () => {
    for (const raw of [
      Buffer.alloc(0),
      Buffer.from([0, 1, 2, 255, 254, 10, 13]),
      Buffer.from('\r\n\r\n\r\n'),
      Buffer.alloc(100_000, 0x2d),
    ]) {
      const { result } = await run(raw)
      expect(['parsed', 'rejected']).toContain(result.status)
    }
  })

  it('attachment names lose paths, controls and bidi tricks', async () => {
    const mail = await parsed(
      `${HEAD}Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee files\r\n` +
        '--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="../../etc/passwd"\r\n\r\nx\r\n' +
        `--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''evil%E2%80%AEfdp.exe\r\n\r\nx\r\n--b--\r\n`,
    )
    expect(mail.attachments.map((a) => a.filename)).toEqual(['passwd', 'evilfdp.exe'])
  })

  it('a bad signature: garbage signature part and a tampered signed part are both bad', async () => {
    const signer = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'rep@example.net' }],
      format: 'object',
    })
    const part = 'Content-Type: text/plain\r\n\r\noriginal\r\n'
    const sig = await openpgp.sign({
      message: await openpgp.createMessage({ binary: Buffer.from(part) }),
      signingKeys: signer.privateKey,
      detached: true,
    })
    const build = (p: string, s: string) =>
      `${HEAD}Content-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; boundary="s"\r\n\r\n--s\r\n${p}\r\n--s\r\nContent-Type: application/pgp-signature\r\n\r\n${s}\r\n--s--\r\n`
    const known = { knownSenderKeys: () => [signer.publicKey.armor()] }
    expect((await parsed(build(part, sig as string), known)).signature).toBe('verified')
    expect((await parsed(build(part.replace('original', 'changed!'), sig as string), known)).signature).toBe('bad')
    expect((await parsed(build(part, '-----BEGIN PGP SIGNATURE-----\r\n\r\nAAAA\r\n-----END PGP SIGNATURE-----'), known)).signature).toBe(
      'bad',
    )
  })

  it('a compression bomb inside an encrypted mail: decryption refused with a reason', async () => {
    const armored = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: new Uint8Array(8 * 1024 * 1024) }),
      encryptionKeys: await openpgp.readKey({ armoredKey: org.publicKeyArmored }),
      config: { preferredCompressionAlgorithm: openpgp.enums.compression.zlib },
    })
    const raw = `${HEAD}Content-Type: text/plain\r\n\r\n${armored}`
    expect(raw.length).toBeLessThan(200_000)
    const mail = await parsed(raw, { limits: { maxDecryptedBytes: 1024 * 1024 } })
    expect(mail.encrypted).toBe(true)
    expect(mail.decryptionFailed).toMatch(/decryption failed|size/)
  })

  describe('machine-written mail is flagged (RFC 3834)', () => {
    const cases: [string, string][] = [
      ['Auto-Submitted: auto-replied\r\n', 'Auto-Submitted'],
      ['Precedence: bulk\r\n', 'Precedence'],
      ['Precedence: junk\r\n', 'Precedence'],
      ['X-Autoreply: yes\r\n', 'x-autoreply'],
      ['X-Autorespond: yes\r\n', 'x-autorespond'],
      ['Return-Path: <>\r\n', 'null return path'],
    ]
    for (const [header, reason] of cases) {
      it(header.trim(), async () => {
        const mail = await parsed(`${header}${HEAD}\r\nOut of office\r\n`)
        expect(mail.autoSubmitted).toBe(true)
        expect(mail.autoSubmittedReason).toContain(reason)
      })
    }

    it('a delivery status notification (multipart/report) from MAILER-DAEMON', async () => {
      const dsn =
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\nTo: security@acme.example\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n' +
        '--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\nFinal-Recipient: rfc822; rep@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\n--r--\r\n'
      const mail = await parsed(dsn)
      expect(mail.autoSubmitted).toBe(true)
      expect(mail.autoSubmittedReason).toMatch(/multipart\/report/)
    })

    it('From postmaster alone is enough', async () => {
      const mail = await parsed(`${HEAD.replace('Rep <rep@example.net>', 'postmaster@example.net')}\r\nhello\r\n`)
      expect(mail.autoSubmitted).toBe(true)
    })

    it('a human mail, and Auto-Submitted: no, are not flagged', async () => {
      expect((await parsed(`${HEAD}\r\nhello\r\n`)).autoSubmitted).toBe(false)
      expect((await parsed(`Auto-Submitted: no\r\n${HEAD}\r\nhello\r\n`)).autoSubmitted).toBe(false)
    })
  })

  it('threading headers and recipients come out normalised', async () => {
    const mail = await parsed(
      `${HEAD}In-Reply-To: <a@acme.example>\r\nReferences: <r1@x> <r2@y>\r\nCc: Other <o@example.org>\r\n\r\nhello\r\n`,
    )
    expect(mail.messageId).toBe('m1@example.net')
    expect(mail.inReplyTo).toBe('a@acme.example')
    expect(mail.references).toEqual(['r1@x', 'r2@y'])
    expect(mail.to).toEqual([{ address: 'security@acme.example', name: '' }])
  })
})
