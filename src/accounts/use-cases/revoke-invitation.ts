import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { revokeInvitation as revoke } from '../../storage/repositories/invitation-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { actorOf } from '../links.js'

/** An administrator takes back a pending invitation: its link stops working at once. */
export async function revokeInvitation(
  deps: Deps,
  org: OrganizationRow,
  invitationId: string,
  actorId: string,
): Promise<Result<void, { code: 'INVITATION_NOT_PENDING' }>> {
  return runUnit(deps, org, async (u) => {
    if (!(await revoke(u.tx, org.id, invitationId, u.at))) return fail({ code: 'INVITATION_NOT_PENDING' as const })
    u.record(newEvent('member.invitation_revoked', actorOf(actorId), u.at, null, { invitationId }))
    return ok(undefined)
  })
}
