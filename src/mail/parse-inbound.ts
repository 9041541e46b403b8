/**
 * Turn one raw inbound mail into what intake needs: who, what, threading headers, attachments,
 * whether it was encrypted, whether a signature vouches for the sender, and whether a robot wrote
 * it. Hostile input is the normal case here (SECURITY-ANCHORS B-6, class 15): every limit ends in a
 * `rejected` outcome with a reason, or in a parsed mail with warnings. This function does not throw
 * for any input and never logs content.
 *
 * The caller stores the raw bytes before calling this (nothing lost), so a rejection means
 * "quarantine with this reason", not "drop".
 */
import { createHash } from 'node:crypto'
import type * as openpgp from 'openpgp'
import PostalMime, { type Address, type Attachment, type Email } from 'postal-mime'
import { normalizeAddress, sanitizeFilename } from '../domain/text-hygiene.js'
import { importPublicKey, KeyImportError, unlockPrivateKey } from '../openpgp/keys.js'
import { autoSubmittedReason } from './auto-submitted.js'
import { canonicalizeCrlf, headerParam, mediaType, preScan, splitEntity, splitMultipart } from './mime-raw.js'
import {
  decryptArmored,
  errorText,
  judgeSignatures,
  readPublicKeys,
  type SignatureStatus,
  type VerificationKeys,
  type VerificationResult,
  verifyCleartext,
  verifyDetached,
} from './pgp-inbound.js'

export type { SignatureStatus } from './pgp-inbound.js'

export interface InboundLimits {
  /** Whole raw message, bytes. */
  maxRawBytes: number
  /** MIME parts (counted before parsing from boundary lines, and after). */
  maxParts: number
  /** Multipart nesting depth. */
  maxDepth: number
  /** Header bytes: of the top-level block, and summed over all parts. */
  maxHeaderBytes: number
  /** Plaintext after decryption and decompression, bytes. */
  maxDecryptedBytes: number
}

export const defaultInboundLimits: InboundLimits = {
  maxRawBytes: 30 * 1024 * 1024,
  maxParts: 500,
  maxDepth: 30,
  maxHeaderBytes: 256 * 1024,
  maxDecryptedBytes: 60 * 1024 * 1024,
}

export interface OrgKeySecret {
  privateKeyArmored: string
  passphrase?: string
}

/**
 * The organization's private keys, unlocked once and then reused: unlocking a passphrase-protected
 * key costs ~100 ms of S2K hashing, which must not be paid per mail. Create one per organization.
 */
export class OrgKeyring {
  #unlocked: Promise<{ keys: openpgp.PrivateKey[]; problems: string[] }> | null = null
  constructor(private readonly secrets: readonly OrgKeySecret[]) {}

  /** The usable keys, and a problem per key that could not be unlocked (wrong passphrase, …). */
  unlocked(): Promise<{ keys: openpgp.PrivateKey[]; problems: string[] }> {
    this.#unlocked ??= unlockAll(this.secrets)
    return this.#unlocked
  }
}

export interface ParseInboundOptions {
  /** The organization's private keys (current and retired ones, so old threads still decrypt). */
  orgKeys: OrgKeyring | readonly OrgKeySecret[]
  /**
   * Public keys the organization already trusts for this sender address (lowercase). Only these
   * can make a signature `verified`.
   */
  knownSenderKeys?: (fromAddress: string) => Promise<string[]> | string[]
  limits?: Partial<InboundLimits>
}

export interface InboundAttachment {
  /** Sanitized: last path segment, no control/bidi characters, length-capped. */
  filename: string
  contentType: string
  content: Buffer
}

