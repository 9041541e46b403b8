/**
 * The second step of signing in: after the password, a challenge row (keyed by the hash of a
 * 256-bit value held in an HttpOnly cookie) lives 5 minutes and takes at most 5 wrong answers;
 * then the person starts again with their password, which the sign-in throttle slows down.
 */
import { generateAuthenticationOptions } from '@simplewebauthn/server'
import type { Deps } from '../../deps.js'
import { hashSecret, newSecret } from '../../storage/ids.js'
import {
  countChallengeFailure,
  deleteChallenge,
  deleteExpiredChallenges,
  findLiveChallenge,
  hasSecondFactor,
  insertChallenge,
  listPasskeys,
  secondFactorsOf,
  setWebauthnChallenge,
} from '../../storage/repositories/mfa-repository.js'
import { relyingParty } from './relying-party.js'

export const secondStepMs = 5 * 60 * 1000
export const secondStepTries = 5

export async function needsSecondStep(deps: Deps, userId: string): Promise<boolean> {
  return hasSecondFactor(await secondFactorsOf(deps.db, userId))
}

/** Starts the second step; answers the cookie value (only its hash is stored). */
export async function beginSecondStep(deps: Deps, userId: string, next: string): Promise<string> {
  const now = deps.now()
  await deleteExpiredChallenges(deps.db, now.toISOString())
  const token = newSecret()
  await insertChallenge(deps.db, {
    id: hashSecret(token),
    user_id: userId,
    purpose: 'sign-in',
    session_id: null,
    webauthn_challenge: null,
    next,
    payload_enc: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + secondStepMs).toISOString(),
  })
  return token
}

export const findSecondStep = (deps: Deps, token: string) =>
  findLiveChallenge(deps.db, hashSecret(token), 'sign-in', deps.now().toISOString())

/** What the second-step page offers: the person's factors, and passkey options with a fresh challenge. */
export async function secondStepChoices(deps: Deps, step: { id: string; user_id: string }) {
  const factors = await secondFactorsOf(deps.db, step.user_id)
  const passkeys = await listPasskeys(deps.db, step.user_id)
  let passkeyOptions: string | null = null
  if (passkeys.length > 0) {
    const options = await generateAuthenticationOptions({
      rpID: relyingParty(deps.config).id,
      allowCredentials: passkeys.map((p) => ({ id: p.id, transports: p.transports })),
      userVerification: 'preferred',
    })
    await setWebauthnChallenge(deps.db, step.id, options.challenge)
    passkeyOptions = JSON.stringify(options)
  }
  return { totp: factors.totp, recoveryCodes: factors.recoveryCodes > 0, passkeyOptions }
}

/** A wrong answer: true when the step is used up (ended). */
export async function failSecondStep(deps: Deps, id: string): Promise<boolean> {
  const failures = await countChallengeFailure(deps.db, id)
  if (failures < secondStepTries) return false
  await deleteChallenge(deps.db, id)
  return true
}

/** Ends the step; true only for the one request that ended it. */
export const endSecondStep = (deps: Deps, id: string) => deleteChallenge(deps.db, id)
