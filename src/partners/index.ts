/** Front door of partners: the partner list, the advisory's coordination (planned release, early notice), the partner's capability page, and the job that sends scheduled notices and reminders. */
export { type PartnerNoticeRun, runPartnerNotices, startPartnerNoticeJob } from './notice-job.js'
export { partnerRoutes } from './routes.js'
