import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { deleteSessionsOfUser } from '../../storage/repositories/session-repository.js'
import { countActiveAdmins, findMembership, listOrganizationsOfUser, setUserDisabled } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { actorOf } from '../links.js'

export type AccountChangeError = { code: 'MEMBER_UNKNOWN' | 'LAST_ADMIN' | 'NOT_YOURSELF' | 'ACCOUNT_SHARED' }

/**
 * An administrator disables a member's account: `disabled_at` is written and every session ends
 * in the same commit, so the next request of each is refused and sign-in fails (ASVS
 * v5.0.0-7.4.2). An account is the person's across organizations, so an organization's
 * administrator may disable only an account that belongs to no other organization (otherwise:
 * remove the member); nobody disables themselves, and the last active administrator stays.
 */
export async function disableAccount(
  deps: Deps,
  org: OrganizationRow,
  userId: string,
  actorId: string,
): Promise<Result<void, AccountChangeError>> {
  if (userId === actorId) return fail({ code: 'NOT_YOURSELF' })
  return runUnit(deps, org, async (u) => {
    const membership = await findMembership(u.tx, org.id, userId)
    if (!membership) return fail({ code: 'MEMBER_UNKNOWN' as const })
    if ((await listOrganizationsOfUser(u.tx, userId)).some((o) => o.id !== org.id)) return fail({ code: 'ACCOUNT_SHARED' as const })
    if (membership.role === 'admin' && (await countActiveAdmins(u.tx, org.id)) <= 1) return fail({ code: 'LAST_ADMIN' as const })
    await setUserDisabled(u.tx, userId, u.at)
    const sessionsEnded = await deleteSessionsOfUser(u.tx, userId)
    u.record(newEvent('account.disabled', actorOf(actorId), u.at, null, { userId, sessionsEnded }))
    return ok(undefined)
  })
}
