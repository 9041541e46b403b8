import type { Deps } from '../../deps.js'
import { backfillSearchIndex, searchIndexBackfilled } from '../../storage/repositories/search-index-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/**
 * Before an organization's first search: indexes the reports stored before the blind index
 * existed (migration 2026-12-02T1630-queue-search cannot open report text; the application can).
 * Once per organization; afterwards a cheap read. Reports received since are indexed as they arrive.
 */
export async function indexExistingReports(deps: Deps, org: OrganizationRow): Promise<void> {
  if (await searchIndexBackfilled(deps.db, org.id)) return
  await runUnit(deps, org, (u) => backfillSearchIndex(u.tx, u.cipher, org.id, u.at))
}
