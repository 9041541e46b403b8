import { describe, expect, it } from 'vitest'
import { defaultLanding, maxRedirectTargetLength, safeRedirectTarget } from '../../../src/http/redirect-target.js'

const publicUrl = new URL('https://embargo.example.org')

/** Known open-redirect bypasses, as `next` arrives after the form or query string was decoded once. */
const refused: Array<[string, unknown]> = [
  ['scheme-relative', '//evil.example'],
  ['scheme-relative with path', '//evil.example/w/acme'],
  ['triple slash', '///evil.example'],
  ['many slashes', '////evil.example'],
  ['backslash after slash', '/\\evil.example'],
  ['backslashes only', '\\\\evil.example'],
  ['slash backslash slash', '/\\/evil.example'],
  ['tab between slashes (finding 5)', '/\t/evil.example'],
  ['raw tab', '\t'],
  ['leading tab', '\t//evil.example'],
  ['newline between slashes', '/\n/evil.example'],
  ['carriage return between slashes', '/\r/evil.example'],
  ['CR LF header injection', '/\r\nSet-Cookie: x=1'],
  ['NUL', '/\0/evil.example'],
  ['DEL', '/\x7f/evil.example'],
  ['C1 control', '/\x85/evil.example'],
  ['space', '/ /evil.example'],
  ['leading space', ' //evil.example'],
  ['no-break space', '/\u00a0/evil.example'],
  ['ideographic space', '/\u3000/evil.example'],
  ['line separator', '/\u2028/evil.example'],
  ['zero-width space', '/\u200b/evil.example'],
  ['byte-order mark', '\ufeff//evil.example'],
  ['right-to-left override', '/\u202e/evil.example'],
  ['encoded tab (double-encoded next)', '/%09/evil.example'],
  ['encoded slash', '/%2F/evil.example'],
  ['encoded slash, lower case', '/%2f/evil.example'],
  ['encoded slashes only', '/%2F%2Fevil.example'],
  ['encoded backslash', '/%5Cevil.example'],
  ['encoded backslash, lower case', '/%5cevil.example'],
  ['encoded CR LF', '/%0d%0aSet-Cookie:%20x=1'],
  ['encoded CR', '/%0D/evil.example'],
  ['encoded NUL', '/%00/evil.example'],
  ['invalid percent-encoding', '/%E0%A4%A'],
  ['dot segment to scheme-relative', '/.//evil.example'],
  ['encoded dot segment to scheme-relative', '/%2e//evil.example'],
  ['dot-dot segment to scheme-relative', '/x/..//evil.example'],
  ['absolute https to another host', 'https://evil.example'],
  ['absolute http to another host', 'http://evil.example/'],
  ['same host, other scheme', 'http://embargo.example.org/w/acme'],
  ['same host, other port', 'https://embargo.example.org:8443/w/acme'],
  ['userinfo trick', 'https://embargo.example.org@evil.example/'],
  ['userinfo on our own origin', 'https://user:pw@embargo.example.org/w/acme'],
  ['special-scheme shorthand to another host', 'http:evil.example'],
  ['https shorthand with slashes', 'https:/\\evil.example'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['javascript: URL with tab', 'java\tscript:alert(1)'],
  ['JavaScript: upper case', 'JavaScript:alert(document.domain)'],
  ['data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript: URL', 'vbscript:msgbox(1)'],
  ['file: URL', 'file:///etc/passwd'],
  ['IDN lookalike host', 'https://embargo.example.org.еvil.example/'],
  ['lookalike host with Cyrillic o', 'https://embarg\u043e.example.org/w/acme'],
  ['very long input', `/${'a'.repeat(maxRedirectTargetLength)}`],
  ['empty', ''],
  ['not a string: number', 42],
  ['not a string: array', ['/w/acme']],
  ['not a string: object', { toString: () => '/w/acme' }],
  ['undefined', undefined],
  ['null', null],
]

/** Values that stay on this instance → the path (and query) the browser is sent to. */
const allowed: Array<[string, string, string]> = [
  ['root', '/', '/'],
  ['a page', '/w/acme/reports', '/w/acme/reports'],
  ['a page with its query', '/w/acme/reports?status=new&q=a%20b', '/w/acme/reports?status=new&q=a%20b'],
  ['the fragment is dropped', '/w/acme/reports/ACME-2026-0001#timeline', '/w/acme/reports/ACME-2026-0001'],
  ['absolute URL on our own origin', 'https://embargo.example.org/w/acme/reports', '/w/acme/reports'],
  ['dot segments are resolved', '/w/acme/../acme/reports', '/w/acme/reports'],
  ['fullwidth solidus lookalikes become a path', '\uff0f\uff0fevil.example', '/%EF%BC%8F%EF%BC%8Fevil.example'],
  ['division-slash lookalike becomes a path', '/\u2215evil.example', '/%E2%88%95evil.example'],
  ['non-ASCII is percent-encoded', '/w/acme/reports?q=schlüssel', '/w/acme/reports?q=schl%C3%BCssel'],
  ['a relative path resolves on our origin', 'w/acme/reports', '/w/acme/reports'],
]

describe('finding 5: safeRedirectTarget (the only place a user-supplied next becomes a Location)', () => {
  it.each(refused)('finding 5: refuses %s', (_name, value) => {
    expect(safeRedirectTarget(value, publicUrl)).toBe(defaultLanding)
  })

  it.each(allowed)('finding 5: keeps %s', (_name, value, expected) => {
    expect(safeRedirectTarget(value, publicUrl)).toBe(expected)
  })

  it('finding 5: every answer is an ASCII path a browser resolves on our own origin', () => {
    for (const [, value] of [...refused, ...allowed]) {
      const target = safeRedirectTarget(value, publicUrl)
      expect(target).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/)
      // What a browser does with a Location: strip tab/CR/LF, read \ as /, resolve against the page.
      const asBrowserReadsIt = new URL(target.replace(/[\t\r\n]/g, '').replaceAll('\\', '/'), publicUrl)
      expect(asBrowserReadsIt.origin).toBe(publicUrl.origin)
    }
  })

  it('finding 5: with an http public URL on a port, that origin is the only one accepted', () => {
    const local = new URL('http://127.0.0.1:8080')
    expect(safeRedirectTarget('http://127.0.0.1:8080/w/acme', local)).toBe('/w/acme')
    expect(safeRedirectTarget('http://127.0.0.1:9090/w/acme', local)).toBe(defaultLanding)
    expect(safeRedirectTarget('http://localhost:8080/w/acme', local)).toBe(defaultLanding)
    // `http:evil` with the same scheme is a relative path on our origin, never the host "evil".
    expect(safeRedirectTarget('http:evil', local)).toBe('/evil')
    expect(safeRedirectTarget('https:evil', local)).toBe(defaultLanding)
  })
})
