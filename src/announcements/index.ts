/**
 * Front door of announcements (issue 12, item 4): disclosure day's messages to the policy's
 * channels — mail to a list, Slack-compatible webhooks, Matrix rooms, signed generic webhooks —
 * each once, through the outbox. `announcementHandlers` plug into the shared outbox loop.
 */
export { announcementHandlers } from './deliver-announcement.js'
export { announcementRoutes } from './routes.js'
