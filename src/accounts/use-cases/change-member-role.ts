import type { Deps } from '../../deps.js'
import { roles } from '../../domain/access/roles.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { countActiveAdmins, findMembership, updateMembershipRole } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow, Role } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { actorOf } from '../links.js'

/**
 * An administrator changes a member's role. The access guard reads the role on every request,
 * so the member's next request, in every session, already meets the new role (ASVS v5.0.0-8.3.2).
 * The last active administrator cannot be demoted.
 */
export async function changeMemberRole(
  deps: Deps,
  org: OrganizationRow,
  userId: string,
  role: string,
  actorId: string,
): Promise<Result<void, { code: 'MEMBER_UNKNOWN' | 'LAST_ADMIN' | 'VALIDATION_FAILED' }>> {
  if (!(roles as readonly string[]).includes(role)) return fail({ code: 'VALIDATION_FAILED' })
  return runUnit(deps, org, async (u) => {
    const membership = await findMembership(u.tx, org.id, userId)
    if (!membership) return fail({ code: 'MEMBER_UNKNOWN' as const })
    if (membership.role === role) return ok(undefined)
    if (membership.role === 'admin' && (await countActiveAdmins(u.tx, org.id)) <= 1) return fail({ code: 'LAST_ADMIN' as const })
    await updateMembershipRole(u.tx, org.id, userId, role as Role)
    u.record(newEvent('member.role_changed', actorOf(actorId), u.at, null, { userId, from: membership.role, to: role }))
    return ok(undefined)
  })
}
