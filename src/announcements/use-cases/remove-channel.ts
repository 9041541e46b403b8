import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { removeAnnouncementChannel } from '../../storage/repositories/announcement-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** An administrator stops delivering a channel: its settings and secrets are deleted; announcements already made stay listed. */
export async function removeChannel(
  deps: Deps,
  org: OrganizationRow,
  name: string,
  actorId: string,
): Promise<Result<void, { code: 'NOT_FOUND' }>> {
  return runUnit(deps, org, async (u) => {
    if (!(await removeAnnouncementChannel(u.tx, org.id, name))) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('announcement.channel_configured', { kind: 'user', id: actorId }, u.at, null, { channel: name, delivery: null }))
    return ok(undefined)
  })
}
