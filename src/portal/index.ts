/** Front door of the reporter's portal: the follow-up page, replies, escalation. */

export { followUpUrl, linkIssuedAfter } from './capability.js'
export { escalationRoutes } from './escalation-routes.js'
export { writeReporterReply } from './follow-up.js'
export { portalRoutes } from './routes.js'
