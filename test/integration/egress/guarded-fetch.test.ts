/**
 * The SSRF guard on outbound calls to servers administrators name: a real HTTP server on loopback
 * stands in for an internal service (think 169.254.169.254); it is reached only when the operator
 * allows its range, whether it is named by address, by a name resolving to it, or by a redirect.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config.js'
import { EgressRefused, guardedFetch, isEgressRefused, parseAllowedRanges } from '../../../src/egress/index.js'

describe('outbound calls reach public addresses and the allowed ranges only', () => {
  let server: http.Server
  let port: number
  const hits: string[] = []

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '')
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.2:${port}/secret` })
        return res.end()
      }
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('internal secret')
    })
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const refusal = async (p: Promise<unknown>) => {
    try {
      await p
    } catch (error) {
      return error
    }
    throw new Error('the request went through')
  }

  it('an internal address is refused before anything is sent, by address and by a name that resolves to it', async () => {
    const fetchPublicOnly = guardedFetch([])
    hits.length = 0
    for (const url of [`http://127.0.0.1:${port}/a`, `http://localhost:${port}/b`, `http://[::ffff:127.0.0.1]:${port}/c`]) {
      const error = await refusal(fetchPublicOnly(url))
      expect(isEgressRefused(error), url).toBe(true)
    }
    expect(hits).toEqual([])
  })

  it('the range the operator allows is reached', async () => {
    const res = await guardedFetch(parseAllowedRanges('127.0.0.1'))(`http://127.0.0.1:${port}/ok`)
    expect(await res.text()).toBe('internal secret')
  })

  it('a redirect from an allowed server to an address outside the allowed ranges is refused', async () => {
    hits.length = 0
    const error = await refusal(guardedFetch(parseAllowedRanges('127.0.0.1'))(`http://127.0.0.1:${port}/redirect`))
    expect(isEgressRefused(error)).toBe(true)
    expect(hits).toEqual(['/redirect'])
  })

  it('the refusal names the address and the setting that would allow it', () => {
    expect(new EgressRefused('meta.internal', '169.254.169.254').message).toContain('169.254.169.254')
    expect(new EgressRefused('meta.internal', '169.254.169.254').message).toContain('EMBARGO_EGRESS_ALLOW')
  })

  it('the operator sets the ranges in EMBARGO_EGRESS_ALLOW; a malformed value stops the start with a clear message', () => {
    const env = { EMBARGO_DATABASE_URL: 'sqlite::memory:', EMBARGO_MASTER_KEY: Buffer.alloc(32).toString('base64') }
    expect(loadConfig({ ...env, EMBARGO_EGRESS_ALLOW: '10.0.0.0/8' }).egressAllow).toHaveLength(1)
    expect(loadConfig(env).egressAllow).toEqual([])
    expect(() => loadConfig({ ...env, EMBARGO_EGRESS_ALLOW: 'intranet' })).toThrow('EMBARGO_EGRESS_ALLOW')
  })
})
