/**
 * Renders /.well-known/security.txt (RFC 9116) from a policy. Pure: `now` is passed in.
 * The text is ready to be cleartext-signed elsewhere: no line starts with "-", no trailing
 * whitespace, and every field value has CR, LF and other control characters removed so a value
 * can never start a field of its own.
 */
import type { Policy } from './schema.js'

export interface SecurityTxtOptions {
  /** The organization's public page on this Embargo instance, e.g. https://embargo.example/kumi-systems. */
  publicUrl: string
  /** Where this file is served: https://…/.well-known/security.txt. */
  canonicalUrl: string
  /** ISO-8601 instant of rendering. */
  now: string
  /** The OpenPGP key to encrypt reports to, when Embargo serves one. */
  encryptionUrl?: string | undefined
  /** Where the web form lives; default `${publicUrl}/report`. */
  reportUrl?: string | undefined
  lineEnding?: 'lf' | 'crlf'
  /** The organization's own security address (its mail settings): a Contact even when the policy lists none. */
  securityAddress?: string | undefined
  /**
   * The absolute URL of the organization's CSAF provider-metadata.json, when it publishes
   * advisories: the `CSAF` field CSAF 2.0 §7.1.8 (requirement 8) asks security.txt to carry.
   */
  csafProviderMetadataUrl?: string | undefined
}

const DAY = 86_400_000
/** RFC 9116 §2.5.5: "RECOMMENDED that the value of this field be less than a year into the future". */
const MAX_AHEAD = 364 * DAY

/** A field value with nothing that could end the line or hide in it. */
const clean = (value: string): string =>
  Array.from(value, (char) => (isControl(char) ? ' ' : char))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()

/** C0 controls (CR and LF among them), DEL, and the Unicode line and paragraph separators. */
const isControl = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029
}

/** Expires, in RFC 3339 UTC to the second: the policy's date if it is still ahead and within a year, else now + 364 days. */
export function securityTxtExpires(policy: Policy, now: string): string {
  const nowMs = Date.parse(now)
  const wanted = policy.securityTxt?.expires ? Date.parse(policy.securityTxt.expires) : Number.NaN
  const expires = Number.isNaN(wanted) || wanted <= nowMs ? nowMs + MAX_AHEAD : Math.min(wanted, nowMs + MAX_AHEAD)
  return new Date(Math.floor(expires / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

const unique = (values: readonly string[]): string[] => [...new Set(values.map(clean).filter((v) => v !== ''))]

/** Contacts in priority order (RFC 9116 §2.5.3): the web form, then confidential trackers, then e-mail. */
function contacts(policy: Policy, options: SecurityTxtOptions): string[] {
  const { channels } = policy
  return unique([
    ...(channels.webForm?.enabled ? [options.reportUrl ?? `${options.publicUrl.replace(/\/$/, '')}/report`] : []),
    ...(channels.trackers ?? []).filter((t) => t.confidentialIssues).map((t) => t.url),
    ...(channels.email ?? []).map((e) => `mailto:${e.address}`),
    ...(options.securityAddress ? [`mailto:${options.securityAddress}`] : []),
  ])
}

/** The whole security.txt, ending with a line ending. */
export function renderSecurityTxt(policy: Policy, options: SecurityTxtOptions): string {
  const txt = policy.securityTxt ?? {}
  const encryption = options.encryptionUrl ?? txt.encryption ?? policy.channels.email?.find((e) => e.openpgp?.url)?.openpgp?.url
  const hallOfFame = policy.recognition?.hallOfFame
  const acknowledgments = txt.acknowledgments ?? (hallOfFame?.enabled ? hallOfFame.url : undefined)
  const languages = txt.preferredLanguages ?? policy.organization.languages
  const fields: Array<[string, string | undefined]> = [
    ...contacts(policy, options).map((c): [string, string] => ['Contact', c]),
    ['Expires', securityTxtExpires(policy, options.now)],
    ['Encryption', encryption],
    ['Acknowledgments', acknowledgments],
    ['Preferred-Languages', languages?.map(clean).join(', ')],
    ...unique([options.canonicalUrl, ...(txt.canonical ?? [])]).map((c): [string, string] => ['Canonical', c]),
    ['Policy', txt.policy ?? options.publicUrl],
    ['Hiring', txt.hiring],
    ['CSAF', options.csafProviderMetadataUrl],
  ]
  const lines = [
    `# Security contacts for ${clean(policy.organization.name)}; how we handle reports: see Policy.`,
    ...fields
      .filter((f): f is [string, string] => f[1] !== undefined && clean(f[1]) !== '')
      .map(([name, value]) => `${name}: ${clean(value)}`),
  ]
  const eol = options.lineEnding === 'crlf' ? '\r\n' : '\n'
  return lines.join(eol) + eol
}
