/** Front door of disclosure: the public advisory pages, feeds and CSAF provider layout. */

export {
  type CveServicesClient,
  type CveServicesCredentials,
  type CveServicesError,
  cveServicesClient,
  cveServicesUrls,
} from './cve-services/client.js'
export type { PublishedAdvisorySource } from './publication/advisory-source.js'
export { publicationFeature, publicationRoutes } from './publication/routes.js'
