/** Front door of the background jobs: the timed job loop (clock sweep, scheduled publication) and the outbox's delivery loop (mail, announcements). */
export { type BackoffPolicy, defaultBackoff, nextAttemptAt } from './backoff.js'
export { type JobLoop, startJobLoop } from './job-loop.js'
export { createOutboxLoop, DeliveryFailed, type OutboxHandler, type OutboxLoop } from './outbox-loop.js'
export { type DueRow, type DueSweep, sweepDue } from './sweep-due.js'
