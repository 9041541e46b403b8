/**
 * One HTTP request to an address an administrator typed (a Slack webhook, a Matrix homeserver, a
 * signed webhook), made so that the address cannot be used to reach what Embargo can reach and
 * the administrator cannot (server-side request forgery):
 *  - https only; plain http and this machine only with `EMBARGO_ANNOUNCE_HTTP` (tests);
 *  - every address the name resolves to is checked at connect time (the socket's own lookup, so a
 *    name that answers differently the second time — DNS rebinding — is checked again), and
 *    loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 *    multicast and reserved ranges are refused;
 *  - no redirect is followed (a 3xx is a failure), nothing of the answer is kept but its status,
 *    and the request gives up after 10 seconds.
 */
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'

const refused = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  refused.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  refused.addSubnet(net, bits, 'ipv6')

const loopback = (address: string) => address === '::1' || address.startsWith('127.')

/** Whether a connection to this address is allowed; IPv4-mapped IPv6 addresses are judged as IPv4. */
export function addressAllowed(address: string, allowLoopback: boolean): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  const ip = mapped ? (mapped[1] as string) : address
  const family = isIP(ip)
  if (family === 0) return false
  if (allowLoopback && loopback(ip)) return true
  return !refused.check(ip, family === 4 ? 'ipv4' : 'ipv6')
}

export class RequestRefused extends Error {}

const checkedLookup =
  (allowLoopback: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const list = addresses as dns.LookupAddress[]
      const bad = list.find((a) => !addressAllowed(a.address, allowLoopback))
      if (bad || list.length === 0) return callback(new RequestRefused(`${hostname} is not a public address`), '', 4)
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
      const first = list[0] as dns.LookupAddress
      callback(null, first.address, first.family)
    })
  }

export interface GuardedRequest {
  method: 'POST' | 'PUT'
  url: string
  headers: Record<string, string>
  body: string
  /** EMBARGO_ANNOUNCE_HTTP: plain http and loopback allowed (tests). */
  allowLocal: boolean
  timeoutMs?: number
}

/** Sends the request; resolves with the status code. Refusals and network errors reject. */
export function guardedRequest(r: GuardedRequest): Promise<number> {
  const url = new URL(r.url)
  if (url.protocol !== 'https:' && !(r.allowLocal && url.protocol === 'http:')) return Promise.reject(new RequestRefused('https only'))
  const host = url.hostname.replace(/^\[|\]$/g, '')
  // A literal address is not looked up: check it here.
  if (isIP(host) !== 0 && !addressAllowed(host, r.allowLocal)) return Promise.reject(new RequestRefused(`${host} is not a public address`))
  const body = Buffer.from(r.body, 'utf8')
  const client = url.protocol === 'https:' ? https : http
  return new Promise<number>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: r.method,
        headers: { ...r.headers, 'content-length': String(body.length), 'user-agent': 'Embargo announcements' },
        lookup: checkedLookup(r.allowLocal),
        timeout: r.timeoutMs ?? 10_000,
        agent: false,
      },
      (response) => {
        // Nothing of the answer is kept: read and dropped, its status is the result.
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', reject)
      },
    )
    request.on('timeout', () => request.destroy(new Error('no answer within the time limit')))
    request.on('error', reject)
    request.end(body)
  })
}
