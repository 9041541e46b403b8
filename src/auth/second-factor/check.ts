/**
 * Checks a second factor of one person: a code from their authenticator app (once per time step),
 * a recovery code (once), or a passkey's signature over this sign-in's challenge.
 */
import { type AuthenticationResponseJSON, verifyAuthenticationResponse } from '@simplewebauthn/server'
import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok } from '../../domain/result.js'
import { runAccountChange } from '../../storage/account-change.js'
import {
  acceptTotpStep,
  advancePasskeyCounter,
  countUnusedRecoveryCodes,
  findPasskeyOfUser,
  findTotp,
  useRecoveryCode,
} from '../../storage/repositories/mfa-repository.js'
import { hashRecoveryCode } from './recovery-codes.js'
import { relyingParty } from './relying-party.js'
import { matchingTotpStep } from './totp.js'

/** Seals a person's TOTP secret at rest, bound to them. */
export const totpCipher = (deps: Pick<Deps, 'keyring'>) => deps.keyring.forInstance('mfa')
export const totpSecretContext = (userId: string) => `mfa_totp.secret|${userId}`

/**
 * Accepts a code of the person's authenticator app: right for a step within ±1 of now, and of a
 * later step than any code accepted before, so a code seen over a shoulder or replayed is refused
 * (ASVS v5.0.0-6.5.1). With `confirm`, the code confirms a pending secret instead of a confirmed one.
 */
export async function checkTotp(deps: Deps, userId: string, code: string, options: { confirm?: boolean } = {}): Promise<boolean> {
  const row = await findTotp(deps.db, userId)
  if (!row || (row.confirmed_at === null) !== !!options.confirm) return false
  const secret = totpCipher(deps).decrypt(row.secret_enc, totpSecretContext(userId))
  const now = deps.now()
  const step = matchingTotpStep(secret, code, now.getTime())
  if (step === null) return false
  return acceptTotpStep(deps.db, userId, step, options.confirm ? now.toISOString() : undefined)
}

/** Uses one of the person's recovery codes, recording it (with how many remain) in their organizations' logs. */
export async function checkRecoveryCode(deps: Deps, userId: string, code: string): Promise<boolean> {
  const hash = hashRecoveryCode(code)
  const used = await runAccountChange(
    deps,
    userId,
    async (tx, at) => ((await useRecoveryCode(tx, userId, hash, at)) ? ok(await countUnusedRecoveryCodes(tx, userId)) : fail('unknown')),
    (result, at) =>
      result.ok ? [newEvent('mfa.recovery_code_used', { kind: 'user', id: userId }, at, null, { remaining: result.value })] : [],
  )
  return used.ok
}

/** Parses what the browser script posts; anything else is no passkey answer. */
export function parsePasskeyResponse<T>(text: string | undefined): T | null {
  if (!text) return null
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as T) : null
  } catch {
    return null
  }
}

/** Verifies a passkey's signature over `challenge` with a passkey the person registered, and moves its counter. */
export async function checkPasskey(
  deps: Deps,
  userId: string,
  challenge: string | null,
  responseText: string | undefined,
): Promise<boolean> {
  const response = parsePasskeyResponse<AuthenticationResponseJSON>(responseText)
  if (!challenge || !response) return false
  const passkey = await findPasskeyOfUser(deps.db, userId, response.id)
  if (!passkey) return false
  const rp = relyingParty(deps.config)
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: Buffer.from(passkey.publicKey, 'base64url'),
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
      requireUserVerification: false,
    })
    if (!verification.verified) return false
    const moved = Math.max(passkey.counter, verification.authenticationInfo.newCounter)
    return advancePasskeyCounter(deps.db, passkey.id, passkey.counter, moved, deps.now().toISOString())
  } catch (error) {
    deps.log.info({ event: 'auth.passkey_refused', reason: (error as Error).message }, 'passkey answer refused')
    return false
  }
}
