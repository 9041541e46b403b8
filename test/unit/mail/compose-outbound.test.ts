/**
 * Outbound header injection (SECURITY-ANCHORS B-5, class 11) and the confidentiality rules of
 * composed mail. Each mail goes through nodemailer's streamTransport and is parsed back with
 * postal-mime: the header set and the recipients must be exactly the expected ones.
 */
import nodemailer from 'nodemailer'
import * as openpgp from 'openpgp'
import PostalMime from 'postal-mime'
import { describe, expect, it } from 'vitest'
import {
  type ComposedMail,
  composeOutbound,
  type OutboundMessage,
  OutboundRefused,
  subjectLine,
} from '../../../src/mail/compose-outbound.js'
import { newMessageId, newReplyToken, replyAddress } from '../../../src/mail/reply-address.js'
import { generateOrgKey } from '../../../src/openpgp/keys.js'

const FROM = 'security@acme.example'
const TO = 'rep@example.net'
const REPLY = replyAddress(FROM, newReplyToken())

function base(over: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    from: { address: FROM, name: 'ACME Security' },
    to: { address: TO, name: 'Rep' },
    replyTo: REPLY,
    reference: 'ACME-2026-0001',
    subject: 'New reply on your report',
    text: 'Secret: the bug is in parse_header().',
    messageId: newMessageId('acme.example'),
    inReplyTo: '<prev@acme.example>',
    encryptionRequired: false,
    readLink: 'https://embargo.example/r/abc',
    ...over,
  }
}

/** Through nodemailer's streamTransport, as the sender would hand it over, then parsed back. */
async function roundTrip(mail: ComposedMail) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true })
  const info = await transport.sendMail({ envelope: mail.envelope, raw: mail.raw })
  const raw = info.message as Buffer
  const parsed = await PostalMime.parse(raw)
  const headerBlock = raw.toString('latin1').split(/\r\n\r\n/)[0]!
  return { info, raw, parsed, headerKeys: parsed.headers.map((h) => h.key).sort(), headerBlock }
}

const EXPECTED_HEADERS = [
  'content-transfer-encoding',
  'content-type',
  'date',
  'from',
  'in-reply-to',
  'message-id',
  'mime-version',
  'references',
  'reply-to',
  'subject',
  'to',
]

const VECTORS = [
  '\r\nBcc: evil@attacker.example',
  '\nBcc: evil@attacker.example',
  '\rBcc: evil@attacker.example',
  '\0Bcc: evil@attacker.example',
  '\u0085Bcc: evil@attacker.example',
  '\u2028Bcc: evil@attacker.example',
  '\u2029Bcc: evil@attacker.example',
  '\r\n\r\nInjected body',
  '=?utf-8?Q?x=0D=0ABcc:_evil@attacker.example?=',
  '=?utf-8?B?eA0KQmNjOiBldmlsQGF0dGFja2VyLmV4YW1wbGU=?=',
  '"evil@attacker.example" <evil@attacker.example>, x',
]

