import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { cancelScheduledNotices, removePartner as markPartnerRemoved } from '../../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import type { PartnerError } from '../partner-input.js'

/** Takes a partner off the list: notices still scheduled for it are cancelled; those already sent stay on the advisories' timelines. */
export async function removePartner(
  deps: Deps,
  org: OrganizationRow,
  partnerId: string,
  actorId: string,
): Promise<Result<true, PartnerError>> {
  return runUnit(deps, org, async (u) => {
    if (!(await markPartnerRemoved(u.tx, org.id, partnerId, u.at))) return fail({ code: 'NOT_FOUND' as const })
    await cancelScheduledNotices(u.tx, org.id, partnerId)
    u.record(newEvent('partner.removed', { kind: 'user', id: actorId }, u.at, null, { partnerId }))
    return ok(true as const)
  })
}
