import crypto from 'node:crypto'
import * as client from 'openid-client'
import type { Config } from '../config.js'
import type { Deps } from '../deps.js'
import { egressFetch } from '../egress/index.js'
import type { SsoSettings } from '../storage/repositories/sso-repository.js'

/** Seconds a provider has to answer discovery, token and key requests. */
const providerTimeoutSeconds = 10

/**
 * The organization's OpenID Provider as openid-client sees it: discovered from the configured
 * issuer (openid-client refuses metadata whose `issuer` differs from it), the client
 * authenticating with its secret (HTTP Basic, which every provider supports). Plain `http:` only
 * when the operator allowed it (EMBARGO_SSO_HTTP_ISSUERS, for a provider on this machine). Every
 * request (discovery, keys, token) goes through the egress guard: public addresses only, unless the
 * operator allowed a range (EMBARGO_EGRESS_ALLOW) — an issuer naming 169.254.169.254 is refused.
 */
function discover(config: Config, settings: SsoSettings): Promise<client.Configuration> {
  const egress = egressFetch(config)
  return client.discovery(new URL(settings.issuer), settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
    timeout: providerTimeoutSeconds,
    [client.customFetch]: (url, options) => egress(url, options as RequestInit),
    ...(config.ssoHttpIssuers ? { execute: [client.allowInsecureRequests] } : {}),
  })
}

/**
 * Discovered providers, kept for a while so a sign-in (start and finish) does not fetch the
 * provider's metadata twice, nor every sign-in once more (issue 15). Bounded twice: an entry lives
 * `cacheMs` at most, and there are at most `cacheEntries` (the oldest goes first), whatever the
 * number of requests. An entry is dropped when an administrator saves the organization's settings
 * and when a sign-in through it fails, so a provider that rotated its keys or moved an endpoint is
 * discovered anew at the next attempt. It holds the provider's `Configuration` (which keeps the
 * provider's keys once fetched); the key names the issuer, the client id and a digest of the
 * secret, so a changed secret or client is a new entry. An entry serves only under the egress
 * rules it was discovered under (the guarded fetch it holds applies them).
 */
const cacheMs = 10 * 60 * 1000
const cacheEntries = 100

interface Entry {
  provider: Promise<client.Configuration>
  until: number
  egressAllow: Config['egressAllow']
  ssoHttpIssuers: boolean
}

/** One cache per configuration (one per process; tests run several apps in one process). */
const caches = new WeakMap<Config, Map<string, Entry>>()

function cacheOf(config: Config): Map<string, Entry> {
  let cache = caches.get(config)
  if (!cache) {
    cache = new Map()
    caches.set(config, cache)
  }
  return cache
}

const keyOf = (settings: SsoSettings): string =>
  [settings.issuer, settings.clientId, crypto.createHash('sha256').update(settings.clientSecret, 'utf8').digest('hex')].join('\u0000')

/** The organization's provider: discovered, or as discovered less than ten minutes ago. A failed discovery is not kept. */
export function discoverProvider(deps: Pick<Deps, 'config' | 'now'>, settings: SsoSettings): Promise<client.Configuration> {
  const cache = cacheOf(deps.config)
  const key = keyOf(settings)
  const now = deps.now().getTime()
  const held = cache.get(key)
  if (held && held.until > now && held.egressAllow === deps.config.egressAllow && held.ssoHttpIssuers === deps.config.ssoHttpIssuers)
    return held.provider
  if (held) cache.delete(key)
  for (const [k, entry] of cache) if (entry.until <= now) cache.delete(k)
  while (cache.size >= cacheEntries) cache.delete(cache.keys().next().value as string)
  const entry: Entry = {
    provider: discover(deps.config, settings),
    until: now + cacheMs,
    egressAllow: deps.config.egressAllow,
    ssoHttpIssuers: deps.config.ssoHttpIssuers,
  }
  cache.set(key, entry)
  entry.provider.catch(() => {
    if (cache.get(key) === entry) cache.delete(key)
  })
  return entry.provider
}

/** Drops what was discovered for these settings: the next sign-in discovers the provider again. */
export function forgetProvider(deps: Pick<Deps, 'config'>, settings: SsoSettings): void {
  cacheOf(deps.config).delete(keyOf(settings))
}

/** Where the provider sends the person back: one address per organization, on this instance's public URL. */
export const callbackUrl = (deps: Pick<Deps, 'config'>, orgSlug: string): URL =>
  new URL(`/o/${orgSlug}/sso/callback`, deps.config.publicUrl)
