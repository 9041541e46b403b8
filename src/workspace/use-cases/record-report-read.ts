import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** How the text was read: the report page, or the JSON API with one of the member's tokens. */
export type ReadChannel = { via: 'page' } | { via: 'api'; tokenId: string }

/**
 * Records that a member read a report's text (issue 13, item 5), in the organization's
 * hash-chained log beside the changes, before the text is sent. One event through the write
 * queue: an access event moves no clock, so nothing else is recomputed.
 */
export async function recordReportRead(
  deps: Deps,
  org: OrganizationRow,
  reportId: string,
  userId: string,
  channel: ReadChannel,
): Promise<void> {
  const data = channel.via === 'api' ? { via: 'api' as const, token: channel.tokenId } : { via: 'page' as const }
  await runUnit(deps, org, async (u) => u.record(newEvent('report.read', { kind: 'user', id: userId }, u.at, reportId, data)))
}
