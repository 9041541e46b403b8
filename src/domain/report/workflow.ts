import { type EventData, newEvent } from '../events.js'
/**
 * The report workflow as a pure state machine:
 *
 *   new → acknowledged → triaged → accepted → fixing → fixed → disclosed → closed
 *   new | acknowledged | triaged → rejected(reason) | duplicate(of an earlier report)
 *   rejected | duplicate → triaged (reopened after a mistaken decision)
 *
 * Every function takes the report and the facts of the action (who, when) and returns the new
 * report with the events to record and the messages to send, or a typed error. Nothing here
 * reads a clock, a database or the network.
 */
import { fail, ok, type Result } from '../result.js'
import type { ReportError } from './errors.js'
import { type Actor, isOpen, type OutgoingMessage, type Report, type ReportStatus, type Transition } from './report.js'

/** Where each status may go next. A status change outside this table is refused. */
export const allowedTransitions: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  new: ['acknowledged', 'rejected', 'duplicate'],
  acknowledged: ['triaged', 'rejected', 'duplicate'],
  triaged: ['accepted', 'rejected', 'duplicate'],
  accepted: ['fixing'],
  rejected: ['triaged'],
  duplicate: ['triaged'],
  fixing: ['fixed'],
  fixed: ['disclosed'],
  disclosed: ['closed'],
  closed: [],
}

export interface StatusChange {
  to: ReportStatus
  actor: Actor
  at: string
  /** Required when rejecting: the reporter is owed an explanation. */
  reason?: string | undefined
  /** Required when marking a duplicate: the earlier report keeps the credit. */
  duplicateOf?: { id: string; ref: string } | undefined
}

const toReporter = (report: Report, kind: OutgoingMessage['kind']): OutgoingMessage[] =>
  report.reporterReachable ? [{ kind, reportId: report.id }] : []

/** A report claimed by someone else may only be moved by its holder (no double handling). */
function heldByOther(report: Report, actor: Actor): ReportError | undefined {
  if (actor.kind === 'user' && report.assigneeId !== null && report.assigneeId !== actor.id) {
    return { code: 'REPORT_ALREADY_CLAIMED', assigneeId: report.assigneeId }
  }
  return undefined
}

/** A new report as received, with its receipt event and, if the reporter can be reached, the acknowledgment of receipt. */
export function receive(
  report: Omit<Report, 'status' | 'statusReason' | 'duplicateOf' | 'assigneeId'>,
  channel: string,
  at: string,
): Transition {
  const received: Report = { ...report, status: 'new', statusReason: null, duplicateOf: null, assigneeId: null }
  return {
    report: received,
    events: [newEvent('report.received', { kind: 'reporter' }, at, report.id, { channel, ref: report.ref })],
    messages: toReporter(received, 'reporter.acknowledgment'),
  }
}

/** Moves a report to another status, if the workflow allows it from where it stands. */
export function changeStatus(report: Report, change: StatusChange): Result<Transition, ReportError> {
  const { to, actor, at } = change
  if (!allowedTransitions[report.status].includes(to)) {
    return fail({ code: 'REPORT_TRANSITION_NOT_ALLOWED', from: report.status, to })
  }
  if (actor.kind === 'reporter') return fail({ code: 'REPORT_NOT_FOR_REPORTER' })
  const held = heldByOther(report, actor)
  if (held) return fail(held)

  const reason = change.reason?.trim() ?? ''
  if (to === 'rejected' && reason === '') return fail({ code: 'REPORT_REASON_REQUIRED' })
  if (to === 'duplicate') {
    if (!change.duplicateOf) return fail({ code: 'REPORT_DUPLICATE_REFERENCE_REQUIRED' })
    if (change.duplicateOf.id === report.id) return fail({ code: 'REPORT_DUPLICATE_OF_ITSELF' })
  }

  const next: Report = {
    ...report,
    status: to,
    statusReason: to === 'rejected' ? reason : null,
    duplicateOf: to === 'duplicate' ? (change.duplicateOf?.id ?? null) : null,
  }
  const data: EventData['report.status_changed'] = { from: report.status, to }
  if (to === 'duplicate' && change.duplicateOf) data.duplicateOf = change.duplicateOf.ref
  return ok({
    report: next,
    events: [newEvent('report.status_changed', actor, at, report.id, data)],
    messages: toReporter(next, 'reporter.status-changed'),
  })
}

/** Takes a report for oneself. Claiming what someone else holds is refused and says who holds it. */
export function claim(report: Report, by: string, at: string): Result<Transition, ReportError> {
  if (!isOpen(report.status)) return fail({ code: 'REPORT_CLOSED', status: report.status })
  if (report.assigneeId === by) return ok({ report, events: [], messages: [] })
  if (report.assigneeId !== null) return fail({ code: 'REPORT_ALREADY_CLAIMED', assigneeId: report.assigneeId })
  return ok({
    report: { ...report, assigneeId: by },
    events: [newEvent('report.claimed', { kind: 'user', id: by }, at, report.id, { assignee: by })],
    messages: [],
  })
}

/**
 * Hands a report to a named responder (or to nobody). A deliberate handover, so it may replace a
 * holder, and it works on final reports too: a rejected report whose holder has left can still
 * be taken over and reopened.
 */
export function assign(report: Report, to: string | null, actor: Actor, at: string): Result<Transition, ReportError> {
  if (actor.kind === 'reporter') return fail({ code: 'REPORT_NOT_FOR_REPORTER' })
  if (report.assigneeId === to) return ok({ report, events: [], messages: [] })
  return ok({
    report: { ...report, assigneeId: to },
    events: [newEvent('report.assigned', actor, at, report.id, { from: report.assigneeId, to })],
    messages: [],
  })
}

/** Gives a claimed report back to the queue. Only its holder can. */
export function release(report: Report, by: string, at: string): Result<Transition, ReportError> {
  if (report.assigneeId !== by) return fail({ code: 'REPORT_NOT_CLAIMED_BY_YOU', assigneeId: report.assigneeId })
  return ok({
    report: { ...report, assigneeId: null },
    events: [newEvent('report.released', { kind: 'user', id: by }, at, report.id, { from: by })],
    messages: [],
  })
}

export interface Reply {
  actor: Actor
  at: string
  body: string
  /** `internal` notes stay inside the team; they never reach the reporter. */
  visibility: 'reporter' | 'internal'
}

/** A message on the report's thread: a responder's answer, an internal note, or the reporter's reply. */
export function reply(report: Report, r: Reply): Result<Transition, ReportError> {
  if (r.body.trim() === '') return fail({ code: 'REPORT_MESSAGE_EMPTY' })
  if (r.actor.kind === 'reporter') {
    return ok({ report, events: [newEvent('reporter.replied', r.actor, r.at, report.id, {})], messages: [] })
  }
  if (r.visibility === 'internal') {
    return ok({ report, events: [newEvent('note.added', r.actor, r.at, report.id, {})], messages: [] })
  }
  const held = heldByOther(report, r.actor)
  if (held) return fail(held)
  return ok({ report, events: [newEvent('reply.sent', r.actor, r.at, report.id, {})], messages: toReporter(report, 'reporter.reply') })
}
