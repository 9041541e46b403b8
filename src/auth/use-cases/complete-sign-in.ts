import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findUserById } from '../../storage/repositories/user-repository.js'
import { checkPasskey, checkRecoveryCode, checkTotp } from '../second-factor/check.js'
import { endSecondStep, failSecondStep, findSecondStep } from '../second-factor/second-step.js'
import { type SessionClient, startSession } from '../sessions.js'
import { recordSecondFactorFailure, secondFactorThrottled } from '../throttles.js'

export type SecondFactorProof =
  | { method: 'totp'; code: string }
  | { method: 'recovery'; code: string }
  | { method: 'passkey'; response: string | undefined }

export type CompleteSignInError = 'expired' | 'wrong' | 'used-up' | 'throttled'

/**
 * The second step of signing in: a code from the authenticator app, a passkey, or a recovery
 * code. Right: the step ends and a session starts that counts as verified by a second factor.
 * Wrong: counted; the fifth wrong answer ends the step (back to the password).
 */
export async function completeSignIn(
  deps: Deps,
  challengeToken: string,
  proof: SecondFactorProof,
  client: SessionClient = {},
): Promise<Result<{ token: string; next: string }, CompleteSignInError>> {
  const step = await findSecondStep(deps, challengeToken)
  if (!step) return fail('expired')
  const user = await findUserById(deps.db, step.user_id)
  if (!user || user.disabled_at !== null) return fail('expired')
  if (await secondFactorThrottled(deps, user.id)) return fail('throttled')
  const right =
    proof.method === 'totp'
      ? await checkTotp(deps, user.id, proof.code)
      : proof.method === 'recovery'
        ? await checkRecoveryCode(deps, user.id, proof.code)
        : await checkPasskey(deps, user.id, step.webauthn_challenge, proof.response)
  if (!right) {
    deps.log.info({ event: 'auth.second_factor_failed', userId: user.id, method: proof.method }, 'second factor refused')
    await recordSecondFactorFailure(deps, user.id)
    return fail((await failSecondStep(deps, step.id)) ? 'used-up' : 'wrong')
  }
  if (!(await endSecondStep(deps, step.id))) return fail('expired')
  const token = await startSession(deps, user.id, { ...client, mfaVerified: true })
  deps.log.info({ event: 'auth.signed_in', userId: user.id, method: proof.method }, 'signed in with a second factor')
  return ok({ token, next: step.next })
}
