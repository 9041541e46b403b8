/**
 * Byte-exact MIME helpers for the two things a structured parser cannot give us:
 *  - the exact bytes of the first part of a `multipart/signed` entity, because an RFC 3156
 *    detached signature covers those bytes (after CRLF canonicalisation), not a re-encoding;
 *  - a cheap, linear pre-scan that bounds the work before the full parser runs.
 * Strings here are `latin1` views of the buffer so that one character is one byte.
 */

export interface RawHeader {
  /** Lowercase name. */
  key: string
  /** Unfolded value. */
  value: string
}

export interface RawEntity {
  headers: RawHeader[]
  /** Header block size in bytes, including the blank line. */
  headerBytes: number
  /** Body as a latin1 string (byte-exact). */
  body: string
}

/** Split an entity (latin1 string) into its header block and body. */
export function splitEntity(entity: string): RawEntity {
  const crlf = entity.indexOf('\r\n\r\n')
  const lf = entity.indexOf('\n\n')
  let end: number
  let sep: number
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) {
    end = crlf
    sep = 4
  } else if (lf >= 0) {
    end = lf
    sep = 2
  } else {
    end = entity.length
    sep = 0
  }
  const block = entity.slice(0, end)
  return { headers: parseHeaderBlock(block), headerBytes: end + sep, body: entity.slice(end + sep) }
}

/** Parse a header block into unfolded name/value pairs; lines that are not headers are skipped. */
export function parseHeaderBlock(block: string): RawHeader[] {
  const headers: RawHeader[] = []
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1]!
      last.value += ` ${line.trim()}`
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    headers.push({ key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() })
  }
  return headers
}

/** First value of a header, or undefined. */
export function headerValue(headers: readonly RawHeader[], key: string): string | undefined {
  return headers.find((h) => h.key === key)?.value
}

/** The media type (lowercase, no parameters) of a Content-Type value. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? 'text/plain').split(';')[0]!.trim().toLowerCase()
}

/** A parameter (e.g. `boundary`, `protocol`) of a structured header value, unquoted. */
export function headerParam(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i')
  const m = re.exec(value)
  if (!m) return undefined
  return (m[1] ?? m[2])?.replace(/\\(.)/g, '$1')
}

/**
 * The body parts of a multipart entity, byte-exact. Per RFC 2046 the line break before a
 * delimiter belongs to the delimiter, so it is not part of the preceding part.
 */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`
  const parts: string[] = []
  let pos = body.startsWith(delimiter) ? 0 : body.indexOf(`\n${delimiter}`)
  if (pos < 0) return parts
  if (pos > 0) pos += 1
  for (;;) {
    const lineEnd = body.indexOf('\n', pos)
    if (lineEnd < 0) return parts
    const closing = body.startsWith(`${delimiter}--`, pos)
    if (closing) return parts
    const start = lineEnd + 1
    const next = body.indexOf(`\n${delimiter}`, start)
    if (next < 0) {
      parts.push(body.slice(start))
      return parts
    }
    const end = next > start && body[next - 1] === '\r' ? next - 1 : next
    parts.push(body.slice(start, end))
    pos = next + 1
  }
}

/** Convert bare LF (and bare CR) line endings to CRLF, as RFC 3156 requires before hashing. */
export function canonicalizeCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n')
}

export interface PreScan {
  /** Upper bound on the number of MIME parts: lines that start with `--`. */
  boundaryLines: number
  /** Longest line in bytes (a 1 MB header line is found here). */
  longestLine: number
  /** Bytes before the first blank line. */
  topHeaderBytes: number
}

/** One linear pass over the raw message; no regex backtracking, no allocation per line. */
export function preScan(raw: Buffer): PreScan {
  let boundaryLines = 0
  let longestLine = 0
  let lineStart = 0
  let topHeaderBytes = -1
  const n = raw.length
  for (let i = 0; i < n; i++) {
    if (raw[i] !== 0x0a) continue
    const len = i - lineStart
    if (len > longestLine) longestLine = len
    if (raw[lineStart] === 0x2d && raw[lineStart + 1] === 0x2d) boundaryLines++
    if (topHeaderBytes < 0 && (len === 0 || (len === 1 && raw[lineStart] === 0x0d))) topHeaderBytes = lineStart
    lineStart = i + 1
  }
  const lastLen = n - lineStart
  if (lastLen > longestLine) longestLine = lastLen
  if (raw[lineStart] === 0x2d && raw[lineStart + 1] === 0x2d) boundaryLines++
  return { boundaryLines, longestLine, topHeaderBytes: topHeaderBytes < 0 ? n : topHeaderBytes }
}
