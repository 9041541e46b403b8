/**
 * Where a user-supplied "go back to" location (`next`) may send a browser (ASVS v5.0.0-3.7.2).
 * Pure: the public URL comes from configuration (`EMBARGO_PUBLIC_URL`), never from request headers.
 */

/** Where people land when `next` is missing or refused. */
export const defaultLanding = '/'

/** Longer `next` values are refused rather than parsed (no page of ours has such an address). */
export const maxRedirectTargetLength = 2048

/**
 * Characters a browser strips, folds or reads as a path separator before it resolves a
 * `Location` (tab, CR, LF, other controls, zero-width and bidi format characters, every kind of
 * space, backslash). None belongs in an address of ours, so their presence refuses the value.
 */
const refusedCharacter = /[\p{Cc}\p{Cf}\p{Z}\s\\]/u

/**
 * The path and query of `value` resolved against `publicUrl`, if that is on the same origin and
 * could not be read by a browser as another host; `defaultLanding` otherwise. The answer is
 * always ASCII, starts with one `/` followed by something other than `/` or `\` (or is `/`), and
 * so is safe to put in a `Location` header as it is.
 */
export function safeRedirectTarget(value: unknown, publicUrl: URL): string {
  if (typeof value !== 'string' || value === '' || value.length > maxRedirectTargetLength || refusedCharacter.test(value)) {
    return defaultLanding
  }
  let url: URL
  try {
    url = new URL(value, publicUrl)
  } catch {
    return defaultLanding
  }
  if (url.origin !== publicUrl.origin || url.username !== '' || url.password !== '') return defaultLanding
  // The path as a lenient server or proxy would decode it: `/%2F/x`, `/%5Cx`, `/.//x` all mean another host to someone.
  let decodedPath: string
  try {
    decodedPath = decodeURIComponent(url.pathname)
  } catch {
    return defaultLanding
  }
  if (!url.pathname.startsWith('/') || decodedPath.startsWith('//') || refusedCharacter.test(decodedPath)) return defaultLanding
  const target = url.pathname + url.search
  return target.length > maxRedirectTargetLength ? defaultLanding : target
}
