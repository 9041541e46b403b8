import { type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server'
import { parsePasskeyResponse, relyingParty } from '../../../auth/index.js'
import type { Deps } from '../../../deps.js'
import { newEvent } from '../../../domain/events.js'
import { fail, ok, type Result } from '../../../domain/result.js'
import { runAccountChange } from '../../../storage/account-change.js'
import {
  countUnusedRecoveryCodes,
  deleteChallenge,
  findSessionChallenge,
  insertPasskey,
  passkeyExists,
} from '../../../storage/repositories/mfa-repository.js'
import { markSessionMfaVerified } from '../../../storage/repositories/session-repository.js'
import type { AccountUser } from '../account-user.js'
import { mayChangeFactors } from '../factor-rules.js'
import { makeRecoveryCodes } from '../recovery-codes-shown-once.js'

export type AddPasskeyError = 'step-up' | 'failed'

/**
 * Stores a passkey the browser created for this session's challenge (checked against this
 * instance's origin and RP ID; only the public key is kept). Like a confirmed app, it verifies
 * this session and makes a first set of recovery codes when the person has none.
 */
export async function addPasskey(
  deps: Deps,
  user: AccountUser,
  name: string,
  responseText: string | undefined,
): Promise<Result<{ codesMade: boolean }, AddPasskeyError>> {
  const allowed = await mayChangeFactors(deps, user)
  if (!allowed.ok) return allowed
  const challenge = await findSessionChallenge(deps.db, user.sessionId, 'passkey-registration', deps.now().toISOString())
  const response = parsePasskeyResponse<RegistrationResponseJSON>(responseText)
  if (!challenge?.webauthn_challenge || !response) return fail('failed')
  // The challenge is used once, whatever the answer.
  if (!(await deleteChallenge(deps.db, challenge.id))) return fail('failed')
  const rp = relyingParty(deps.config)
  let credential: { id: string; publicKey: Uint8Array; counter: number; transports?: string[] }
  try {
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.webauthn_challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    })
    if (!verification.verified) return fail('failed')
    credential = verification.registrationInfo.credential
  } catch (error) {
    deps.log.info({ event: 'auth.passkey_registration_refused', reason: (error as Error).message }, 'passkey registration refused')
    return fail('failed')
  }
  if (await passkeyExists(deps.db, credential.id)) return fail('failed')
  const label = [...name.trim()].slice(0, 100).join('') || 'Passkey'
  const actor = { kind: 'user', id: user.id } as const
  return runAccountChange(
    deps,
    user.id,
    async (tx, at) => {
      await insertPasskey(tx, {
        id: credential.id,
        user_id: user.id,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: (credential.transports ?? []).join(','),
        name: label,
        created_at: at,
        last_used_at: null,
      })
      const codesMade = (await countUnusedRecoveryCodes(tx, user.id)) === 0
      if (codesMade) await makeRecoveryCodes(deps, tx, user.id, user.sessionId, at)
      await markSessionMfaVerified(tx, user.sessionId, at)
      return ok({ codesMade })
    },
    (result, at) =>
      result.ok
        ? [
            newEvent('mfa.factor_added', actor, at, null, { factor: 'passkey' }),
            ...(result.value.codesMade ? [newEvent('mfa.factor_added', actor, at, null, { factor: 'recovery-codes' })] : []),
          ]
        : [],
  )
}
