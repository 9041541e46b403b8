import type { Deps } from '../deps.js'
import { normalizeEmail } from '../domain/organization.js'
import { findUserByEmail } from '../storage/repositories/user-repository.js'
import { decoyHash, verifyPassword } from './passwords.js'
import { startSession } from './sessions.js'

/** Failed attempts per account before it is throttled, and for how long (ASVS v5.0.0-6.1.1, 6.3.1). */
export const signInThrottle = { failures: 10, windowMs: 15 * 60 * 1000 } as const

/** Recent failures per normalized e-mail. In memory: a restart forgets them, which only helps an attacker for one window. */
const failures = new Map<string, number[]>()

function recentFailures(email: string, now: number): number[] {
  const recent = (failures.get(email) ?? []).filter((t) => now - t < signInThrottle.windowMs)
  if (recent.length === 0) failures.delete(email)
  else failures.set(email, recent)
  return recent
}

export type SignInResult = { ok: true; token: string; userId: string } | { ok: false; reason: 'failed' | 'throttled' }

/**
 * Checks an e-mail and password and starts a session. Unknown addresses cost the same time as
 * wrong passwords and get the same answer, so the form does not tell who has an account.
 */
export async function signIn(deps: Deps, emailInput: string, password: string): Promise<SignInResult> {
  const email = normalizeEmail(emailInput)
  const now = deps.now().getTime()
  if (recentFailures(email, now).length >= signInThrottle.failures) return { ok: false, reason: 'throttled' }
  const user = await findUserByEmail(deps.db, email)
  const valid = await verifyPassword(user?.password_hash ?? (await decoyHash()), password)
  if (!user || !valid || user.disabled_at !== null) {
    failures.set(email, [...recentFailures(email, now), now])
    deps.log.info({ event: 'auth.sign_in_failed', userId: user?.id ?? null }, 'sign-in failed')
    return { ok: false, reason: 'failed' }
  }
  failures.delete(email)
  const token = await startSession(deps, user.id)
  deps.log.info({ event: 'auth.signed_in', userId: user.id }, 'signed in')
  return { ok: true, token, userId: user.id }
}
