import type { Deps } from '../../deps.js'
import { cipherFor } from '../../deps.js'
import { listQueue, type QueuePage, type QueueViewer } from '../../storage/repositories/queue-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { type QueueQuery, toFilter } from '../queue-query.js'
import { indexExistingReports } from './index-existing-reports.js'

/**
 * One page of the queue as the member may see it, every filter and the search applied: the
 * workspace's queue page and the JSON API answer the same question the same way.
 */
export async function listQueueFor(
  deps: Deps,
  org: OrganizationRow,
  query: QueueQuery,
  viewer: QueueViewer,
): Promise<QueuePage & { searchTooShort: boolean }> {
  const filter = toFilter(query, viewer.userId, deps.now().toISOString())
  // The reports stored before the blind index existed are indexed before the organization's first search.
  if (filter.search?.kind === 'tokens') await indexExistingReports(deps, org)
  const page = await listQueue(deps.db, cipherFor(deps, org), org.id, filter, viewer)
  // Only words too short to index were typed: nothing can be found, and the page says why.
  return { ...page, searchTooShort: filter.search?.kind === 'tokens' && filter.search.tokens.length === 0 }
}
