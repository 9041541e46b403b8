/**
 * Build one outgoing mail to one recipient, ready for `smtp-sender`.
 *
 * Three promises, each with a reason:
 *  - The Subject is generic (`[REF] New reply on your report`): PGP/MIME encrypts the body only, so
 *    anything in a header travels in clear past every relay.
 *  - No value can create a header or a recipient (SECURITY-ANCHORS B-5, class 11): addresses with
 *    line breaks are refused, every other header value is cleaned before nodemailer sees it.
 *  - With a usable key the whole MIME body is encrypted (RFC 3156 §4); when the policy requires
 *    encryption and there is no usable key, the body carries only a link, never the text.
 * One message per recipient, because encryption is per recipient.
 */
import MimeNode from 'nodemailer/lib/mime-node'
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp'
import * as openpgp from 'openpgp'
import { cleanDisplayName, cleanHeaderValue, hasLineBreak, normalizeAddress } from '../domain/text-hygiene.js'
import { importPublicKey, KeyImportError } from '../openpgp/keys.js'

export interface Mailbox {
  address: string
  name?: string
}

export interface OutboundMessage {
  from: Mailbox
  to: Mailbox
  /** The report's reply address (see reply-address.ts). */
  replyTo?: string
  /** Report or advisory reference, e.g. `ACME-2026-0001`; shown in the Subject. */
  reference: string
  /** Generic text from the message catalogue, e.g. `New reply on your report`. Never report text. */
  subject: string
  /** Body text (confidential). */
  text: string
  /** `<uuid@host>` from `newMessageId`, fixed when the outbox row is written so retries dedupe. */
  messageId: string
  inReplyTo?: string
  references?: readonly string[]
  /** RFC 3834: `auto-replied` for acknowledgments, `auto-generated` for notices. */
  autoSubmitted?: 'auto-replied' | 'auto-generated'
  /** The recipient's armored OpenPGP public key, when known. */
  recipientPublicKey?: string
  /**
   * The organization's unlocked private key. When the mail is encrypted it is also signed with it
   * (RFC 3156 §6.2, combined signed and encrypted), so the reporter can check it comes from us.
   */
  signingKey?: openpgp.PrivateKey
  /** Policy: never send the text unencrypted. */
  encryptionRequired: boolean
  /** Where the recipient reads the message when it cannot be sent encrypted. */
  readLink: string
  /** Sentence that introduces the link (from the message catalogue). */
  withheldNotice?: string
  date?: Date
}

export interface ComposedMail {
  raw: Buffer
  envelope: { from: string; to: string[] }
  messageId: string
  encrypted: boolean
  /** True when the encrypted payload is also signed with the organization's key. */
  signed: boolean
  /** True when the text was replaced by the read link. */
  withheld: boolean
  /** Why a known key was not used (expired, revoked, …), if so. */
  keyProblem?: string
}

/** A message that must not be built as asked; `field` names what was wrong. */
export class OutboundRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'OutboundRefused'
  }
}

