/**
 * The public advisory pages, feeds and CSAF provider layout, reading what the advisory repository
 * keeps as the public record of each published (or withdrawn) advisory, with the list of its
 * published revisions from the revision log (the CSAF revision history).
 */
import type { PublishedAdvisory } from '../domain/advisory/advisory.js'
import { publishedRevisions } from '../domain/advisory/published-revisions.js'
import type { Executor } from '../storage/db.js'
import { findPublishedAdvisory, listAdvisoryRevisions, listPublishedAdvisories } from '../storage/repositories/advisory-repository.js'
import { publicationFeature } from './publication/routes.js'

async function withRevisions(db: Executor, orgId: string, advisory: PublishedAdvisory): Promise<PublishedAdvisory> {
  const log = await listAdvisoryRevisions(db, orgId, advisory.id)
  const revisions = publishedRevisions(
    log.map((e) => ({ action: e.action, state: e.state, changed: e.changed, at: e.at })),
    advisory.withdrawnReason,
  )
  return revisions.length > 0 ? { ...advisory, revisions } : advisory
}

export const publicAdvisoryRoutes = publicationFeature((deps) => ({
  list: async (orgId) => Promise.all((await listPublishedAdvisories(deps.db, orgId)).map((a) => withRevisions(deps.db, orgId, a))),
  find: async (orgId, ownId) => {
    const found = await findPublishedAdvisory(deps.db, orgId, ownId)
    return found ? withRevisions(deps.db, orgId, found) : undefined
  },
}))
