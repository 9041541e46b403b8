import { Throttle } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { normalizeEmail } from '../../domain/organization.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { runAccountUnit } from '../../storage/account-unit.js'
import { hashSecret, newSecret } from '../../storage/ids.js'
import { insertPasswordReset, lastPasswordResetAt } from '../../storage/repositories/password-reset-repository.js'
import { findUserByEmail, listOrganizationsOfUser } from '../../storage/repositories/user-repository.js'
import { resetLinkMinutes, resetSpacingMs, resetUrl } from '../links.js'

/**
 * "Forgot your password": the answer is the same for every address — known, unknown, disabled,
 * or already sent a link a moment ago — so the form tells nobody who has an account (ASVS
 * v5.0.0-6.3.8). Requests are throttled per typed address and client network whether or not it
 * has an account. For an active account that belongs to an organization, a single-use link that
 * works `resetLinkMinutes` goes through the outbox of its first organization (mail is sent from an
 * organization's address); at most one per `resetSpacingMs`.
 */
export async function requestPasswordReset(
  deps: Deps,
  emailInput: string,
  clientAddress: string,
): Promise<Result<void, { code: 'THROTTLED'; retryAt: Date }>> {
  const email = normalizeEmail(emailInput)
  const throttle = new Throttle(deps, 'password-reset')
  const now = deps.now()
  const retryAt = await throttle.retryAt(email, clientAddress, now.getTime())
  if (retryAt !== null) return fail({ code: 'THROTTLED', retryAt: new Date(retryAt) })
  await throttle.recordFailure(email, clientAddress, now.getTime())
  const user = await findUserByEmail(deps.db, email)
  if (!user || user.disabled_at !== null) return ok(undefined)
  const last = await lastPasswordResetAt(deps.db, user.id)
  if (last && now.getTime() - Date.parse(last) < resetSpacingMs) return ok(undefined)
  const [org] = await listOrganizationsOfUser(deps.db, user.id)
  if (!org) return ok(undefined)
  const token = newSecret()
  await runAccountUnit(deps, user.id, async (u) => {
    await insertPasswordReset(u.tx, {
      token_hash: hashSecret(token),
      user_id: user.id,
      created_at: u.at,
      expires_at: new Date(Date.parse(u.at) + resetLinkMinutes * 60_000).toISOString(),
      used_at: null,
    })
    u.send(org.id, {
      kind: 'mail',
      payload: { template: 'account.password-reset', to: user.email, ref: '', orgName: org.name, link: resetUrl(deps, token) },
    })
  })
  deps.log.info({ event: 'account.reset_link_sent', userId: user.id }, 'password reset link sent')
  return ok(undefined)
}
