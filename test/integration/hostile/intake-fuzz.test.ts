/**
 * B-1 for the intake API, and the Markdown renderer's output property (B-3/B-4 without a browser).
 *
 * The API gets arbitrary JSON documents: the real fields with hostile values (arrays and objects
 * for scalars, huge and odd numbers, lone surrogates, control characters), `__proto__` and
 * `constructor` keys, unknown keys, raw text with non-JSON numbers and invalid UTF-8 bytes. It
 * must never answer 5xx, must answer every refusal as problem+json with a title, must not pollute
 * any prototype, and must store exactly what it acknowledged. FUZZ_RUNS raises the run count.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { renderMarkdown } from '../../../src/http/views/markdown.js'
import { findReportByRef } from '../../../src/storage/repositories/report-repository.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { markdownHtmlFindings } from './markdown-oracle.js'

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const fields = [
  'title',
  'description',
  'steps',
  'impact',
  'affectedVersion',
  'reporterName',
  'reporterEmail',
  'creditPreference',
  'program',
]

const hostileScalar = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\ud800', 'a\udfffb', '\u0000', '\u202e', '\r\n', ' ', '', 'name', 'anonymous', 'x@example.org'),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308, Number.MIN_VALUE),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.anything({ maxDepth: 3 }),
)

/** Mostly a fine value, sometimes a hostile one: so runs reach storage (201), the domain (422) and the schema (400). */
const mostly = <T>(fine: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: fine }, { weight: 1, arbitrary: hostileScalar })
const text = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max })

const plausible = fc.record(
  {
    title: mostly(text(200)),
    description: mostly(text(500)),
    steps: mostly(fc.string({ unit: 'binary', maxLength: 200 })),
    impact: mostly(fc.string({ maxLength: 200 })),
    affectedVersion: mostly(fc.string({ maxLength: 20 })),
    reporterName: mostly(fc.string({ unit: 'grapheme', maxLength: 40 })),
    reporterEmail: mostly(fc.emailAddress()),
    creditPreference: mostly(fc.constantFrom('anonymous', 'anonymous', 'name', 'pseudonym')),
  },
  { requiredKeys: ['title', 'description'] },
)

