/**
 * A strict structural oracle for the HTML `renderMarkdown` produces (B-3/B-4). No HTML parser is
 * installed (no parse5, jsdom or happy-dom), so instead of parsing leniently this checks that the
 * output is built only from what markdown-it with `html: false` can emit: every `<` opens a
 * well-formed tag from an allowlist, with allowlisted attributes in double quotes, and every URL
 * attribute, once its character references are decoded the way a browser would, has no scheme
 * other than http, https or mailto. Anything else is a finding. Chromium, the real parser, is
 * the oracle of `xss-in-browser.test.ts`.
 */

const allowed: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  em: [],
  strong: [],
  s: [],
  code: ['class'],
  pre: ['tabindex'],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  a: ['href', 'rel', 'title'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['style'],
  td: ['style'],
}

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  sol: '/',
  lpar: '(',
  rpar: ')',
  num: '#',
  semi: ';',
}

/** Decodes character references as an HTML attribute value is decoded (numeric and the names that matter for schemes). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
    }
    return named[ref.toLowerCase()] ?? whole
  })
}

/** Whether a browser would run or render something active from this URL (what it does with it after decoding). */
export function dangerousUrl(raw: string): boolean {
  // Browsers drop ASCII tab/newline anywhere in a URL and trim leading C0 controls and spaces.
  const url = decodeAttribute(raw)
    .replace(/[\t\n\r]/g, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/^[\u0000-\u0020]+/, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme === undefined) return false
  return !['http', 'https', 'mailto'].includes(scheme)
}

/** Every problem found in `html`; empty when it is safe by construction. */
export function markdownHtmlFindings(html: string): string[] {
  const findings: string[] = []
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/y
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    tag.lastIndex = i
    const m = tag.exec(html)
    if (!m) {
      findings.push(`raw '<' not part of an allowed tag at ${i}: ${JSON.stringify(html.slice(i, i + 40))}`)
      continue
    }
    const [, closing, name = '', attrs = ''] = m
    const allowedAttrs = allowed[name]
    if (!allowedAttrs) {
      findings.push(`tag <${name}> is not one markdown-it emits with html:false`)
      continue
    }
    if (closing && attrs.trim() !== '') findings.push(`closing tag </${name}> with attributes`)
    for (const a of attrs.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      const [, attr = '', value = ''] = a
      if (!allowedAttrs.includes(attr)) findings.push(`attribute ${attr} on <${name}>`)
      if (attr === 'href' && dangerousUrl(value)) findings.push(`dangerous href ${JSON.stringify(value)}`)
      if (attr === 'tabindex' && value !== '0') findings.push(`tabindex ${JSON.stringify(value)}`)
      if (attr === 'style' && !/^text-align:(left|right|center)$/.test(value)) findings.push(`style ${JSON.stringify(value)}`)
      if (attr === 'class' && !/^language-[^\s]*$/.test(value)) findings.push(`class ${JSON.stringify(value)}`)
    }
  }
  // markdown-it escapes " in text as &quot;: a raw one outside tags means some text went out unescaped.
  if (html.replace(/<[^>]*>/g, '').includes('"')) findings.push('raw " in text')
  return findings
}
