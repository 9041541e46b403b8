/**
 * Per-report reply addresses and threading.
 *
 * Every report gets its own address `local+r-<token>@domain`, so a reply lands on the right report
 * even when the mail client dropped In-Reply-To. The token only routes mail: it is NOT the
 * follow-up capability (knowing it lets you write to a report, never read it), and it is random
 * (≥ 80 bits) so reports cannot be enumerated by guessing addresses.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { normalizeAddress } from '../domain/text-hygiene.js'

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'
/** 15 random bytes = 120 bits = 24 base32 characters. */
const TOKEN_BYTES = 15
const TOKEN_RE = /^[a-z2-7]{24}$/

/** A fresh reply token: 120 random bits, lowercase RFC 4648 base32 without padding. */
export function newReplyToken(): string {
  const bytes = randomBytes(TOKEN_BYTES)
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

/** True when `token` has the exact shape `newReplyToken` produces. */
export function isReplyToken(token: string): boolean {
  return TOKEN_RE.test(token)
}

/** `security@example.org` + token → `security+r-<token>@example.org`. */
export function replyAddress(baseAddress: string, token: string): string {
  const base = normalizeAddress(baseAddress)
  if (!base || !isReplyToken(token)) throw new Error('invalid base address or reply token')
  const at = base.lastIndexOf('@')
  return `${base.slice(0, at)}+r-${token}${base.slice(at)}`
}

/**
 * The token in `address` when it is a reply address of `baseAddress` (same local part and domain,
 * case-insensitive), otherwise null. Accepts `Name <addr>` and bare addresses.
 */
export function parseReplyAddress(address: string, baseAddress: string): string | null {
  const bare = normalizeAddress(/<([^<>]+)>/.exec(address)?.[1] ?? address)
  const base = normalizeAddress(baseAddress)
  if (!bare || !base) return null
  const at = base.lastIndexOf('@')
  const prefix = `${base.slice(0, at)}+r-`
  const domain = base.slice(at)
  if (!bare.startsWith(prefix) || !bare.endsWith(domain)) return null
  const token = bare.slice(prefix.length, bare.length - domain.length)
  return isReplyToken(token) ? token : null
}

/** A new Message-ID `<uuid@host>`; the host is reduced to DNS characters so it cannot inject. */
export function newMessageId(host: string): string {
  const safeHost = host.toLowerCase().replace(/[^a-z0-9.-]/g, '') || 'localhost'
  return `<${randomUUID()}@${safeHost}>`
}

export interface ThreadHints {
  /** Envelope recipients, To, Cc and Delivered-To addresses. */
  recipients: readonly string[]
  inReplyTo: string | null
  references: readonly string[]
}

export type ThreadMatch<T> = { report: T; via: 'reply-address' | 'in-reply-to' | 'references' }

/**
 * Which report a mail belongs to: the reply address wins (it is ours and unforgeable without the
 * token), then In-Reply-To, then References newest first. `byToken` and `byMessageId` are the
 * caller's lookups (scoped to the organization); Message-IDs are passed without angle brackets.
 */
export async function findThread<T>(
  hints: ThreadHints,
  baseAddress: string,
  lookups: {
    byToken: (token: string) => Promise<T | null> | T | null
    byMessageId: (messageId: string) => Promise<T | null> | T | null
  },
): Promise<ThreadMatch<T> | null> {
  for (const r of hints.recipients) {
    const token = parseReplyAddress(r, baseAddress)
    if (!token) continue
    const report = await lookups.byToken(token)
    if (report !== null) return { report, via: 'reply-address' }
  }
  if (hints.inReplyTo) {
    const report = await lookups.byMessageId(stripAngles(hints.inReplyTo))
    if (report !== null) return { report, via: 'in-reply-to' }
  }
  for (const id of [...hints.references].reverse().slice(0, 50)) {
    const report = await lookups.byMessageId(stripAngles(id))
    if (report !== null) return { report, via: 'references' }
  }
  return null
}

function stripAngles(id: string): string {
  return id.trim().replace(/^<|>$/g, '')
}
