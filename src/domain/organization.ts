/** Rules for names people choose: organization slugs, program slugs, e-mail addresses of team members. */

const reservedSlugs = new Set(['api', 'static', 'login', 'logout', 'setup', 'admin', 'well-known', 'new', 'follow-up'])

/** Lower-case letters, digits and inner hyphens, 2–40 characters: safe in URLs and reference numbers. */
export function slugProblem(slug: string): 'invalid-slug' | 'reserved-slug' | null {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/.test(slug)) return 'invalid-slug'
  if (reservedSlugs.has(slug)) return 'reserved-slug'
  return null
}

/** Team e-mail addresses are compared case-insensitively, so they are stored lower-cased and trimmed. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase()

export const looksLikeEmail = (email: string): boolean => email.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)

/** Display names and organization names: one line, 1–120 characters. */
export function nameProblem(name: string): 'required' | 'too-long' | 'control-characters' | null {
  if (name.trim() === '') return 'required'
  if (name.length > 120) return 'too-long'
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-characters'
  return null
}
