import { matchingTotpStep, totpCipher, totpSecretContext } from '../../../auth/index.js'
import type { Deps } from '../../../deps.js'
import { newEvent } from '../../../domain/events.js'
import { fail, ok, type Result } from '../../../domain/result.js'
import { runAccountChange } from '../../../storage/account-change.js'
import { acceptTotpStep, countUnusedRecoveryCodes, findTotp } from '../../../storage/repositories/mfa-repository.js'
import { markSessionMfaVerified } from '../../../storage/repositories/session-repository.js'
import type { AccountUser } from '../account-user.js'
import { mayChangeFactors } from '../factor-rules.js'
import { makeRecoveryCodes } from '../recovery-codes-shown-once.js'

/**
 * The first code from the app confirms the pending secret: the app becomes a factor, this session
 * counts as verified by it, and a first set of recovery codes is made when the person has none.
 * Answers whether codes were made (to be shown once).
 */
export async function confirmTotp(
  deps: Deps,
  user: AccountUser,
  code: string,
): Promise<Result<{ codesMade: boolean }, 'step-up' | 'wrong'>> {
  const allowed = await mayChangeFactors(deps, user)
  if (!allowed.ok) return allowed
  const row = await findTotp(deps.db, user.id)
  if (!row || row.confirmed_at !== null) return fail('wrong')
  const secret = totpCipher(deps).decrypt(row.secret_enc, totpSecretContext(user.id))
  const step = matchingTotpStep(secret, code, deps.now().getTime())
  if (step === null) return fail('wrong')
  const actor = { kind: 'user', id: user.id } as const
  return runAccountChange(
    deps,
    user.id,
    async (tx, at) => {
      if (!(await acceptTotpStep(tx, user.id, step, at))) return fail('wrong' as const)
      const codesMade = (await countUnusedRecoveryCodes(tx, user.id)) === 0
      if (codesMade) await makeRecoveryCodes(deps, tx, user.id, user.sessionId, at)
      await markSessionMfaVerified(tx, user.sessionId, at)
      return ok({ codesMade })
    },
    (result, at) =>
      result.ok
        ? [
            newEvent('mfa.factor_added', actor, at, null, { factor: 'totp' }),
            ...(result.value.codesMade ? [newEvent('mfa.factor_added', actor, at, null, { factor: 'recovery-codes' })] : []),
          ]
        : [],
  )
}
