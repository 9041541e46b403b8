/** Front door of the policy editor: the admin page and the CLI's policy commands. */
export { checkPolicyFile, importPolicyFile, startPolicyFromPreset } from './policy-cli.js'
export { policyAdminRoutes } from './routes.js'