describe('compose-outbound header injection', () => {
  for (const vector of VECTORS) {
    it(`no header or recipient from ${JSON.stringify(vector)}`, async () => {
      const mail = await composeOutbound(
        base({ subject: `Hello${vector}`, from: { address: FROM, name: `ACME${vector}` }, to: { address: TO, name: `Rep${vector}` } }),
      )
      const { info, parsed, headerKeys, headerBlock, raw } = await roundTrip(mail)
      expect(headerKeys).toEqual(EXPECTED_HEADERS)
      expect(info.envelope).toEqual({ from: FROM, to: [TO] })
      expect(parsed.to?.map((a) => a.address)).toEqual([TO])
      expect(parsed.from?.address).toBe(FROM)
      expect(parsed.replyTo?.map((a) => a.address)).toEqual([REPLY])
      expect(parsed.cc).toBeUndefined()
      expect(parsed.bcc).toBeUndefined()
      expect(parsed.subject).not.toMatch(/[\r\n]/)
      expect(parsed.subject?.startsWith('[ACME-2026-0001] Hello')).toBe(true)
      expect(parsed.text?.trim()).toBe('Secret: the bug is in parse_header().')
      // every header line is either a known header or a folded continuation
      for (const line of headerBlock.split('\r\n')) expect(line).toMatch(/^([A-Za-z-]+: |[ \t])/)
      expect(raw.toString('latin1')).not.toMatch(/^Bcc:/im)
    })
  }

  it('refuses addresses, reply-to and Message-IDs that carry line breaks or junk', async () => {
    await expect(composeOutbound(base({ to: { address: `${TO}\r\nBcc: evil@attacker.example` } }))).rejects.toBeInstanceOf(OutboundRefused)
    await expect(composeOutbound(base({ replyTo: `${REPLY}\nBcc: x@y.z` }))).rejects.toBeInstanceOf(OutboundRefused)
    await expect(composeOutbound(base({ replyTo: 'a@b.c, evil@attacker.example' }))).rejects.toBeInstanceOf(OutboundRefused)
    await expect(composeOutbound(base({ from: { address: `${FROM}\u2028` } }))).rejects.toBeInstanceOf(OutboundRefused)
    await expect(composeOutbound(base({ messageId: '<a@b>\r\nBcc: x@y' }))).rejects.toBeInstanceOf(OutboundRefused)
    await expect(composeOutbound(base({ references: ['<a@b> <c@d>'] }))).rejects.toBeInstanceOf(OutboundRefused)
    await expect(composeOutbound(base({ readLink: 'javascript:alert(1)' }))).rejects.toBeInstanceOf(OutboundRefused)
  })

  it('subject: reference reduced to a safe alphabet, text capped', () => {
    expect(subjectLine('ACME-2026-0001\r\nBcc: x', 'New reply')).toBe('[ACME-2026-0001Bccx] New reply')
    expect(subjectLine('R', 'x'.repeat(500)).length).toBeLessThanOrEqual(124)
  })

  it('threading and RFC 3834 headers', async () => {
    const mail = await composeOutbound(base({ references: ['<r1@x>'], autoSubmitted: 'auto-replied' }))
    const { parsed } = await roundTrip(mail)
    expect(parsed.inReplyTo).toBe('<prev@acme.example>')
    expect(parsed.references).toBe('<r1@x> <prev@acme.example>')
    expect(parsed.headers.find((h) => h.key === 'auto-submitted')?.value).toBe('auto-replied')
    expect(parsed.messageId).toBe(mail.messageId)
  })
})

describe('compose-outbound confidentiality', () => {
  it('encryption required and no key: only the link goes out, never the text', async () => {
    const mail = await composeOutbound(base({ encryptionRequired: true }))
    expect(mail.withheld).toBe(true)
    expect(mail.encrypted).toBe(false)
    const { parsed, raw } = await roundTrip(mail)
    expect(raw.toString()).not.toContain('parse_header')
    expect(parsed.text).toContain('https://embargo.example/r/abc')
  })

  it('a known key: PGP/MIME per RFC 3156, the text and the subject stay as intended', async () => {
    const key = await generateOrgKey({ orgName: 'Rep', securityAddress: TO, passphrase: 'reporter passphrase' })
    const mail = await composeOutbound(base({ encryptionRequired: true, recipientPublicKey: key.publicKeyArmored }))
    expect(mail.encrypted).toBe(true)
    const { parsed, raw } = await roundTrip(mail)
    expect(raw.toString()).not.toContain('parse_header')
    expect(parsed.subject).toBe('[ACME-2026-0001] New reply on your report')
    const ct = parsed.headers.find((h) => h.key === 'content-type')!.value
    expect(ct).toMatch(/multipart\/encrypted/)
    expect(ct).toMatch(/protocol="application\/pgp-encrypted"/)
    expect(parsed.attachments.map((a) => a.mimeType)).toEqual(['application/pgp-encrypted', 'application/octet-stream'])
    const armored = Buffer.from(parsed.attachments[1]!.content as ArrayBuffer).toString()
    const privateKey = await openpgp.decryptKey({
      privateKey: await openpgp.readPrivateKey({ armoredKey: key.privateKeyArmored }),
      passphrase: 'reporter passphrase',
    })
    const { data } = await openpgp.decrypt({ message: await openpgp.readMessage({ armoredMessage: armored }), decryptionKeys: privateKey })
    expect((await PostalMime.parse(data as string)).text?.trim()).toBe('Secret: the bug is in parse_header().')
  })

  it('an expired key is not used: withheld when required, with the problem named', async () => {
    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: TO }],
      date: new Date(Date.now() - 3_600_000),
      keyExpirationTime: 60,
      format: 'armored',
    })
    const mail = await composeOutbound(base({ encryptionRequired: true, recipientPublicKey: publicKey }))
    expect(mail.withheld).toBe(true)
    expect(mail.keyProblem).toBe('expired')
    expect(mail.raw.toString()).not.toContain('parse_header')
  })
})
