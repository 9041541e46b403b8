/** Front door of the mail channel: inbound SMTP/IMAP, outbound delivery, the organization's keys. */
export { startInbound } from './inbound-service.js'
export { orgKeyring } from './org-keyrings.js'
export { createOutboxWorker } from './outbox-worker.js'
export { mailRoutes } from './routes.js'
export { type SmtpOutcome, smtpOutcomes } from './smtp-listener.js'
export { generateOrgMailKey } from './use-cases/generate-org-mail-key.js'
export { setSecurityAddress } from './use-cases/set-security-address.js'
