import * as client from 'openid-client'
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
export function discoverProvider(deps: Pick<Deps, 'config'>, settings: SsoSettings): Promise<client.Configuration> {
  const egress = egressFetch(deps.config)
  return client.discovery(new URL(settings.issuer), settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
    timeout: providerTimeoutSeconds,
    [client.customFetch]: (url, options) => egress(url, options as RequestInit),
    ...(deps.config.ssoHttpIssuers ? { execute: [client.allowInsecureRequests] } : {}),
  })
}

/** Where the provider sends the person back: one address per organization, on this instance's public URL. */
export const callbackUrl = (deps: Pick<Deps, 'config'>, orgSlug: string): URL =>
  new URL(`/o/${orgSlug}/sso/callback`, deps.config.publicUrl)
