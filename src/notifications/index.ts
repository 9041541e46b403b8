/** Front door of the notifications: the member's inbox, the unread count in the navigation, the notification job and its daily mail digest. */
export { type NotificationRun, runNotifications, startNotificationJob } from './make-notifications.js'
export { notificationRoutes } from './routes.js'
export { unreadCount } from './unread-count.js'
