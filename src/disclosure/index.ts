/** Front door of disclosure: the public advisory pages, feeds and CSAF provider layout. */
export type { PublishedAdvisorySource } from './publication/advisory-source.js'
export { publicationFeature, publicationRoutes } from './publication/routes.js'
