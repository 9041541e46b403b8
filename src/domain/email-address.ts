/**
 * E-mail addresses as Embargo compares and stores them: one rule for the whole product (intake,
 * mail routing, OpenPGP key user IDs, settings), so an address is never valid in one place and
 * refused in another.
 */

/** Characters that could end a header line in some MIME or SMTP parser. */
const lineBreaks = /[\r\n\0\u0085\u2028\u2029]/

/** Lowercased, trimmed bare address, or null when it is not plausibly `local@domain` on one line. */
export function normalizeAddress(address: string | null | undefined): string | null {
  if (!address) return null
  const trimmed = address.trim().toLowerCase()
  if (lineBreaks.test(trimmed) || /[\s<>",;()]/.test(trimmed)) return null
  const at = trimmed.lastIndexOf('@')
  if (at <= 0 || at === trimmed.length - 1) return null
  return trimmed
}
