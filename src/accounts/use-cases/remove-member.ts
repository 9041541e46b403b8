import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { deleteSessionsOfUser } from '../../storage/repositories/session-repository.js'
import { countActiveAdmins, deleteMembership, findMembership } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { actorOf } from '../links.js'

/**
 * An administrator removes a member. The membership goes, and every session of the person ends
 * in the same commit (ASVS v5.0.0-7.4.2), so the next request of each is refused; they may sign
 * in again for another organization they belong to. The last active administrator stays.
 */
export async function removeMember(
  deps: Deps,
  org: OrganizationRow,
  userId: string,
  actorId: string,
): Promise<Result<void, { code: 'MEMBER_UNKNOWN' | 'LAST_ADMIN' }>> {
  return runUnit(deps, org, async (u) => {
    const membership = await findMembership(u.tx, org.id, userId)
    if (!membership) return fail({ code: 'MEMBER_UNKNOWN' as const })
    if (membership.role === 'admin' && (await countActiveAdmins(u.tx, org.id)) <= 1) return fail({ code: 'LAST_ADMIN' as const })
    await deleteMembership(u.tx, org.id, userId)
    const sessionsEnded = await deleteSessionsOfUser(u.tx, userId)
    u.record(newEvent('member.removed', actorOf(actorId), u.at, null, { userId, role: membership.role, sessionsEnded }))
    return ok(undefined)
  })
}