export interface InboundMail {
  /** Message-ID without angle brackets, or null (a warning says so; dedup then uses `rawSha256`). */
  messageId: string | null
  inReplyTo: string | null
  references: string[]
  from: { address: string | null; name: string }
  to: { address: string; name: string }[]
  subject: string
  text: string
  /** Kept for the record, never rendered as HTML. */
  html?: string
  attachments: InboundAttachment[]
  encrypted: boolean
  /** Set when the mail was encrypted and could not be decrypted; `text` is then empty. */
  decryptionFailed?: string
  signature: SignatureStatus
  /** Armored public key the sender attached (validated; untrusted until someone confirms it). */
  senderPublicKey?: string
  /** Inline-PGP mail: text outside the encrypted/signed block (neither confidential nor signed). */
  unprotectedText?: string
  autoSubmitted: boolean
  autoSubmittedReason?: string
  /** Hex SHA-256 of the raw bytes, for dedup next to Message-ID. */
  rawSha256: string
  warnings: string[]
}

export type RejectReason = 'too-large' | 'too-many-parts' | 'too-deep' | 'headers-too-large' | 'malformed'

export type InboundResult =
  | { status: 'parsed'; mail: InboundMail }
  | { status: 'rejected'; reason: RejectReason; detail: string; rawSha256: string }

/** Parse, decrypt and verify one raw mail. Never throws; see the module comment. */
export async function parseInbound(raw: Buffer, opts: ParseInboundOptions): Promise<InboundResult> {
  const rawSha256 = createHash('sha256').update(raw).digest('hex')
  try {
    return await parseUnsafe(raw, opts, rawSha256)
  } catch (err) {
    return { status: 'rejected', reason: 'malformed', detail: `unexpected parser failure: ${errorText(err)}`, rawSha256 }
  }
}

class Rejection extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {
    super(detail)
  }
}

/** What a MIME entity shows once parsed: the displayed content and where it came from. */
interface Content {
  email: Email
  topMediaType: string
  /** latin1 view of the entity bytes, for byte-exact signature checks. */
  entity: string
}

