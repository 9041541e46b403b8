/**
 * Text hygiene for values that cross the mail boundary, in either direction, and for the names of
 * files reporters attach on the report form (src/http/uploaded-files.ts). Pure.
 *
 * Outbound: anything that reaches a header (Subject, display names, Reply-To, custom headers)
 * must never be able to start a new header line or add a recipient (SECURITY-ANCHORS B-5, class 11).
 * Nodemailer folds and encodes, but we do not rely on that: line breaks of every flavour are
 * removed before a value is handed over.
 *
 * Inbound: attachment names come from strangers and end up in download dialogs and file systems,
 * so they lose path parts, control and bidi characters, and get a length cap.
 */

/** Characters that end a line in some parser: CR, LF, NUL, NEL (U+0085), LINE/PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /[\r\n\0\u0085\u2028\u2029]/g
/** Remaining C0/C1 controls (tab kept only where noted), DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
/** Bidi embeddings/overrides/isolates and marks: they make `evil‮fdp.exe` look like `evil.pdf`. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** Zero-width characters and the BOM: invisible, used to hide content in names. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g

/** True when the value contains anything that could terminate a header line in some MIME/SMTP parser. */
export function hasLineBreak(value: string): boolean {
  LINE_BREAKS.lastIndex = 0
  return LINE_BREAKS.test(value)
}

/**
 * A single-line header value: line breaks become spaces, other controls and bidi controls vanish,
 * RFC 2047 encoded-word openers (`=?`) are defused so a receiver cannot decode a value we meant as
 * literal text into something else, whitespace collapses, and the result is capped.
 */
export function cleanHeaderValue(value: string, maxLength = 200): string {
  const cleaned = value
    .replace(LINE_BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(INVISIBLE, '')
    .replace(/=\?/g, '= ?')
    .replace(/\s+/g, ' ')
    .trim()
  return truncateCodePoints(cleaned, maxLength)
}

/**
 * A display name for an address header: a clean header value without the characters that carry
 * address syntax (`<>",;:@` and brackets), so a name can never smuggle a second mailbox or group.
 */
export function cleanDisplayName(value: string, maxLength = 100): string {
  return cleanHeaderValue(value.replace(/[<>",;:@()[\]\\]/g, ' '), maxLength).trim()
}

/**
 * An attachment file name safe to store and to offer as a download: only the last path segment,
 * no controls, no bidi/invisible characters, no leading dots (hidden files, `..`), capped length
 * keeping the extension. Empty results become `fallback`.
 */
export function sanitizeFilename(name: string | null | undefined, fallback = 'attachment', maxLength = 120): string {
  if (!name) return fallback
  let base = name.replace(LINE_BREAKS, '').replace(CONTROLS, '').replace(BIDI, '').replace(INVISIBLE, '').replace(/\t/g, ' ')
  base = base.split(/[/\\]/).pop() ?? ''
  base = base
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .replace(/\s+/g, ' ')
  if (!base) return fallback
  if ([...base].length <= maxLength) return base
  const dot = base.lastIndexOf('.')
  const ext = dot > 0 && base.length - dot <= 12 ? base.slice(dot) : ''
  return truncateCodePoints(base.slice(0, base.length - ext.length), maxLength - ext.length) + ext
}

/** Cut at a code point boundary, never inside a surrogate pair. */
export function truncateCodePoints(value: string, maxLength: number): string {
  const points = [...value]
  return points.length <= maxLength ? value : points.slice(0, maxLength).join('')
}

export { normalizeAddress } from './email-address.js'
