import type { Deps } from '../../../deps.js'
import { newEvent } from '../../../domain/events.js'
import { fail, ok, type Result } from '../../../domain/result.js'
import { runAccountChange } from '../../../storage/account-change.js'
import { hasSecondFactor } from '../../../storage/repositories/mfa-repository.js'
import type { AccountUser } from '../account-user.js'
import { mayChangeFactors, passwordConfirms } from '../factor-rules.js'
import { makeRecoveryCodes } from '../recovery-codes-shown-once.js'

/** New recovery codes replace all old ones (used or not), after the password is typed again; shown once. */
export async function regenerateRecoveryCodes(
  deps: Deps,
  user: AccountUser,
  password: string,
): Promise<Result<void, 'step-up' | 'password' | 'none'>> {
  const allowed = await mayChangeFactors(deps, user)
  if (!allowed.ok) return allowed
  // Codes stand in for a second factor; without one they would be the only one.
  if (!hasSecondFactor(allowed.factors)) return fail('none')
  if (!(await passwordConfirms(deps, user.id, password))) return fail('password')
  return runAccountChange(
    deps,
    user.id,
    async (tx, at) => {
      await makeRecoveryCodes(deps, tx, user.id, user.sessionId, at)
      return ok(undefined)
    },
    (r, at) => (r.ok ? [newEvent('mfa.factor_added', { kind: 'user', id: user.id }, at, null, { factor: 'recovery-codes' })] : []),
  )
}
