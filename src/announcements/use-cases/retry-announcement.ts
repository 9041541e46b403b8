import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { retryFailedAnnouncement } from '../../storage/repositories/announcement-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/**
 * A team member sends an announcement that failed for good again (say, after the administrator
 * fixed the channel's address): it goes back to the outbox with the same id, its settings read
 * anew at delivery.
 */
export async function retryAnnouncement(
  deps: Deps,
  org: Pick<OrganizationRow, 'id' | 'data_key_wrapped'>,
  advisoryId: string,
  announcementId: string,
  userId: string,
): Promise<Result<void, { code: 'NOT_FOUND' }>> {
  const requeued = await runUnit(deps, org, async (u) =>
    (await retryFailedAnnouncement(u.tx, org.id, advisoryId, announcementId, u.at)) ? ok(undefined) : fail({ code: 'NOT_FOUND' as const }),
  )
  if (requeued.ok) deps.log.info({ orgId: org.id, announcementId, userId, event: 'announcement.retried' }, 'announcement retried')
  return requeued
}
