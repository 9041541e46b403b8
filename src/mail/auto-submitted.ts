/**
 * Is this mail written by a machine (auto-reply, bounce, list traffic)? Such mail must never
 * trigger an automatic answer (RFC 3834 §2), or two robots acknowledge each other forever,
 * and a bounce must not become a "reporter reply".
 */

export interface AutoSubmittedInput {
  /** Lowercase header name/value pairs, duplicates included. */
  headers: readonly { key: string; value: string }[]
  /** Media type of the top-level entity, lowercase. */
  topMediaType: string
  /** Bare From address, lowercase, or null. */
  fromAddress: string | null
}

/** The reason a message counts as automatic, or null when it looks human-written. */
export function autoSubmittedReason(input: AutoSubmittedInput): string | null {
  for (const { key, value } of input.headers) {
    const v = value.trim().toLowerCase()
    if (key === 'auto-submitted' && v !== '' && !v.startsWith('no')) return `Auto-Submitted: ${v.split(';')[0]}`
    if (key === 'precedence' && /^(bulk|junk|list|auto_reply)\b/.test(v)) return `Precedence: ${v}`
    if (key === 'x-autoreply' || key === 'x-autorespond' || key === 'x-auto-response-suppress') {
      if (key !== 'x-auto-response-suppress') return key
    }
    if (key === 'list-id' || key === 'list-unsubscribe') return key
    if (key === 'return-path' && /^<\s*>$/.test(v)) return 'null return path'
    if (key === 'x-failed-recipients') return key
  }
  if (input.topMediaType === 'multipart/report') return 'delivery or disposition report (multipart/report)'
  const local = input.fromAddress?.split('@')[0] ?? ''
  if (/^(mailer-daemon|postmaster)$/.test(local)) return `From ${local}`
  return null
}
