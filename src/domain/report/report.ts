import type { DomainEvent, EventActor } from '../events.js'

/**
 * The report as the rules see it: no storage ids beyond what the rules need, no text.
 * Times are ISO-8601 UTC strings, passed in by the caller (the domain never reads a clock).
 */
export { finalStatuses, isOpen, type ReportStatus, reportStatuses } from './status.js'

import type { ReportStatus } from './status.js'

export interface Report {
  id: string
  ref: string
  status: ReportStatus
  statusReason: string | null
  duplicateOf: string | null
  assigneeId: string | null
  /** Reporter's e-mail is known: messages to the reporter can be sent, not only shown. */
  reporterReachable: boolean
}

/** Who acts. Responders act through their user id; reporters through their capability. */
export type Actor = EventActor

/** What a transition records: events of the one catalogue (../events.ts), each naming the report. */
export type ReportEvent = DomainEvent

/** A message the outbox will deliver after the transaction commits. */
export interface OutgoingMessage {
  kind: 'reporter.acknowledgment' | 'reporter.reply' | 'reporter.status-changed'
  reportId: string
}

export interface Transition {
  report: Report
  events: ReportEvent[]
  messages: OutgoingMessage[]
}
