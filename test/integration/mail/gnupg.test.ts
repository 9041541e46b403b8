/**
 * Interoperability with real GnuPG, the OpenPGP implementation most reporters use (directly or
 * through their mail client). Each test builds the mail the way a client would around gpg's
 * output, and checks what Embargo makes of it, or the other way round.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PostalMime from 'postal-mime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeOutbound } from '../../../src/mail/compose-outbound.js'
import { OrgKeyring, type ParseInboundOptions, parseInbound } from '../../../src/mail/parse-inbound.js'
import { newMessageId } from '../../../src/mail/reply-address.js'
import { generateOrgKey, type OrgKeyPair } from '../../../src/openpgp/keys.js'

const hasGpg = spawnSync('gpg', ['--version']).status === 0
if (!hasGpg) {
  if (process.env.CI === 'true') throw new Error('gpg is required in CI (apt-get install -y gnupg)')
  console.warn('\n*** SKIPPING GnuPG interop tests: `gpg` not found (apt-get install -y gnupg) ***\n')
}

const ORG = 'security@acme.example'
const REPORTER = 'rep@example.net'
const MALLORY = 'mallory@evil.example'
const PASSPHRASE = 'org key passphrase for tests'

let home = ''
let org: OrgKeyPair
let otherOrg: OrgKeyPair
const publicKeys: Record<string, string> = {}

function gpg(args: string[], input?: string | Buffer): Buffer {
  return execFileSync(
    'gpg',
    ['--homedir', home, '--batch', '--quiet', '--pinentry-mode', 'loopback', '--passphrase', '', '--trust-model', 'always', ...args],
    {
      input: input ?? '',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 30_000,
    },
  )
}

let ring: OrgKeyring
function options(known: Record<string, string[]> = {}): ParseInboundOptions {
  return {
    orgKeys: ring,
    knownSenderKeys: (address) => known[address] ?? [],
  }
}

function headers(from: string, extra = ''): string {
  return `From: Reporter <${from}>\r\nTo: ${ORG}\r\nSubject: Report\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@example.net>\r\nMIME-Version: 1.0\r\n${extra}`
}

/** RFC 3156 §4 PGP/MIME around gpg's armored output. */
function pgpMime(from: string, armored: string): Buffer {
  return Buffer.from(
    `${headers(from)}Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="enc"\r\n\r\n` +
      'This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n' +
      '--enc\r\nContent-Type: application/pgp-encrypted\r\nContent-Description: PGP/MIME version identification\r\n\r\nVersion: 1\r\n\r\n' +
      `--enc\r\nContent-Type: application/octet-stream; name="encrypted.asc"\r\nContent-Disposition: inline; filename="encrypted.asc"\r\n\r\n${armored}\r\n` +
      '--enc--\r\n',
  )
}

const innerEntity =
  'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHeap overflow in parse_header(), PoC attached.\r\n'

