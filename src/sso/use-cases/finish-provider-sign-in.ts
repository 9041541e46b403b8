import * as client from 'openid-client'
import { hashPassword, type SessionClient, startSession } from '../../auth/index.js'
import { cipherFor, type Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { nameProblem } from '../../domain/organization.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { assertsMultiFactor, vouchedEmail } from '../../domain/sso/provider-claims.js'
import type { SsoErrorCode } from '../../http/problems.js'
import { newId, newSecret } from '../../storage/ids.js'
import {
  findSsoIdentity,
  findSsoSettings,
  hasSsoIdentity,
  insertSsoIdentity,
  type SsoSettings,
} from '../../storage/repositories/sso-repository.js'
import { findMembership, findUserByEmail, findUserById, insertMembership, insertUser } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { callbackUrl, discoverProvider, forgetProvider } from '../provider.js'
import type { SignInState } from '../sign-in-state.js'

type Claims = client.IDToken

/**
 * The provider sent the person back. openid-client checks the answer against what was sent (state,
 * the `iss` of RFC 9207 when the provider names it, the code with the PKCE verifier, the ID token's
 * signature, issuer, audience, expiry and nonce). Then the account: the one linked to this
 * provider's subject in THIS organization (identities are per organization and issuer, so another
 * organization's provider finds nothing here); else the member whose address the provider vouches
 * for (verified, in an allowed domain; linked from then on); else, with just-in-time membership, a
 * new account and member with the default role. An existing account that is not a member is never
 * joined by a provider (that would add someone to an organization without their consent), a
 * disabled account or a removed member is refused. The session it starts is good for this
 * organization only and records whether the provider asserted MFA.
 *
 * MFA seam for the lead: when the organization requires MFA (src/accounts/mfa) and `mfaAsserted`
 * is false, this session must go through the second sign-in step before it counts, exactly like a
 * password sign-in; `startSession` is where the MFA branch marks a session as needing it.
 */
export async function finishProviderSignIn(
  deps: Deps,
  org: OrganizationRow,
  started: SignInState | null,
  query: string,
  client_: SessionClient,
): Promise<Result<{ token: string; next: string; userId: string; mfaAsserted: boolean }, { code: SsoErrorCode }>> {
  const settings = await findSsoSettings(deps.db, cipherFor(deps, org), org.id)
  if (!settings?.enabled) return fail({ code: 'SSO_NOT_CONFIGURED' })
  if (!started) {
    deps.log.info({ event: 'sso.no_state', orgId: org.id }, 'identity provider answer without a sign-in under way')
    return fail({ code: 'SSO_FAILED' })
  }
  const claims = await verifiedClaims(deps, org, settings, started, query)
  if (!claims) return fail({ code: 'SSO_FAILED' })

  const account = await resolveAccount(deps, org, settings, claims)
  if (!account.ok) {
    deps.log.info({ event: 'sso.refused', orgId: org.id, code: account.error.code }, 'identity provider sign-in refused')
    return account
  }
  const mfaAsserted = settings.trustProviderMfa && assertsMultiFactor(claims)
  const token = await startSession(deps, account.value, { ...client_, sso: { orgId: org.id, mfaAsserted } })
  deps.log.info({ event: 'auth.signed_in', userId: account.value, sso: org.id, mfaAsserted }, 'signed in with identity provider')
  return ok({ token, next: started.next, userId: account.value, mfaAsserted })
}

async function verifiedClaims(deps: Deps, org: OrganizationRow, settings: SsoSettings, started: SignInState, query: string) {
  const currentUrl = callbackUrl(deps, org.slug)
  currentUrl.search = query
  try {
    const provider = await discoverProvider(deps, settings)
    const tokens = await client.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
      idTokenExpected: true,
    })
    const claims = tokens.claims()
    if (!claims || claims.iss !== settings.issuer || typeof claims.sub !== 'string' || claims.sub === '') return null
    if (claims.email !== undefined) return claims
    // Providers that keep the address out of the ID token of a code flow (OpenID Connect Core §5.4)
    // give it at the UserInfo endpoint; openid-client checks that its `sub` is the ID token's.
    const info = await client.fetchUserInfo(provider, tokens.access_token, claims.sub)
    return { ...claims, email: info.email, email_verified: info.email_verified, name: info.name } as Claims
  } catch (error) {
    deps.log.info({ event: 'sso.answer_refused', orgId: org.id, err: (error as Error).message }, 'identity provider answer refused')
    // From here a moved endpoint or a key the provider no longer signs with looks like any other
    // refused answer, so every failure drops the provider as discovered: the next attempt discovers
    // it anew. That costs at most one discovery per failed sign-in, what every sign-in cost before.
    forgetProvider(deps, settings)
    return null
  }
}

