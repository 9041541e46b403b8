import type { Deps } from '../../deps.js'
import { hasSecondFactor, replaceRecoveryCodes, secondFactorsOf } from '../../storage/repositories/mfa-repository.js'
import { clearSessionMfaVerified, deleteOtherSessionsOfUser } from '../../storage/repositories/session-repository.js'
import type { AccountUser } from './account-user.js'

/**
 * After a factor is gone, every other session of the person ends (one of them may be the reason
 * it was removed; ASVS v5.0.0-7.4.3). With no factor left, recovery codes go too and this session
 * no longer counts as verified by a second factor, so an organization that requires one refuses it.
 */
export async function afterFactorRemoved(deps: Deps, user: AccountUser): Promise<void> {
  await deleteOtherSessionsOfUser(deps.db, user.id, user.sessionId)
  if (hasSecondFactor(await secondFactorsOf(deps.db, user.id))) return
  await replaceRecoveryCodes(deps.db, user.id, [], deps.now().toISOString())
  await clearSessionMfaVerified(deps.db, user.sessionId)
}
