import type { Deps } from '../../../deps.js'
import { newEvent } from '../../../domain/events.js'
import { fail, ok, type Result } from '../../../domain/result.js'
import { runAccountChange } from '../../../storage/account-change.js'
import { deleteTotp } from '../../../storage/repositories/mfa-repository.js'
import type { AccountUser } from '../account-user.js'
import { afterFactorRemoved } from '../after-factor-removed.js'
import { mayChangeFactors, passwordConfirms } from '../factor-rules.js'

/** Removes the authenticator app, after the password is typed again. */
export async function removeTotp(deps: Deps, user: AccountUser, password: string): Promise<Result<void, 'step-up' | 'password' | 'none'>> {
  const allowed = await mayChangeFactors(deps, user)
  if (!allowed.ok) return allowed
  if (!(await passwordConfirms(deps, user.id, password))) return fail('password')
  const result = await runAccountChange(
    deps,
    user.id,
    async (tx) => ((await deleteTotp(tx, user.id)) ? ok(undefined) : fail('none' as const)),
    (r, at) => (r.ok ? [newEvent('mfa.factor_removed', { kind: 'user', id: user.id }, at, null, { factor: 'totp' })] : []),
  )
  if (result.ok) await afterFactorRemoved(deps, user)
  return result
}
