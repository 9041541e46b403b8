import type { Deps } from '../../deps.js'
import { normalizeEmail } from '../../domain/organization.js'
import { findUserByEmail } from '../../storage/repositories/user-repository.js'
import { decoyHash, verifyPassword } from '../passwords.js'
import { beginSecondStep, needsSecondStep } from '../second-factor/second-step.js'
import { startSession } from '../sessions.js'
import { Throttle } from '../throttles.js'

export type SignInResult =
  | { ok: true; token: string; userId: string }
  /** The password was right and the person has a second factor: `challenge` goes in the second step's cookie. */
  | { ok: true; challenge: string; userId: string }
  | { ok: false; reason: 'failed' }
  | { ok: false; reason: 'throttled'; retryAt: Date }

/**
 * Checks an e-mail and password from a client address and starts a session. Unknown addresses
 * cost the same time as wrong passwords and get the same answer, so the form does not tell who
 * has an account; throttling keys on the typed address alike, whether it has an account or not.
 * An address that failed too often on an account is told when it may try again; other
 * addresses, the owner's among them, are still heard (see src/domain/access/throttle.ts). A person with a
 * second factor gets no session yet, only a short-lived challenge for the second step.
 */
export async function signIn(
  deps: Deps,
  emailInput: string,
  password: string,
  clientAddress: string,
  next = '/',
  userAgent?: string,
): Promise<SignInResult> {
  const email = normalizeEmail(emailInput)
  const throttle = new Throttle(deps, 'sign-in')
  const now = deps.now().getTime()
  const retryAt = await throttle.retryAt(email, clientAddress, now)
  if (retryAt !== null) {
    deps.log.info({ event: 'auth.sign_in_throttled', retryAt: new Date(retryAt).toISOString() }, 'sign-in throttled')
    return { ok: false, reason: 'throttled', retryAt: new Date(retryAt) }
  }
  const user = await findUserByEmail(deps.db, email)
  const valid = await verifyPassword(user?.password_hash ?? (await decoyHash()), password)
  if (!user || !valid || user.disabled_at !== null) {
    await throttle.recordFailure(email, clientAddress, now)
    deps.log.info({ event: 'auth.sign_in_failed', userId: user?.id ?? null }, 'sign-in failed')
    return { ok: false, reason: 'failed' }
  }
  await throttle.recordSuccess(email, clientAddress)
  // A session starts only after the second factor when the person has one (issue 13).
  if (await needsSecondStep(deps, user.id)) {
    deps.log.info({ event: 'auth.password_accepted', userId: user.id }, 'password accepted; second factor next')
    return { ok: true, challenge: await beginSecondStep(deps, user.id, next), userId: user.id }
  }
  const token = await startSession(deps, user.id, { userAgent, address: clientAddress })
  deps.log.info({ event: 'auth.signed_in', userId: user.id }, 'signed in')
  return { ok: true, token, userId: user.id }
}
