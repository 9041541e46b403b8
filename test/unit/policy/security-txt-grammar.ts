/**
 * A line-level checker for the RFC 9116 §4 grammar, used to test our renderer. It is checked
 * itself against the standard material in ../shared/standards/securitytxt (the RFC's ABNF and
 * the sectxtlib corpus of valid files), so a lenient checker would fail its own test.
 */

export interface GrammarReport {
  errors: string[]
  fields: Array<{ name: string; value: string }>
}

/** The fields RFC 9116 defines, with the production each value must match. */
export const rfcFields = {
  acknowledgments: 'uri',
  canonical: 'uri',
  contact: 'uri',
  encryption: 'uri',
  expires: 'date-time',
  hiring: 'uri',
  'preferred-languages': 'lang-values',
  policy: 'uri',
} as const

// RFC 5322 §3.6.8: field-name = 1*ftext; ftext = %d33-57 / %d59-126
const fieldName = /^[\x21-\x39\x3b-\x7e]+$/
// RFC 3339 §5.6 date-time; its note allows a space instead of "T", and sectxtlib (gov.uk) relies on that
const dateTime =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/
// RFC 5646 Language-Tag, simplified to language[-script][-region][-variant…]
const langTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/
// RFC 3986 URI: a scheme, then no whitespace or characters outside the URI set
const uri = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/

/** Control characters other than horizontal tab (which WSP allows). */
const hasControl = (text: string): boolean =>
  Array.from(text).some((c) => (c.charCodeAt(0) < 0x20 && c !== '\t') || c.charCodeAt(0) === 0x7f)

function checkValue(kind: (typeof rfcFields)[keyof typeof rfcFields], value: string): boolean {
  switch (kind) {
    case 'uri':
      return uri.test(value)
    case 'date-time':
      return dateTime.test(value)
    case 'lang-values':
      return value.split(',').every((tag) => langTag.test(tag.trim()))
  }
}

/** Undoes an OpenPGP cleartext signature (RFC 4880 §7) and returns the signed text. */
export function unsign(text: string): string {
  const lines = text.split(/\r?\n/)
  if (lines[0] !== '-----BEGIN PGP SIGNED MESSAGE-----') return text
  const start = lines.indexOf('') + 1
  const end = lines.indexOf('-----BEGIN PGP SIGNATURE-----')
  return `${lines
    .slice(start, end)
    .map((l) => l.replace(/^- /, ''))
    .join('\n')}\n`
}

/** Checks an unsigned security.txt against the grammar and the field-count rules of RFC 9116. */
export function checkSecurityTxt(text: string, options: { now?: string } = {}): GrammarReport {
  const errors: string[] = []
  const fields: GrammarReport['fields'] = []
  if (text !== '' && !text.endsWith('\n')) errors.push('the last line has no line ending (eol = *WSP [CR] LF)')
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  // ext-field values are RFC 5322 "unstructured", which may fold onto lines that start with whitespace.
  let folding = false
  lines.forEach((raw, i) => {
    const at = `line ${i + 1}`
    if (/\r(?!$)/.test(raw)) errors.push(`${at}: CR not followed by LF`)
    const line = raw.replace(/\r$/, '').replace(/[ \t]+$/, '')
    const continues = folding && /^[ \t]/.test(raw)
    folding = continues
    if (line === '' || continues) return
    if (line.startsWith('#')) {
      if (hasControl(line)) errors.push(`${at}: control character in a comment`)
      return
    }
    const colon = line.indexOf(':')
    const name = colon > 0 ? line.slice(0, colon) : ''
    if (!fieldName.test(name)) {
      errors.push(`${at}: not a field, comment or empty line`)
      return
    }
    if (raw[colon + 1] !== ' ') {
      errors.push(`${at}: "${name}:" must be followed by one space (fs SP)`)
      return
    }
    const value = line.slice(colon + 2)
    fields.push({ name, value })
    const kind = (rfcFields as Record<string, (typeof rfcFields)[keyof typeof rfcFields]>)[name.toLowerCase()]
    if (kind && !checkValue(kind, value)) errors.push(`${at}: ${name} value is not a ${kind}: ${JSON.stringify(value)}`)
    if (!kind && hasControl(value)) errors.push(`${at}: control character in ${name}`)
    folding = !kind
  })
  const count = (n: string) => fields.filter((f) => f.name.toLowerCase() === n).length
  if (count('contact') < 1) errors.push('Contact: one or more required')
  if (count('expires') !== 1) errors.push(`Expires: exactly one required, found ${count('expires')}`)
  if (count('preferred-languages') > 1) errors.push('Preferred-Languages: at most one')
  const expires = fields.find((f) => f.name.toLowerCase() === 'expires')
  if (expires && options.now && Date.parse(expires.value) <= Date.parse(options.now)) errors.push('Expires: in the past')
  return { errors, fields }
}
