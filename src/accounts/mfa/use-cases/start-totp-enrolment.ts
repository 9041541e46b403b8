import { newTotpSecret, totpCipher, totpSecretContext } from '../../../auth/index.js'
import type { Deps } from '../../../deps.js'
import { fail, ok, type Result } from '../../../domain/result.js'
import { putPendingTotp } from '../../../storage/repositories/mfa-repository.js'
import type { AccountUser } from '../account-user.js'
import { mayChangeFactors } from '../factor-rules.js'

/** A new authenticator-app secret, sealed, waiting for its first code (a pending one is replaced). */
export async function startTotpEnrolment(deps: Deps, user: AccountUser): Promise<Result<void, 'step-up' | 'already'>> {
  const allowed = await mayChangeFactors(deps, user)
  if (!allowed.ok) return allowed
  if (allowed.factors.totp) return fail('already')
  const secretEnc = totpCipher(deps).encrypt(newTotpSecret(), totpSecretContext(user.id))
  const put = await putPendingTotp(deps.db, { userId: user.id, secretEnc, createdAt: deps.now().toISOString() })
  return put ? ok(undefined) : fail('already')
}