async function parseUnsafe(raw: Buffer, opts: ParseInboundOptions, rawSha256: string): Promise<InboundResult> {
  const limits = { ...defaultInboundLimits, ...opts.limits }
  const warnings: string[] = []
  let outer: Content
  try {
    outer = await parseEntity(raw, limits)
  } catch (err) {
    if (err instanceof Rejection) return { status: 'rejected', reason: err.reason, detail: err.detail, rawSha256 }
    throw err
  }
  const { email } = outer
  const fromCount = email.headers.filter((h) => h.key === 'from').length
  const from = firstMailbox(email.from)
  const fromAddress = normalizeAddress(from?.address)
  if (fromCount > 1) {
    warnings.push('several From headers; the first is shown and no signature can vouch for it')
  } else if (fromCount === 0 || !fromAddress) {
    warnings.push('no usable From address')
  }
  const bindableFrom = fromCount === 1 ? fromAddress : null
  if (!email.messageId) warnings.push('no Message-ID; deduplicate by content hash')

  let attachedKey = await extractSenderKey(email, warnings)
  const keys: VerificationKeys = {
    trusted: fromAddress && opts.knownSenderKeys ? await readPublicKeys(await opts.knownSenderKeys(fromAddress)) : [],
    untrusted: attachedKey ? [attachedKey.key] : [],
  }

  let content: Content = outer
  let encrypted = false
  let decryptionFailed: string | undefined
  let signatures: VerificationResult[] = []
  let signature: SignatureStatus = 'none'
  let textOverride: string | undefined
  let unprotectedText: string | undefined

  const pgpMime = pgpMimePayload(outer)
  const inline = pgpMime ? null : armoredBlock(email.text ?? '', 'MESSAGE')
  if (pgpMime !== null || inline) {
    encrypted = true
    const ring = opts.orgKeys instanceof OrgKeyring ? opts.orgKeys : new OrgKeyring(opts.orgKeys)
    const { keys: orgKeys, problems } = await ring.unlocked()
    warnings.push(...problems)
    const armored = pgpMime ?? inline!.block
    const result = await decryptArmored(armored, orgKeys, keys, limits.maxDecryptedBytes)
    if (!result.ok) {
      decryptionFailed = result.reason
    } else if (pgpMime !== null) {
      signatures = result.signatures
      try {
        content = await parseEntity(Buffer.from(result.data), limits)
      } catch (err) {
        if (err instanceof Rejection)
          return { status: 'rejected', reason: err.reason, detail: `inside the encrypted part: ${err.detail}`, rawSha256 }
        throw err
      }
    } else {
      signatures = result.signatures
      textOverride = new TextDecoder('utf-8').decode(result.data)
      unprotectedText = inline!.outside || undefined
    }
  }

  // Issue 8, finding 10: mail clients ("attach my public key") put the key INSIDE the encrypted
  // part. It is looked for there too; like an outer one it is only self-asserted (the signature
  // judgement below does not use it: it was made with the keys known before decryption).
  if (encrypted && !decryptionFailed && !attachedKey) {
    attachedKey =
      content === outer ? await extractSenderKeyFromText(textOverride ?? '', warnings) : await extractSenderKey(content.email, warnings)
  }

  if (!decryptionFailed) {
    if (signatures.length > 0) {
      signature = await judgeSignatures(signatures, keys, bindableFrom)
    } else if (content.topMediaType === 'multipart/signed') {
      signature = await checkMultipartSigned(content, keys, bindableFrom, warnings)
    } else {
      const text = textOverride ?? content.email.text ?? ''
      const signed = armoredBlock(text, 'SIGNED MESSAGE')
      if (signed) {
        const verified = await verifyCleartext(signed.block, keys)
        if ('error' in verified) {
          signature = 'bad'
          warnings.push(`cleartext signature unreadable: ${verified.error}`)
        } else {
          signature = await judgeSignatures(verified.signatures, keys, bindableFrom)
          textOverride = verified.text
          if (signed.outside) unprotectedText = [unprotectedText, signed.outside].filter(Boolean).join('\n')
        }
      }
    }
  }
  if (unprotectedText) warnings.push('text outside the OpenPGP block is neither encrypted nor signed; kept apart')
  if (fromCount > 1 && signature === 'verified') signature = 'unverified'

  const shown = content.email
  const autoReason = autoSubmittedReason({
    headers: email.headers.map((h) => ({ key: h.key, value: h.value })),
    topMediaType: outer.topMediaType,
    fromAddress,
  })
  const mail: InboundMail = {
    messageId: stripBrackets(email.messageId),
    inReplyTo: stripBrackets(email.inReplyTo),
    references: msgIds(email.references),
    from: { address: fromAddress, name: from?.name ?? '' },
    to: flattenAddresses(email.to),
    subject: email.subject ?? '',
    text: decryptionFailed ? '' : (textOverride ?? shown.text ?? ''),
    attachments: decryptionFailed ? outer.email.attachments.map(toAttachment) : visibleAttachments(content),
    encrypted,
    signature,
    autoSubmitted: autoReason !== null,
    rawSha256,
    warnings,
  }
  if (!decryptionFailed && shown.html !== undefined) mail.html = shown.html
  if (decryptionFailed) mail.decryptionFailed = decryptionFailed
  if (attachedKey) mail.senderPublicKey = attachedKey.armored
  if (unprotectedText) mail.unprotectedText = unprotectedText
  if (autoReason) mail.autoSubmittedReason = autoReason
  return { status: 'parsed', mail }
}

