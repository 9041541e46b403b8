import { generateRegistrationOptions } from '@simplewebauthn/server'
import { relyingParty } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { newId } from '../../storage/ids.js'
import { deleteSessionChallenges, insertChallenge, listPasskeys } from '../../storage/repositories/mfa-repository.js'
import type { AccountUser } from './account-user.js'

const registerWithinMs = 5 * 60 * 1000

/**
 * Options for the browser to create a passkey, with a fresh challenge kept for this session only
 * (5 minutes; an earlier one is replaced). The user handle is the account id, never the address.
 */
export async function passkeyRegistrationOptions(deps: Deps, user: AccountUser): Promise<string> {
  const rp = relyingParty(deps.config)
  const existing = await listPasskeys(deps.db, user.id)
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  })
  const now = deps.now()
  await deleteSessionChallenges(deps.db, user.sessionId, 'passkey-registration')
  await insertChallenge(deps.db, {
    id: newId(),
    user_id: user.id,
    purpose: 'passkey-registration',
    session_id: user.sessionId,
    webauthn_challenge: options.challenge,
    payload_enc: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + registerWithinMs).toISOString(),
  })
  return JSON.stringify(options)
}
