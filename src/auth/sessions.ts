import type { Deps } from '../deps.js'
import { hashSecret, newSecret } from '../storage/ids.js'
import { deleteSession, findLiveSession, insertSession, touchSession } from '../storage/repositories/session-repository.js'

/** Sessions end after this long without a request (ASVS v5.0.0-7.3.1) … */
export const sessionIdleMs = 4 * 60 * 60 * 1000
/** … and this long after sign-in whatever happens (v5.0.0-7.3.2). */
export const sessionAbsoluteMs = 12 * 60 * 60 * 1000
/** last_seen_at is written at most this often, so reading pages does not mean a write per request. */
const touchEveryMs = 60 * 1000

/** Where a session was started from, for its owner's session list. */
export interface SessionClient {
  userAgent?: string | undefined
  address?: string | undefined
  /**
   * Set when an organization's identity provider vouched for the person (src/sso): the session is
   * then good for that organization only, and records whether the provider asserted MFA.
   */
  sso?: { orgId: string; mfaAsserted: boolean } | undefined
}

/**
 * Starts a session: a fresh 256-bit token for the cookie; only its hash is stored, with the
 * browser's User-Agent (the device on /account/sessions) and the client address only when the
 * operator opted in (EMBARGO_SESSION_ADDRESSES); `mfaVerified` when the second factor was passed.
 */
export async function startSession(deps: Deps, userId: string, client: SessionClient & { mfaVerified?: boolean } = {}): Promise<string> {
  const token = newSecret()
  const now = deps.now()
  await insertSession(deps.db, {
    id: hashSecret(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + sessionAbsoluteMs).toISOString(),
    user_agent: client.userAgent ? [...client.userAgent].slice(0, 300).join('') : null,
    client_address: deps.config.sessionAddresses && client.address ? client.address.slice(0, 64) : null,
    mfa_verified_at: client.mfaVerified ? now.toISOString() : null,
    ...(client.sso ? { sso_org_id: client.sso.orgId, sso_mfa: client.sso.mfaAsserted ? 1 : 0 } : {}),
  })
  return token
}

/** The signed-in user behind a session cookie, or null when the session is unknown, idle too long or expired. */
export async function resumeSession(deps: Deps, token: string) {
  const id = hashSecret(token)
  const now = deps.now()
  const session = await findLiveSession(deps.db, id, now.toISOString())
  if (!session) return null
  const idle = now.getTime() - Date.parse(session.last_seen_at)
  if (idle > sessionIdleMs) {
    await deleteSession(deps.db, id)
    return null
  }
  if (idle > touchEveryMs) await touchSession(deps.db, id, now.toISOString())
  return {
    id: session.user_id,
    name: session.name,
    email: session.email,
    sessionId: id,
    // A second factor passed here, or asserted by the organization's identity provider it trusts.
    mfaVerified: session.mfa_verified_at !== null || Number(session.sso_mfa) === 1,
    ssoOrgId: session.sso_org_id ?? null,
    ssoMfa: Number(session.sso_mfa) === 1,
  }
}

export const endSession = (deps: Deps, sessionId: string) => deleteSession(deps.db, sessionId)
