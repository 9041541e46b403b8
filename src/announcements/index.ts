/**
 * Front door of announcements (issue 12, item 4): disclosure day's messages to the policy's
 * channels — mail to a list, Slack-compatible webhooks, Matrix rooms, signed generic webhooks —
 * each once, through the outbox. `announcementHandlers` plug into the shared outbox loop.
 * Other features send a notice of their own through the same channels with `announceNotice`
 * (once per notice and channel) and show its deliveries with `noticeAnnouncements` and
 * `AnnouncementStatusTable`.
 */
export { announcementHandlers } from './deliver-announcement.js'
export { noticeAnnouncements } from './notice-announcements.js'
export { announcementRoutes } from './routes.js'
export { type AnnounceNoticeError, announceNotice, type NoticeToAnnounce } from './use-cases/announce-notice.js'
export { AnnouncementStatusTable } from './views/status-table.js'
