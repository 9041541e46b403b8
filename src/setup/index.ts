/** Front door of first-run setup. */
export { setupRoutes } from './routes.js'
export { issueSetupLink } from './use-cases/issue-setup-link.js'
