/** Front door of the team's workspace: the queue, the report page and its actions. */

export { eventText } from './event-text.js'
export { loadReportForTeam, type TeamReportView } from './load-report.js'
export { channelChoices, dueChoices, parseQueueQuery, severityChoices, toFilter } from './queue-query.js'
export { workspaceRoutes } from './routes.js'
export { changeReportStatus, type StatusChangeError } from './use-cases/change-report-status.js'
export { listQueueFor } from './use-cases/list-queue.js'
export { type PostMessageError, postMessage } from './use-cases/post-message.js'
export { type ReadChannel, recordReportRead } from './use-cases/record-report-read.js'