/** Build the raw RFC 5322 message. Throws `OutboundRefused` for unsafe addresses or IDs. */
export async function composeOutbound(msg: OutboundMessage, now: Date = new Date()): Promise<ComposedMail> {
  const from = strictAddress(msg.from.address, 'from')
  const to = strictAddress(msg.to.address, 'to')
  const replyTo = msg.replyTo === undefined ? undefined : strictAddress(msg.replyTo, 'replyTo')
  const messageId = strictMessageId(msg.messageId, 'messageId')
  const inReplyTo = msg.inReplyTo === undefined ? undefined : strictMessageId(msg.inReplyTo, 'inReplyTo')
  const references = (msg.references ?? []).map((r) => strictMessageId(r, 'references')).slice(-20)
  const readLink = strictLink(msg.readLink)

  let key: openpgp.PublicKey | null = null
  let keyProblem: string | undefined
  if (msg.recipientPublicKey) {
    try {
      key = (await importPublicKey(msg.recipientPublicKey, now)).key
    } catch (err) {
      keyProblem = err instanceof KeyImportError ? err.problem : 'unreadable'
    }
  }
  const withheld = key === null && msg.encryptionRequired
  const bodyText = withheld
    ? `${cleanHeaderValue(msg.withheldNotice ?? 'You have a new message. Read it here:', 500)}\n\n${readLink}\n`
    : msg.text

  const root = key
    ? await encryptedRoot(textEntity(bodyText), key, msg.signingKey)
    : new MimeNode('text/plain; charset=utf-8', { disableFileAccess: true, disableUrlAccess: true }).setContent(bodyText)
  root.setHeader('From', mailbox(from, msg.from.name))
  root.setHeader('To', mailbox(to, msg.to.name))
  if (replyTo) root.setHeader('Reply-To', replyTo)
  root.setHeader('Subject', subjectLine(msg.reference, msg.subject))
  root.setHeader('Message-ID', messageId)
  root.setHeader('Date', msg.date ?? now)
  if (inReplyTo) root.setHeader('In-Reply-To', inReplyTo)
  const refs = inReplyTo && !references.includes(inReplyTo) ? [...references, inReplyTo] : references
  if (refs.length > 0) root.setHeader('References', refs.join(' '))
  if (msg.autoSubmitted) root.setHeader('Auto-Submitted', msg.autoSubmitted)
  root.setEnvelope({ from, to: [to] })
  const raw = await root.build()
  const composed: ComposedMail = {
    raw,
    envelope: { from, to: [to] },
    messageId,
    encrypted: key !== null,
    signed: key !== null && msg.signingKey !== undefined,
    withheld,
  }
  if (keyProblem) composed.keyProblem = keyProblem
  return composed
}

/** `[REF] generic subject`, both parts cleaned; the reference is reduced to a safe alphabet. */
export function subjectLine(reference: string, subject: string): string {
  const ref = reference.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40)
  const text = cleanHeaderValue(subject, 120)
  return ref ? `[${ref}] ${text}` : text
}

/** The MIME entity that gets encrypted: a QP text part, CRLF line endings (RFC 3156 §3). */
function textEntity(text: string): string {
  const body = qpWrap(qpEncode(Buffer.from(text.replace(/\r\n|\r/g, '\n'), 'utf8')), 76).replace(/\r?\n/g, '\r\n')
  return `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}\r\n`
}

/**
 * RFC 3156 §4: multipart/encrypted with the `Version: 1` control part and the armored payload;
 * with a signing key, signed and encrypted in one OpenPGP message (§6.2).
 */
async function encryptedRoot(entity: string, key: openpgp.PublicKey, signingKey: openpgp.PrivateKey | undefined): Promise<MimeNode> {
  const armored = await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: Buffer.from(entity, 'utf8') }),
    encryptionKeys: key,
    ...(signingKey ? { signingKeys: signingKey } : {}),
  })
  const root = new MimeNode('multipart/encrypted; protocol="application/pgp-encrypted"', {
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  root
    .createChild('application/pgp-encrypted')
    .setHeader('Content-Description', 'PGP/MIME version identification')
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent('Version: 1\r\n')
  root
    .createChild('application/octet-stream; name="encrypted.asc"')
    .setHeader('Content-Description', 'OpenPGP encrypted message')
    .setHeader('Content-Disposition', 'inline; filename="encrypted.asc"')
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent(armored)
  return root
}

function mailbox(address: string, name: string | undefined): { name: string; address: string } | string {
  const clean = name ? cleanDisplayName(name) : ''
  return clean ? { name: clean, address } : address
}

/** Addresses are refused, not repaired: a "cleaned" address could be someone else's. */
function strictAddress(value: string, field: string): string {
  if (hasLineBreak(value)) throw new OutboundRefused(field, `${field} contains a line break`)
  const address = normalizeAddress(value)
  if (!address || !/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9.-]+$/.test(address))
    throw new OutboundRefused(field, `${field} is not a plain address`)
  return address
}

function strictMessageId(value: string, field: string): string {
  const bare = value.trim().replace(/^<|>$/g, '')
  if (!/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(bare)) {
    throw new OutboundRefused(field, `${field} is not a valid Message-ID`)
  }
  return `<${bare}>`
}

function strictLink(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new OutboundRefused('readLink', 'readLink is not a URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundRefused('readLink', 'readLink must be http(s)')
  return url.toString()
}
