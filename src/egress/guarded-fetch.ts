/**
 * The one way Embargo calls a server an administrator named: `fetch` over a connection whose
 * address is checked when the socket opens (`mayConnectTo`). The check sits in the connector, so
 * it holds for every connection the request makes — after DNS (a name that resolves to a private
 * address is refused), for IP literals, and for redirects — and the address checked is the
 * address connected to (no second lookup an attacker's DNS could answer differently).
 */
import dns from 'node:dns'
import net from 'node:net'
import { Agent, buildConnector, fetch as undiciFetch } from 'undici'
import { type AllowedRanges, mayConnectTo } from './outbound-address.js'

/** A connection refused because its address is not public and not allowed by the operator. */
export class EgressRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`refusing to connect to ${host} (${address}): not a public address; allow it with EMBARGO_EGRESS_ALLOW`)
    this.name = 'EgressRefused'
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void

function guardedLookup(allowed: AllowedRanges) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '')
      const refused = addresses.find((a) => !mayConnectTo(a.address, allowed))
      if (refused) return callback(new EgressRefused(hostname, refused.address) as NodeJS.ErrnoException, '')
      if (options.all) return callback(null, addresses)
      const first = addresses[0]
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '')
      callback(null, first.address, first.family)
    })
  }
}

export type GuardedFetch = (url: string | URL, init?: RequestInit) => Promise<Response>

/** A `fetch` that connects only to public addresses and the operator's allowed ranges. */
export function guardedFetch(allowed: AllowedRanges): GuardedFetch {
  const connect = buildConnector({ lookup: guardedLookup(allowed) as never })
  const agent = new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '')
      if (net.isIP(host) && !mayConnectTo(host, allowed)) return callback(new EgressRefused(host, host), null)
      return connect(options, callback)
    },
  })
  return (url, init) => undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>
}

const shared = new WeakMap<AllowedRanges, GuardedFetch>()

/** The guarded `fetch` of a configuration, made once (one connection pool) per allow list. */
export function egressFetch(config: { egressAllow: AllowedRanges }): GuardedFetch {
  let f = shared.get(config.egressAllow)
  if (!f) {
    f = guardedFetch(config.egressAllow)
    shared.set(config.egressAllow, f)
  }
  return f
}

/** Whether `error` (or what caused it) is a refused address: the page can say why, not "unreachable". */
export function isEgressRefused(error: unknown): error is EgressRefused {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof EgressRefused) return true
  }
  return false
}