describe.skipIf(!hasGpg)('GnuPG interop', () => {
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'embargo-gpg-'))
    const t0 = performance.now()
    ;[org, otherOrg] = await Promise.all([
      generateOrgKey({ orgName: 'ACME Security', securityAddress: ORG, passphrase: PASSPHRASE }),
      generateOrgKey({ orgName: 'Other Org', securityAddress: 'security@other.example', passphrase: PASSPHRASE }),
    ])
    ring = new OrgKeyring([{ privateKeyArmored: org.privateKeyArmored, passphrase: PASSPHRASE }])
    await ring.unlocked()
    gpg(['--import'], org.publicKeyArmored)
    gpg(['--import'], otherOrg.publicKeyArmored)
    for (const [name, addr] of [
      ['Reporter', REPORTER],
      ['Mallory', MALLORY],
    ] as const) {
      gpg(['--quick-gen-key', `${name} <${addr}>`, 'future-default', 'default', 'never'])
      publicKeys[addr] = gpg(['--armor', '--export', addr]).toString()
    }
    console.info(`gpg setup (2 openpgp.js + 2 gpg keys): ${(performance.now() - t0).toFixed(0)} ms`)
  }, 60_000)

  afterAll(() => {
    if (!home) return
    spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'])
    rmSync(home, { recursive: true, force: true })
  })

  it('reads a PGP/MIME mail that gpg encrypted to the org key', async () => {
    const armored = gpg(['--armor', '--encrypt', '-r', ORG], innerEntity).toString()
    const t = performance.now()
    const result = await parseInbound(pgpMime(REPORTER, armored), options())
    console.info(`parse + decrypt of a gpg PGP/MIME mail: ${(performance.now() - t).toFixed(1)} ms`)
    expect(result.status).toBe('parsed')
    if (result.status !== 'parsed') return
    expect(result.mail.encrypted).toBe(true)
    expect(result.mail.decryptionFailed).toBeUndefined()
    expect(result.mail.text.trim()).toBe('Heap overflow in parse_header(), PoC attached.')
    expect(result.mail.signature).toBe('none')
    expect(result.mail.attachments).toEqual([])
  })

  it('reads inline PGP (armored block in the text body) and keeps the surrounding text apart', async () => {
    const armored = gpg(['--armor', '--encrypt', '-r', ORG], 'inline secret\n').toString()
    const raw = Buffer.from(`${headers(REPORTER)}Content-Type: text/plain\r\n\r\nHello,\r\n\r\n${armored.replace(/\n/g, '\r\n')}\r\n`)
    const result = await parseInbound(raw, options())
    if (result.status !== 'parsed') throw new Error(result.detail)
    expect(result.mail.encrypted).toBe(true)
    expect(result.mail.text.trim()).toBe('inline secret')
    expect(result.mail.unprotectedText).toBe('Hello,')
  })

  it('sends mail that gpg decrypts (Embargo encrypts to a gpg-generated key)', async () => {
    const composed = await composeOutbound({
      from: { address: ORG, name: 'ACME Security' },
      to: { address: REPORTER },
      reference: 'ACME-2026-0001',
      subject: 'New reply on your report',
      text: 'Confirmed, fix scheduled.',
      messageId: newMessageId('acme.example'),
      encryptionRequired: true,
      readLink: 'https://embargo.example/r/x',
      recipientPublicKey: publicKeys[REPORTER]!,
    })
    expect(composed.encrypted).toBe(true)
    expect(composed.raw.toString()).not.toContain('Confirmed')
    const outer = await PostalMime.parse(composed.raw)
    expect(outer.headers.find((h) => h.key === 'content-type')?.value).toMatch(
      /^multipart\/encrypted;.*protocol="?application\/pgp-encrypted/,
    )
    const version = outer.attachments.find((a) => a.mimeType === 'application/pgp-encrypted')
    expect(Buffer.from(version!.content as ArrayBuffer).toString()).toContain('Version: 1')
    const payload = outer.attachments.find((a) => a.mimeType === 'application/octet-stream')
    const decrypted = gpg(['--decrypt'], Buffer.from(payload!.content as ArrayBuffer))
    const inner = await PostalMime.parse(decrypted)
    expect(inner.text?.trim()).toBe('Confirmed, fix scheduled.')
  })

  it('verified: gpg sign+encrypt by a known key whose user ID is the From address', async () => {
    const armored = gpg(['--armor', '--sign', '--encrypt', '-u', REPORTER, '-r', ORG], innerEntity).toString()
    const result = await parseInbound(pgpMime(REPORTER, armored), options({ [REPORTER]: [publicKeys[REPORTER]!] }))
    if (result.status !== 'parsed') throw new Error(result.detail)
    expect(result.mail.signature).toBe('verified')
    expect(result.mail.text).toContain('Heap overflow')
  })

  it('unverified: a valid signature by a key bound to a different address', async () => {
    const armored = gpg(['--armor', '--sign', '--encrypt', '-u', MALLORY, '-r', ORG], innerEntity).toString()
    const result = await parseInbound(pgpMime(REPORTER, armored), options({ [REPORTER]: [publicKeys[MALLORY]!] }))
    if (result.status !== 'parsed') throw new Error(result.detail)
    expect(result.mail.signature).toBe('unverified')
  })

  it('unverified: a signature by a key nobody vouched for, even when the mail attaches it', async () => {
    const armored = gpg(['--armor', '--sign', '--encrypt', '-u', REPORTER, '-r', ORG], innerEntity).toString()
    const plain = await parseInbound(pgpMime(REPORTER, armored), options())
    if (plain.status !== 'parsed') throw new Error(plain.detail)
    expect(plain.mail.signature).toBe('unverified')
    // The key travels in the mail with the right user ID: still only self-asserted.
    const withKey = Buffer.from(
      `${headers(REPORTER)}Content-Type: multipart/mixed; boundary="m"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\n${armored}\r\n` +
        `--m\r\nContent-Type: application/pgp-keys; name="key.asc"\r\n\r\n${publicKeys[REPORTER]}\r\n--m--\r\n`,
    )
    const attached = await parseInbound(withKey, options())
    if (attached.status !== 'parsed') throw new Error(attached.detail)
    expect(attached.mail.senderPublicKey).toContain('BEGIN PGP PUBLIC KEY BLOCK')
    expect(attached.mail.signature).toBe('unverified')
  })

  describe('multipart/signed (RFC 3156 §5)', () => {
    const part = 'Content-Type: text/plain; charset=us-ascii\r\n\r\nI found a bug in the login form.\r\n'
    function signedMail(signedPart: string, signature: string): Buffer {
      return Buffer.from(
        `${headers(REPORTER)}Content-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; boundary="sig"\r\n\r\n` +
          `--sig\r\n${signedPart}\r\n--sig\r\nContent-Type: application/pgp-signature; name="signature.asc"\r\n\r\n${signature}\r\n--sig--\r\n`,
      )
    }

    it('verified with the known key; the signature part is not an attachment', async () => {
      const sig = gpg(['--armor', '--detach-sign', '-u', REPORTER], part).toString()
      const result = await parseInbound(signedMail(part, sig), options({ [REPORTER]: [publicKeys[REPORTER]!] }))
      if (result.status !== 'parsed') throw new Error(result.detail)
      expect(result.mail.signature).toBe('verified')
      expect(result.mail.encrypted).toBe(false)
      expect(result.mail.text.trim()).toBe('I found a bug in the login form.')
      expect(result.mail.attachments).toEqual([])
    })

    it('bad when the signed text was tampered with', async () => {
      const sig = gpg(['--armor', '--detach-sign', '-u', REPORTER], part).toString()
      const tampered = part.replace('login form', 'logout form')
      const result = await parseInbound(signedMail(tampered, sig), options({ [REPORTER]: [publicKeys[REPORTER]!] }))
      if (result.status !== 'parsed') throw new Error(result.detail)
      expect(result.mail.signature).toBe('bad')
    })

    it('bad for a tampered mail by an unknown signer whose key travels inside the signed part', async () => {
      const mixed =
        'Content-Type: multipart/mixed; boundary="in"\r\n\r\n--in\r\nContent-Type: text/plain\r\n\r\nPay the bounty to account 1234.\r\n' +
        `--in\r\nContent-Type: application/pgp-keys; name="key.asc"\r\n\r\n${publicKeys[MALLORY]!.replace(/\r?\n/g, '\r\n')}\r\n--in--\r\n`
      const sig = gpg(['--armor', '--detach-sign', '-u', MALLORY], mixed).toString()
      const intact = await parseInbound(signedMail(mixed, sig), options())
      if (intact.status !== 'parsed') throw new Error(intact.detail)
      expect(intact.mail.senderPublicKey).toContain('BEGIN PGP PUBLIC KEY BLOCK')
      expect(intact.mail.signature).toBe('unverified')
      const tampered = await parseInbound(signedMail(mixed.replace('1234', '6666'), sig), options())
      if (tampered.status !== 'parsed') throw new Error(tampered.detail)
      expect(tampered.mail.signature).toBe('bad')
    })
  })

  it('verified: gpg cleartext signature (inline), only the signed text is kept as the body', async () => {
    const clear = gpg(['--clearsign', '-u', REPORTER], 'Signed inline text.\n').toString()
    const raw = Buffer.from(`${headers(REPORTER)}Content-Type: text/plain\r\n\r\n${clear.replace(/\n/g, '\r\n')}`)
    const result = await parseInbound(raw, options({ [REPORTER]: [publicKeys[REPORTER]!] }))
    if (result.status !== 'parsed') throw new Error(result.detail)
    expect(result.mail.signature).toBe('verified')
    expect(result.mail.text.trim()).toBe('Signed inline text.')
  })

  it('decryptionFailed with a clear reason when encrypted to another key; nothing is lost', async () => {
    const armored = gpg(['--armor', '--encrypt', '-r', 'security@other.example'], innerEntity).toString()
    const result = await parseInbound(pgpMime(REPORTER, armored), options())
    if (result.status !== 'parsed') throw new Error(result.detail)
    expect(result.mail.encrypted).toBe(true)
    expect(result.mail.decryptionFailed).toMatch(/not encrypted to an organization key/)
    expect(result.mail.text).toBe('')
    expect(result.mail.attachments.some((a) => a.content.toString().includes('BEGIN PGP MESSAGE'))).toBe(true)
  })
})
