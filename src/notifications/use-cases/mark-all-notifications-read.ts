import type { Deps } from '../../deps.js'
import { ok, type Result } from '../../domain/result.js'
import { markAllNotificationsRead as markStored } from '../../storage/repositories/notification-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** Marks every unread notification of the member in this organization read; returns how many. */
export async function markAllNotificationsRead(deps: Deps, org: OrganizationRow, userId: string): Promise<Result<number, never>> {
  return runUnit(deps, org, async (u) => ok(await markStored(u.tx, org.id, userId, u.at)))
}