async function resolveAccount(deps: Deps, org: OrganizationRow, settings: SsoSettings, claims: Claims) {
  const issuer = claims.iss
  const subject = claims.sub
  // Hashing is slow: done before the unit of work (which shares a commit with other writers) and only
  // when this looks like a first sign-in that creates an account.
  const vouched = vouchedEmail(claims, settings.allowedDomains)
  const firstSignIn =
    settings.jitRole !== null &&
    vouched !== null &&
    !(await findSsoIdentity(deps.db, org.id, issuer, subject)) &&
    !(await findUserByEmail(deps.db, vouched))
  const unusablePasswordHash = firstSignIn ? await hashPassword(newSecret()) : null
  return runUnit(deps, org, async (u): Promise<Result<string, { code: SsoErrorCode }>> => {
    const linked = await findSsoIdentity(u.tx, org.id, issuer, subject)
    if (linked) {
      const user = await findUserById(u.tx, linked)
      if (!user || user.disabled_at !== null) return fail({ code: 'SSO_ACCOUNT_DISABLED' })
      if (!(await findMembership(u.tx, org.id, user.id))) return fail({ code: 'SSO_NO_ACCOUNT' })
      return ok(user.id)
    }
    const email = vouchedEmail(claims, settings.allowedDomains)
    if (!email) return fail({ code: 'SSO_NO_ACCOUNT' })
    const user = await findUserByEmail(u.tx, email)
    if (user) {
      if (user.disabled_at !== null) return fail({ code: 'SSO_ACCOUNT_DISABLED' })
      const membership = await findMembership(u.tx, org.id, user.id)
      // Not a member: no provider adds an existing account to an organization (an invitation does).
      // Already linked to another subject of this provider: an address moved at the provider does not move the account.
      if (!membership || (await hasSsoIdentity(u.tx, org.id, issuer, user.id))) return fail({ code: 'SSO_NO_ACCOUNT' })
      await insertSsoIdentity(u.tx, { orgId: org.id, issuer, subject, userId: user.id, createdAt: u.at })
      u.record(
        newEvent('sso.identity_linked', { kind: 'user', id: user.id }, u.at, null, {
          userId: user.id,
          joined: false,
          newAccount: false,
          role: membership.role,
        }),
      )
      return ok(user.id)
    }
    if (!settings.jitRole) return fail({ code: 'SSO_NO_ACCOUNT' })
    if (!unusablePasswordHash) return fail({ code: 'SSO_FAILED' }) // the account appeared meanwhile: start again
    const userId = newId()
    const given = typeof claims.name === 'string' ? claims.name.trim() : ''
    const name = given !== '' && nameProblem(given) === null ? given : email.slice(0, email.indexOf('@'))
    // No password anyone knows: the person signs in through the provider (or sets one by a reset link).
    await insertUser(u.tx, { id: userId, email, name, passwordHash: unusablePasswordHash, createdAt: u.at })
    await insertMembership(u.tx, { orgId: org.id, userId, role: settings.jitRole, createdAt: u.at })
    await insertSsoIdentity(u.tx, { orgId: org.id, issuer, subject, userId, createdAt: u.at })
    u.record(
      newEvent('sso.identity_linked', { kind: 'user', id: userId }, u.at, null, {
        userId,
        joined: true,
        newAccount: true,
        role: settings.jitRole,
      }),
    )
    return ok(userId)
  })
}
