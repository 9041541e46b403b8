import { checkNewPassword, hashPassword } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { runAccountUnit } from '../../storage/account-unit.js'
import { hashSecret } from '../../storage/ids.js'
import { findPasswordReset, usePasswordReset } from '../../storage/repositories/password-reset-repository.js'
import { deleteSessionsOfUser } from '../../storage/repositories/session-repository.js'
import { setPasswordHash } from '../../storage/repositories/user-repository.js'
import type { PasswordFields } from './change-password.js'

export type ResetPasswordError = { code: 'INVALID' } | { code: 'FIELDS'; fields: PasswordFields }

/** Whether a reset link still works (unused, not expired). */
export async function resetLinkWorks(deps: Deps, token: string): Promise<boolean> {
  const reset = await findPasswordReset(deps.db, hashSecret(token))
  return !!reset && reset.used_at === null && Date.parse(reset.expires_at) > deps.now().getTime()
}

/**
 * The mailed link sets a new password, once: the link (and every other unused link of the
 * account) is used up, and EVERY session of the person ends, in one commit; the event
 * `account.password_reset` goes to each of their organizations.
 */
export async function resetPassword(
  deps: Deps,
  token: string,
  form: { password: string; confirm: string },
): Promise<Result<void, ResetPasswordError>> {
  const tokenHash = hashSecret(token)
  const reset = await findPasswordReset(deps.db, tokenHash)
  if (!reset || reset.used_at !== null || Date.parse(reset.expires_at) <= deps.now().getTime()) return fail({ code: 'INVALID' })
  const problem = checkNewPassword(form.password)
  if (problem) return fail({ code: 'FIELDS', fields: { password: problem } })
  if (form.password !== form.confirm) return fail({ code: 'FIELDS', fields: { confirm: 'mismatch' } })
  const passwordHash = await hashPassword(form.password)
  const userId = reset.user_id
  const result = await runAccountUnit(deps, userId, async (u) => {
    if (!(await usePasswordReset(u.tx, tokenHash, userId, u.at))) return fail({ code: 'INVALID' as const })
    await setPasswordHash(u.tx, userId, passwordHash)
    const sessionsEnded = await deleteSessionsOfUser(u.tx, userId)
    u.record(newEvent('account.password_reset', { kind: 'user', id: userId }, u.at, null, { userId, sessionsEnded }))
    return ok(undefined)
  })
  if (result.ok) deps.log.info({ event: 'account.password_reset', userId }, 'password reset')
  return result
}
