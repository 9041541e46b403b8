/** Front door of the reporter's portal: the follow-up page, replies, escalation. */

export { followUpUrl, linkIssuedAfter } from './capability.js'
export { escalationRoutes } from './escalation-routes.js'
export { portalRoutes } from './routes.js'
export { writeReporterReply } from './write-reporter-reply.js'
