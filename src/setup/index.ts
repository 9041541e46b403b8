/** Front door of first-run setup. */
export { setupRoutes } from './routes.js'
export { issueSetupLink } from './setup-token.js'
