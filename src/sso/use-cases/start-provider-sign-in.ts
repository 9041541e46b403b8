import * as client from 'openid-client'
import { cipherFor, type Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import type { SsoErrorCode } from '../../http/problems.js'
import { findSsoSettings } from '../../storage/repositories/sso-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { callbackUrl, discoverProvider } from '../provider.js'
import { sealSignInState, signInStateSeconds } from '../sign-in-state.js'

/**
 * Sends a person to the organization's identity provider: an authorization code request with
 * PKCE (S256), a fresh `state` and `nonce`, and this organization's callback. What the callback
 * must check comes back as the signed cookie value (`sign-in-state.ts`).
 */
export async function startProviderSignIn(
  deps: Deps,
  org: OrganizationRow,
  next: string,
): Promise<Result<{ redirectTo: string; cookie: string }, { code: SsoErrorCode }>> {
  const settings = await findSsoSettings(deps.db, cipherFor(deps, org), org.id)
  if (!settings?.enabled) return fail({ code: 'SSO_NOT_CONFIGURED' })
  let provider: client.Configuration
  try {
    provider = await discoverProvider(deps, settings)
  } catch (error) {
    deps.log.warn({ event: 'sso.discovery_failed', orgId: org.id, err: (error as Error).message }, 'identity provider unreachable')
    return fail({ code: 'SSO_FAILED' })
  }
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(deps, org.slug).href,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
  const until = deps.now().getTime() + signInStateSeconds * 1000
  return ok({ redirectTo: url.href, cookie: sealSignInState(deps, { orgId: org.id, state, nonce, verifier, next, until }) })
}
