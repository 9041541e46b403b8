/** Front door of the public policy: security.txt, SECURITY.md, the policy page. */
export { policyRoutes } from './routes.js'