/** A JSON text: mostly objects near the schema, with dangerous keys and raw-text tricks mixed in. */
const document = fc
  .tuple(
    plausible,
    fc.oneof(
      { weight: 4, arbitrary: fc.constant([] as string[]) },
      { weight: 1, arbitrary: fc.subarray(['__proto__', 'constructor', 'prototype', 'extra', 'toString', 'hasOwnProperty']) },
    ),
    hostileScalar,
    fc.oneof(
      { weight: 6, arbitrary: fc.constant('none') },
      { weight: 1, arbitrary: fc.constantFrom('bignum', 'badutf8', 'duplicate', 'notobject', 'trailing') },
    ),
  )
  .map(([record, extraKeys, extraValue, trick]) => {
    const body: Record<string, unknown> = { ...record }
    for (const key of extraKeys)
      Object.defineProperty(body, key, { value: extraValue, enumerable: true, configurable: true, writable: true })
    let text = JSON.stringify(body)
    switch (trick) {
      case 'bignum':
        text = text.replace(/^\{/, '{"title":1e999999,"x":123456789012345678901234567890,')
        break
      case 'duplicate':
        text = text.replace(/^\{/, '{"title":"first","title":["second"],')
        break
      case 'notobject':
        text = JSON.stringify([body])
        break
      case 'trailing':
        text = `${text},`
        break
    }
    const payload = Buffer.from(text, 'utf8')
    // Invalid UTF-8: a lone continuation byte and an overlong encoding inside the first string.
    if (trick === 'badutf8') {
      const quote = payload.indexOf(0x22, payload.indexOf(0x3a))
      if (quote > 0)
        return {
          text,
          payload: Buffer.concat([payload.subarray(0, quote + 1), Buffer.from([0x80, 0xc0, 0xaf, 0xff]), payload.subarray(quote + 1)]),
        }
    }
    return { text, payload }
  })

eachDialect('hostile input: the intake API under fuzzing', (ctx) => {
  const app = useTestApp(ctx)

  it(`answers ${runs} arbitrary documents without a 5xx, each refusal a clear problem`, async () => {
    const t = app()
    const org = await t.given.org({ slug: 'fuzz' })
    const cipher = cipherFor(t.deps, org)
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort()
    const statuses = new Map<number, number>()
    let slowest = 0
    await fc.assert(
      fc.asyncProperty(document, async ({ payload }) => {
        const started = performance.now()
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/orgs/fuzz/reports',
          headers: { 'content-type': 'application/json' },
          payload,
        })
        slowest = Math.max(slowest, performance.now() - started)
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
        expect(res.statusCode, res.body).toBeLessThan(500)
        if (res.statusCode === 201) {
          // Acknowledged: it is stored, and the title reads back exactly as the server parsed it.
          const { ref } = res.json() as { ref: string }
          const stored = await findReportByRef(t.deps.db, cipher, org.id, ref)
          expect(stored, ref).toBeDefined()
          const parsed = JSON.parse(payload.toString('utf8')) as { title: string }
          expect(stored!.title).toBe(parsed.title)
        } else {
          expect([400, 413, 415, 422]).toContain(res.statusCode)
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
          const problem = res.json() as { title?: string; status?: number; code?: string }
          expect(problem.status).toBe(res.statusCode)
          expect(problem.title).toBeTruthy()
          expect(problem.code).toBeTruthy()
        }
      }),
      { numRuns: runs },
    )
    // No prototype pollution in the server's realm (it runs in this process).
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // The server still serves, and logged no unexpected error.
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    expect(t.logs.filter((l) => l.includes('"unexpected error"'))).toEqual([])
    expect(slowest, 'slowest request (ms)').toBeLessThan(1000)
    process.stderr.write(
      `[intake fuzz ${ctx.dialect}] statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${slowest.toFixed(0)} ms\n`,
    )
  }, 180_000)

  it('names the offending field for single hostile values', async () => {
    const t = app()
    await t.given.org({ slug: 'single' })
    const base = { title: 'A title', description: 'A description' }
    const post = (payload: string | Buffer) =>
      t.app.inject({ method: 'POST', url: '/api/v1/orgs/single/reports', headers: { 'content-type': 'application/json' }, payload })
    for (const field of fields.filter((f) => f !== 'program')) {
      for (const value of [['array'], { nested: 'object' }, 42, 1e308, true]) {
        const res = await post(JSON.stringify({ ...base, [field]: value }))
        expect(res.statusCode, `${field} = ${JSON.stringify(value)}`).toBe(400)
        expect(String((res.json() as { detail?: string }).detail), `${field} = ${JSON.stringify(value)}`).toContain(field)
      }
    }
    // Lone surrogates pass JSON and the schema; the domain refuses them, naming the field.
    for (const field of ['title', 'description', 'steps', 'impact', 'affectedVersion', 'reporterName']) {
      const res = await post(JSON.stringify({ ...base, [field]: 'a\ud800b' }))
      expect(res.statusCode, field).toBe(422)
      expect((res.json() as { errors: Record<string, string> }).errors).toEqual({ [field]: 'malformed-unicode' })
    }
    // Prototype keys are refused by the JSON parser before any code sees them.
    for (const text of [
      '{"title":"a","description":"b","__proto__":{"polluted":true}}',
      '{"title":"a","description":"b","constructor":{"prototype":{"polluted":true}}}',
    ]) {
      const res = await post(text)
      expect(res.statusCode, text).toBe(400)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Numbers JSON cannot hold exactly are not strings either.
    expect((await post('{"title":1e999999,"description":"b"}')).statusCode).toBe(400)
    // Unknown fields are refused, not ignored.
    const extra = await post(JSON.stringify({ ...base, isAdmin: true }))
    expect(extra.statusCode).toBe(400)
  })

  it('stores a 1 MB-ish document only when it fits the limits, and says which limit otherwise', async () => {
    const t = app()
    await t.given.org({ slug: 'big' })
    const post = (body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/orgs/big/reports',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      })
    const mb = 'x'.repeat(1024 * 1024)
    expect((await post({ title: 'a', description: mb })).statusCode).toBe(413)
    const tooLong = await post({ title: 'a', description: 'y'.repeat(900_000) })
    expect(tooLong.statusCode).toBe(400)
    expect(String((tooLong.json() as { detail?: string }).detail)).toContain('description')
    const atLimit = await post({ title: 't'.repeat(200), description: '𝕏'.repeat(25_000), steps: 's'.repeat(50_000) })
    expect(atLimit.statusCode).toBe(201)
  })
})

it('renderMarkdown never emits markup that can run script (fast-check, structural oracle)', () => {
  const fragments = fc.constantFrom(
    '[',
    ']',
    '(',
    ')',
    '](',
    '![',
    '<',
    '>',
    '"',
    "'",
    '`',
    '```',
    '\n',
    '\n\n',
    ' ',
    '\t',
    '*',
    '_',
    '**',
    '#',
    '> ',
    '- ',
    '1. ',
    '|',
    '---',
    '[x]: ',
    '\\',
    '&',
    '&#58;',
    '&#x3A;',
    '&colon;',
    '&#106;',
    '&#0000106',
    '&Tab;',
    '%0a',
    '%3a',
    'javascript:',
    'JaVaScRiPt:',
    'java\tscript:',
    'vbscript:',
    'data:text/html,',
    'data:image/svg+xml,',
    'file:',
    'alert(1)',
    '<script>',
    '</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    'onerror=',
    '" onmouseover="x',
    '<a href="javascript:x">',
    '<http://',
    '<javascript:alert(1)>',
    'http://example.org',
    'https://a.b/c?d=e&f',
    'mailto:a@b.c',
    'www.example.org',
    '//evil.example',
    '\u0000',
    '\u202e',
    '\ud800',
  )
  const source = fc
    .array(fc.oneof({ weight: 5, arbitrary: fragments }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 40 })
    .map((parts) => parts.join(''))
  fc.assert(
    fc.property(source, (text) => {
      const html = renderMarkdown(text)
      expect(markdownHtmlFindings(html), `${JSON.stringify(text)}\n→ ${html}`).toEqual([])
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
  )
})

it('renderMarkdown: the B-4 cases', () => {
  const cases = [
    '[a](javascript:alert(1))',
    '[a](javascript&#58;alert(1))',
    '[a](javascript&#x3A;alert(1))',
    '[a](javascript&colon;alert(1))',
    '[a](&#106;avascript:alert(1))',
    '[a](java%0ascript:alert(1))',
    '[a](java\tscript:alert(1))',
    '[a]( javascript:alert(1))',
    '[a](<javascript:alert(1)>)',
    '[a](JAVASCRIPT:alert(1))',
    '[a](vbscript:msgbox(1))',
    '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
    '![x](javascript:alert(1))',
    '<javascript:alert(1)>',
    '<https://example.org/"onmouseover="alert(1)>',
    '[a][r]\n\n[r]: javascript:alert(1)',
    '[a][r]\n\n[r]: javascript&#58;alert(1) "title"',
    '[**[x](javascript:alert(1))**](https://example.org)',
    '[<img src=x onerror=alert(1)>](https://example.org)',
    '[a](https://example.org "x\\" onmouseover=\\"alert(1)")',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '```html\n<script>alert(1)</script>\n```',
    '```"><script>alert(1)</script>\nx\n```',
    '| a | b |\n|:-|-:|\n| <b onclick=x> | [c](javascript:x) |',
  ]
  for (const text of cases) {
    const html = renderMarkdown(text)
    expect(markdownHtmlFindings(html), `${text}\n→ ${html}`).toEqual([])
  }
})