/** Bounded MIME parse of one entity: cheap pre-scan first, then postal-mime with its own limits. */
async function parseEntity(bytes: Buffer, limits: InboundLimits): Promise<Content> {
  if (bytes.length > limits.maxRawBytes) throw new Rejection('too-large', `message is ${bytes.length} bytes; limit ${limits.maxRawBytes}`)
  const scan = preScan(bytes)
  if (scan.topHeaderBytes > limits.maxHeaderBytes) {
    throw new Rejection('headers-too-large', `header block is ${scan.topHeaderBytes} bytes; limit ${limits.maxHeaderBytes}`)
  }
  // Each part costs one boundary line (closing lines add one per multipart): twice the limit is a safe upper bound.
  if (scan.boundaryLines > limits.maxParts * 2) {
    throw new Rejection('too-many-parts', `about ${scan.boundaryLines} boundary lines; limit ${limits.maxParts} parts`)
  }
  let email: Email
  try {
    email = await PostalMime.parse(bytes, {
      maxNestingDepth: limits.maxDepth,
      maxHeadersSize: limits.maxHeaderBytes,
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
    })
  } catch (err) {
    const text = errorText(err)
    if (/nesting depth/i.test(text)) throw new Rejection('too-deep', text)
    if (/header size/i.test(text)) throw new Rejection('headers-too-large', text)
    throw new Rejection('malformed', text)
  }
  if (email.attachments.length > limits.maxParts) {
    throw new Rejection('too-many-parts', `${email.attachments.length} attachments; limit ${limits.maxParts}`)
  }
  const topType = email.headers.find((h) => h.key === 'content-type')?.value
  return { email, topMediaType: mediaType(topType), entity: bytes.toString('latin1') }
}

/** The armored payload of an RFC 3156 `multipart/encrypted` entity, or null when it is not one. */
function pgpMimePayload(content: Content): string | null {
  if (content.topMediaType !== 'multipart/encrypted') return null
  const ct = content.email.headers.find((h) => h.key === 'content-type')?.value
  if (headerParam(ct, 'protocol')?.toLowerCase() !== 'application/pgp-encrypted') return null
  const part = content.email.attachments.find((a) => a.mimeType === 'application/octet-stream')
  return part ? contentText(part) : ''
}

/** RFC 3156 §5: verify the signature over the exact bytes of the first part. */
async function checkMultipartSigned(
  content: Content,
  keys: VerificationKeys,
  from: string | null,
  warnings: string[],
): Promise<SignatureStatus> {
  const { headers, body } = splitEntity(content.entity)
  const ct = headers.find((h) => h.key === 'content-type')?.value
  const boundary = headerParam(ct, 'boundary')
  if (headerParam(ct, 'protocol')?.toLowerCase() !== 'application/pgp-signature' || !boundary) return 'none'
  const parts = splitMultipart(body, boundary)
  const sigPart = content.email.attachments.find((a) => a.mimeType === 'application/pgp-signature')
  if (parts.length !== 2 || !sigPart) {
    warnings.push('multipart/signed without exactly one signed part and one signature')
    return 'bad'
  }
  const signed = Buffer.from(canonicalizeCrlf(parts[0]!), 'latin1')
  const results = await verifyDetached(signed, contentText(sigPart), keys)
  if ('error' in results) {
    warnings.push(`signature unreadable: ${results.error}`)
    return 'bad'
  }
  return judgeSignatures(results, keys, from)
}

/** Attachments the reader should see: a `multipart/signed` signature part is plumbing, not content. */
function visibleAttachments(content: Content): InboundAttachment[] {
  const isSigned = content.topMediaType === 'multipart/signed'
  return content.email.attachments.filter((a) => !(isSigned && a.mimeType === 'application/pgp-signature')).map(toAttachment)
}

