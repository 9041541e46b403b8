import { checkNewPassword, hashPassword, Throttle, verifyPassword } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { runAccountUnit } from '../../storage/account-unit.js'
import { deleteSessionsOfUser } from '../../storage/repositories/session-repository.js'
import { findUserById, setPasswordHash } from '../../storage/repositories/user-repository.js'

export type PasswordFields = Partial<Record<'current' | 'password' | 'confirm', string>>
export type ChangePasswordError = { code: 'FIELDS'; fields: PasswordFields } | { code: 'THROTTLED'; retryAt: Date }

/**
 * A signed-in person changes their password: the current one is required (and wrong guesses are
 * throttled like sign-in), the new one is checked against the length rule and the list of common
 * and breached passwords. Every OTHER session of the person ends in the same commit (ASVS
 * v5.0.0-7.4.3); `account.password_changed` goes to the log of each of their organizations.
 */
export async function changePassword(
  deps: Deps,
  me: { id: string; sessionId: string },
  form: { current: string; password: string; confirm: string },
  clientAddress: string,
): Promise<Result<void, ChangePasswordError>> {
  const throttle = new Throttle(deps, 'password-change')
  const now = deps.now().getTime()
  const retryAt = await throttle.retryAt(me.id, clientAddress, now)
  if (retryAt !== null) return fail({ code: 'THROTTLED', retryAt: new Date(retryAt) })
  const user = await findUserById(deps.db, me.id)
  if (!user || !(await verifyPassword(user.password_hash, form.current))) {
    await throttle.recordFailure(me.id, clientAddress, now)
    return fail({ code: 'FIELDS', fields: { current: 'wrong-password' } })
  }
  await throttle.recordSuccess(me.id, clientAddress)
  const problem = checkNewPassword(form.password)
  if (problem) return fail({ code: 'FIELDS', fields: { password: problem } })
  if (form.password !== form.confirm) return fail({ code: 'FIELDS', fields: { confirm: 'mismatch' } })
  const passwordHash = await hashPassword(form.password)
  await runAccountUnit(deps, me.id, async (u) => {
    await setPasswordHash(u.tx, me.id, passwordHash)
    const sessionsEnded = await deleteSessionsOfUser(u.tx, me.id, me.sessionId)
    u.record(newEvent('account.password_changed', { kind: 'user', id: me.id }, u.at, null, { userId: me.id, sessionsEnded }))
  })
  deps.log.info({ event: 'account.password_changed', userId: me.id }, 'password changed')
  return ok(undefined)
}
