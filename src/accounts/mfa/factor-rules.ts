import { verifyPassword } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { hasSecondFactor, type SecondFactors, secondFactorsOf } from '../../storage/repositories/mfa-repository.js'
import { findUserById } from '../../storage/repositories/user-repository.js'
import type { AccountUser } from './account-user.js'

/**
 * Who may change a person's factors: the person, in a session that passed a second factor when
 * they have one (a session that signed in with the password alone must not replace or add factors
 * behind the owner's back). Removing a factor or making new recovery codes also asks for the
 * password again (ASVS v5.0.0-7.5.1).
 */
export type FactorChangeRefusal = 'step-up' | 'password'

export async function mayChangeFactors(
  deps: Deps,
  user: AccountUser,
): Promise<{ ok: true; factors: SecondFactors } | { ok: false; error: 'step-up' }> {
  const factors = await secondFactorsOf(deps.db, user.id)
  if (hasSecondFactor(factors) && !user.mfaVerified) return { ok: false, error: 'step-up' }
  return { ok: true, factors }
}

export async function passwordConfirms(deps: Deps, userId: string, password: string): Promise<boolean> {
  const row = await findUserById(deps.db, userId)
  return !!row && row.disabled_at === null && (await verifyPassword(row.password_hash, password))
}