function toAttachment(a: Attachment): InboundAttachment {
  const content = typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : Buffer.from(a.content as ArrayBuffer)
  return { filename: sanitizeFilename(a.filename), contentType: a.mimeType.replace(/[^a-z0-9!#$&^_.+/-]/gi, '').slice(0, 100), content }
}

/** A reporter's public key attached as `application/pgp-keys` or as an armored block in text/attachments. */
async function extractSenderKey(email: Email, warnings: string[]): Promise<{ key: openpgp.PublicKey; armored: string } | null> {
  const candidates: string[] = []
  for (const a of email.attachments) {
    if (a.mimeType === 'application/pgp-keys' || /\.(asc|key|pub)$/i.test(a.filename ?? '')) {
      const text = contentText(a)
      const block = armoredBlock(text, 'PUBLIC KEY BLOCK')
      if (block) candidates.push(block.block)
      else if (a.mimeType === 'application/pgp-keys' && /BEGIN PGP PRIVATE KEY BLOCK/.test(text))
        warnings.push('a private key was attached; it is not used')
    }
  }
  const inText = armoredBlock(email.text ?? '', 'PUBLIC KEY BLOCK')
  if (inText) candidates.push(inText.block)
  return firstUsableKey(candidates, warnings)
}

/** A public key pasted as an armored block into (decrypted) inline text. */
function extractSenderKeyFromText(text: string, warnings: string[]): Promise<{ key: openpgp.PublicKey; armored: string } | null> {
  const block = armoredBlock(text, 'PUBLIC KEY BLOCK')
  return firstUsableKey(block ? [block.block] : [], warnings)
}

async function firstUsableKey(candidates: string[], warnings: string[]): Promise<{ key: openpgp.PublicKey; armored: string } | null> {
  for (const armored of candidates.slice(0, 3)) {
    try {
      const imported = await importPublicKey(armored)
      return { key: imported.key, armored: imported.armored }
    } catch (err) {
      warnings.push(`attached public key not usable: ${err instanceof KeyImportError ? err.problem : 'unreadable'}`)
    }
  }
  return null
}

async function unlockAll(secrets: readonly OrgKeySecret[]): Promise<{ keys: openpgp.PrivateKey[]; problems: string[] }> {
  const keys: openpgp.PrivateKey[] = []
  const problems: string[] = []
  for (const s of secrets) {
    try {
      keys.push(await unlockPrivateKey(s.privateKeyArmored, s.passphrase))
    } catch (err) {
      problems.push(`an organization key could not be unlocked: ${err instanceof KeyImportError ? err.problem : 'unreadable'}`)
    }
  }
  return { keys, problems }
}

/** First armored block of a kind, and the non-blank text around it. */
function armoredBlock(text: string, kind: 'MESSAGE' | 'SIGNED MESSAGE' | 'PUBLIC KEY BLOCK'): { block: string; outside: string } | null {
  const begin = `-----BEGIN PGP ${kind}-----`
  const start = text.indexOf(begin)
  if (start < 0) return null
  const endMarker = kind === 'SIGNED MESSAGE' ? '-----END PGP SIGNATURE-----' : `-----END PGP ${kind}-----`
  const end = text.indexOf(endMarker, start)
  if (end < 0) return null
  const stop = end + endMarker.length
  const outside = `${text.slice(0, start)}\n${text.slice(stop)}`.trim()
  return { block: text.slice(start, stop), outside }
}

function contentText(a: Attachment): string {
  if (typeof a.content === 'string') return a.content
  return Buffer.from(a.content as ArrayBuffer).toString('utf8')
}

function firstMailbox(addr: Address | undefined): { address: string; name: string } | null {
  if (!addr) return null
  if (addr.group) return addr.group[0] ?? null
  return { address: addr.address ?? '', name: addr.name }
}

function flattenAddresses(list: Address[] | undefined): { address: string; name: string }[] {
  const out: { address: string; name: string }[] = []
  for (const a of list ?? []) {
    for (const m of a.group ?? [a]) {
      const address = normalizeAddress(m.address)
      if (address) out.push({ address, name: m.name })
    }
  }
  return out
}

function stripBrackets(id: string | undefined): string | null {
  const m = id?.trim().match(/^<?([^<>\s]+)>?$/)
  return m ? m[1]! : null
}

function msgIds(value: string | undefined): string[] {
  return [...(value ?? '').matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!).slice(0, 100)
}
