/** Front door of the API tokens feature: the members' tokens page and the team JSON API (with its OpenAPI document). */

export { openApiDocument } from './openapi.js'
export { apiTokenRoutes } from './routes.js'
export { recordTokenUse } from './use-cases/record-token-use.js'
