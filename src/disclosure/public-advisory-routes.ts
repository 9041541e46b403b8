/**
 * The public advisory pages, feeds and CSAF provider layout, reading what the advisory repository
 * keeps as the public record of each published (or withdrawn) advisory.
 */
import { findPublishedAdvisory, listPublishedAdvisories } from '../storage/repositories/advisory-repository.js'
import { publicationFeature } from './publication/routes.js'

export const publicAdvisoryRoutes = publicationFeature((deps) => ({
  list: (orgId) => listPublishedAdvisories(deps.db, orgId),
  find: (orgId, ownId) => findPublishedAdvisory(deps.db, orgId, ownId),
}))
