/** Front door of the mail channel: inbound SMTP/IMAP, outbound delivery, the organization's keys. */
export { startInbound } from './inbound-service.js'
export { orgKeyring } from './org-keyrings.js'
export { generateOrgMailKey, setSecurityAddress } from './org-mail-settings.js'
export { createOutboxWorker } from './outbox-worker.js'
export { mailRoutes } from './routes.js'
