/** Front door of disclosure: the team's advisory pages, the publication scheduler, the published advisories, and the public pages, feeds and CSAF provider layout. */

export { findPublishedAdvisory, listPublishedAdvisories } from '../storage/repositories/advisory-repository.js'
export { mayReadAdvisory } from './advisory-access.js'
export { runCveRecordPushes } from './cve-record-pusher.js'
export {
  type CveServicesClient,
  type CveServicesCredentials,
  type CveServicesError,
  cveServicesClient,
  cveServicesUrls,
} from './cve-services/client.js'
export { publicAdvisoryRoutes } from './public-advisory-routes.js'
export type { PublishedAdvisorySource } from './publication/advisory-source.js'
export { publicationFeature, publicationRoutes } from './publication/routes.js'
export { runScheduledPublications, startPublicationScheduler } from './publication-scheduler.js'
export { disclosureRoutes } from './routes.js'
export { AdvisoryText } from './views/advisory-text.js'
