/**
 * Bad bodies and HTTP protocol edges (B-1 shapes, B-11), over a real socket where framing matters:
 * oversized bodies, deep nesting, wrong and lying content types, truncated urlencoded and
 * multipart bodies, bodies cut short, request smuggling shapes, huge headers, invalid UTF-8 in
 * paths, traversal against /static/, TRACE and method overrides. Each gets a clear 4xx (or an
 * orderly close), never a 5xx, and the server keeps serving after every one.
 */
import net from 'node:net'
import { beforeAll, expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { findOrganizationBySlug } from '../../../src/storage/repositories/organization-repository.js'
import { findReportByRef } from '../../../src/storage/repositories/report-repository.js'
import { csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

/** Sends raw bytes and returns what came back before the server answered or closed (≤ 5 s). */
function raw(port: number, request: string | Buffer, { halfClose = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let data = ''
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(data)
    }
    const timer = setTimeout(done, 5000)
    socket.on('data', (d) => {
      data += d.toString('latin1')
      // One complete response is enough: headers plus the announced body.
      const head = data.indexOf('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(data)?.[1]
      if (head !== -1 && length !== undefined && data.length >= head + 4 + Number(length)) done()
    })
    socket.on('end', done)
    socket.on('error', (e) => (data ? done() : reject(e)))
    socket.write(request, () => {
      if (halfClose) socket.end()
    })
  })
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)

eachDialect('hostile input: bodies and protocol edges', (ctx) => {
  const app = useTestApp(ctx)
  let port = 0
  beforeAll(async () => {
    const t = app()
    await t.given.org({ slug: 'edge' })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const address = t.app.server.address()
    if (!address || typeof address === 'string') throw new Error('no address')
    port = address.port
  })

  const stillServing = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(res.status).toBe(200)
  }

  it('refuses bodies over 1 MiB on the API and the form with 413', async () => {
    const t = app()
    const big = 'x'.repeat(1024 * 1024 + 1)
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/edge/reports',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 't', description: big }),
    })
    expect(api.statusCode).toBe(413)
    expect(api.headers['content-type']).toMatch(/problem\+json/)
    const form = await t.app.inject({
      method: 'POST',
      url: '/o/edge/report',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `title=t&description=${big}`,
    })
    expect(form.statusCode).toBe(413)
    // Announced too large: refused from the header alone, before the body is read.
    const announced = await raw(
      port,
      'POST /api/v1/orgs/edge/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{',
    )
    expect(statusOf(announced)).toBe(413)
    await stillServing()
  })

  it('answers deeply nested JSON with a 4xx, also when a __proto__ key sits at the bottom', async () => {
    const t = app()
    for (const depth of [1_000, 100_000]) {
      for (const leaf of ['1', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}']) {
        const payload = `{"title":${'['.repeat(depth)}${leaf}${']'.repeat(depth)},"description":"d"}`
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/orgs/edge/reports',
          headers: { 'content-type': 'application/json' },
          payload,
        })
        expect(res.statusCode, `depth ${depth}, leaf ${leaf}`).toBeGreaterThanOrEqual(400)
        expect(res.statusCode, `depth ${depth}, leaf ${leaf}: ${res.body.slice(0, 200)}`).toBeLessThan(500)
      }
    }
    await stillServing()
  })

  it('refuses wrong and lying content types on the API with 415 or 400', async () => {
    const t = app()
    const body = JSON.stringify({ title: 't', description: 'd' })
    const cases: Array<[string | undefined, string | Buffer, number[]]> = [
      ['text/plain', body, [415]],
      ['application/x-www-form-urlencoded', 'title=t&description=d', [415]],
      // Multipart is how files come (issue 14): a body without the `report` part is refused, saying so.
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nt\r\n--x--\r\n`, [400]],
      ['application/xml', '<r><title>t</title></r>', [415]],
      ['application/json', 'title=t&description=d', [400]],
      ['application/json', '', [400]],
      ['application/json', '{"title":"t","description":', [400]],
      ['application/json; charset=utf-16', Buffer.from(body, 'utf16le'), [400, 415]],
      ['application/jsonx', body, [415]],
      [undefined, body, [415]],
    ]
    for (const [type, payload, expected] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/orgs/edge/reports',
        headers: type === undefined ? {} : { 'content-type': type },
        payload,
      })
      expect(expected, `${type} ${JSON.stringify(payload.slice(0, 40))} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
        res.statusCode,
      )
      expect(res.headers['content-type']).toMatch(/problem\+json/)
    }
    await stillServing()
  })

  it('answers truncated urlencoded and multipart bodies on the form with a 4xx page', async () => {
    const t = app()
    const browser = t.browser()
    const page = await browser.get('/o/edge/report')
    const csrf = encodeURIComponent(csrfFrom(page.body))
    const served = encodeURIComponent(/name="_served" value="([^"]+)"/.exec(page.body)?.[1] ?? '')
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const cases: Array<[string, string, number[]]> = [
      // A percent sequence cut short is kept as the literal text (fast-querystring is lenient): stored as typed.
      ['application/x-www-form-urlencoded', `_csrf=${csrf}&_served=${served}&title=%E0%A4&description=%`, [303]],
      ['application/x-www-form-urlencoded', `_csrf=${csrf}&_served=${served}&title`, [422]],
      ['application/x-www-form-urlencoded', `_csrf=${csrf}&_served=${served}&title=a&title=b&description=d`, [422]],
      ['application/x-www-form-urlencoded', `_csrf=${csrf.slice(0, 10)}`, [403]],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--x\r\nContent-Disp`,
        [400],
      ],
      ['multipart/form-data', '--', [400, 415]],
    ]
    for (const [type, payload, expected] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/o/edge/report', headers: { 'content-type': type, cookie }, payload })
      expect(expected, `${type} ${JSON.stringify(payload.slice(-40))} → ${res.statusCode}`).toContain(res.statusCode)
      if (res.statusCode === 303) {
        // Accepted: the confirmation page (post/redirect/get) names the reference.
        const receipt = (res.cookies as Array<{ name: string; value: string }>).map((c) => `${c.name}=${c.value}`).join('; ')
        const shown = await t.app.inject({ method: 'GET', url: String(res.headers.location), headers: { cookie: receipt } })
        expect(shown.headers['content-type']).toMatch(/text\/html/)
        const ref = /EDGE-\d{4}-\d{4}/.exec(shown.body)?.[0]
        const org = await findOrganizationBySlug(t.deps.db, 'edge')
        const stored = await findReportByRef(t.deps.db, cipherFor(t.deps, org!), org!.id, ref!)
        expect(stored?.title).toBe('%E0%A4')
        expect(stored?.fields.description).toBe('%')
      } else {
        expect(res.headers['content-type']).toMatch(/text\/html/)
      }
    }
    // Cut short on the wire: the client announces 1,000 bytes, sends 20, and hangs up.
    const cut = await raw(
      port,
      'POST /api/v1/orgs/edge/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"title":"t","descr',
      { halfClose: true },
    )
    expect(statusOf(cut) === 0 || (statusOf(cut) >= 400 && statusOf(cut) < 500), cut.slice(0, 100)).toBe(true)
    await stillServing()
  })

  it('handles HTTP protocol edges (B-11) with 4xx answers and serves nothing outside /static/', async () => {
    const t = app()
    // Request smuggling shapes: both Content-Length and Transfer-Encoding, or two lengths.
    const clte = await raw(
      port,
      'POST /api/v1/orgs/edge/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n',
    )
    expect(statusOf(clte)).toBe(400)
    const twoLengths = await raw(
      port,
      'POST /api/v1/orgs/edge/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}x',
    )
    expect(statusOf(twoLengths)).toBe(400)
    const badChunk = await raw(port, 'POST /api/v1/orgs/edge/reports HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')
    expect(statusOf(badChunk)).toBe(400)
    // 32 KB of headers.
    const huge = await raw(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(32 * 1024)}\r\n\r\n`)
    expect(statusOf(huge)).toBe(431)
    // Invalid UTF-8 and odd encodings in the path.
    for (const p of ['/o/%ff%fe', '/o/%c0%af', '/w/%ff/reports', '/static/%ff', '/o/%', '/%00']) {
      const res = await raw(port, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      expect([400, 404], `${p} → ${res.slice(0, 60)}`).toContain(statusOf(res))
    }
    const rawBytes = await raw(
      port,
      Buffer.concat([Buffer.from('GET /o/'), Buffer.from([0xff, 0xfe]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]),
    )
    expect([400, 404]).toContain(statusOf(rawBytes))
    // Traversal against the static root: nothing from outside public/ (package.json, the key file, /etc/passwd).
    for (const p of [
      '/static/../package.json',
      '/static/..%2fpackage.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/static/..%5c..%5cpackage.json',
      '/static/....//....//package.json',
      '/static/%252e%252e/package.json',
      '/static/..%c0%af../package.json',
      '/static/../../../../../../etc/passwd',
      '/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/static/.env',
    ]) {
      const res = await raw(port, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      expect(res, p).not.toMatch(/"name": "embargo"|root:x:0:0/)
      expect([301, 302, 400, 403, 404], `${p} → ${res.slice(0, 60)}`).toContain(statusOf(res))
    }
    // TRACE is not served; a method override header changes nothing.
    const trace = await raw(port, 'TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect([404, 405]).toContain(statusOf(trace))
    const override = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/edge/reports',
      headers: { 'x-http-method-override': 'DELETE', 'content-type': 'application/json' },
      payload: { title: 't', description: 'd' },
    })
    expect(override.statusCode).toBe(201)
    const overrideGet = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-http-method-override': 'DELETE' } })
    expect(overrideGet.statusCode).toBe(200)
    await stillServing()
  })

  it('refuses a request with two Host headers with 400 (B-11)', async () => {
    // RFC 9112 §3.2: "A server MUST respond with a 400 to any HTTP/1.1 request message that
    // contains more than one Host header field". Node's parser and Fastify accept it.
    const res = await raw(port, 'GET /healthz HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n')
    expect(statusOf(res)).toBe(400)
  })
})
