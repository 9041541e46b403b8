/** Front door of the team's workspace: the queue, the report page and its actions. */
export { workspaceRoutes } from './routes.js'
