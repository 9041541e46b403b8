import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { markNotificationRead as markStored } from '../../storage/repositories/notification-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** Marks one of the member's own notifications read; another's or an unknown one is NOT_FOUND. */
export async function markNotificationRead(
  deps: Deps,
  org: OrganizationRow,
  userId: string,
  notificationId: string,
): Promise<Result<void, { code: 'NOT_FOUND' }>> {
  return runUnit(deps, org, async (u) =>
    (await markStored(u.tx, org.id, userId, notificationId, u.at)) ? ok(undefined) : fail({ code: 'NOT_FOUND' as const }),
  )
}
