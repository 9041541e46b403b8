/** Front door of intake: the report form, the JSON API, and receiving a report from any channel. */
export { intakeRoutes } from './routes.js'
export { receiveReport, submitReport } from './submit-report.js'
