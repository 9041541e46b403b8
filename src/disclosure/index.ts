/** Front door of the advisories: the team's pages, the publication scheduler, and the published advisories for the public pages and exports. */

export { findPublishedAdvisory, listPublishedAdvisories } from '../storage/repositories/advisory-repository.js'
export { runScheduledPublications, startPublicationScheduler } from './publication-scheduler.js'
export { disclosureRoutes } from './routes.js'
