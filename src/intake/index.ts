/** Front door of intake: the report form, the JSON API, and receiving a report from any channel. */

export { acceptedChannelsText } from './channels-view.js'
export { intakeRoutes } from './routes.js'
export { type ReceivedReport, receiveReport } from './use-cases/receive-report.js'
