/**
 * What the report's timeline means for its clocks. These are the rules (docs/policy.md, "Clock rules"):
 *
 * - acknowledge is met by the first `report.status_changed` away from `new` (other than to a final
 *   status), or the first `reply.sent`.
 * - detailed-response is met by the first `reply.sent` with `data.detailed === true` that also
 *   carries every content flag the policy's `responses.detailed` lists (`data['next-steps'] === true`…).
 * - reporter-update starts when the report is acknowledged and restarts at every `reply.sent`.
 * - resolution is met by a status change to fixed, disclosed or closed.
 * - disclosure is met by a status change to disclosed or closed, or by `advisory.published`.
 * - escalation-allowed is met by the first `reply.sent` (the reporter got an answer in time).
 * - A status change to rejected, duplicate or closed stops every clock still open: nothing more is
 *   owed. A stopped clock is not met: it says what stopped it ("stopped: rejected").
 * - A status change to disclosed (or `advisory.published`) stops reporter-update too: a disclosed
 *   report owes the reporter no more progress updates.
 * - `report.waiting_on_reporter` pauses detailed-response, reporter-update and resolution;
 *   `reporter.replied` resumes them. The others never pause: they are promises about the team's
 *   first answer or about the reporter's own right to disclose or escalate.
 *
 * Events later than `now` are ignored, so recomputing a past moment gives the past answer.
 */

export interface ClockEvent {
  type: string
  /** ISO-8601 instant. */
  at: string
  data?: Readonly<Record<string, string | number | boolean | null>> | undefined
}

export interface TimedEvent extends ClockEvent {
  ms: number
}

export interface Pause {
  from: number
  /** When the reporter replied; `undefined` while still waiting. */
  to: number | undefined
}

const endingStatuses = new Set(['rejected', 'duplicate', 'closed'])
const resolvedStatuses = new Set(['fixed', 'disclosed', 'closed'])
const disclosedStatuses = new Set(['disclosed', 'closed'])

/** Events up to `now`, oldest first, with their instants parsed once. */
export function timeline(events: readonly ClockEvent[], now: number): TimedEvent[] {
  return events
    .map((event) => ({ ...event, ms: Date.parse(event.at) }))
    .filter((event) => !Number.isNaN(event.ms) && event.ms <= now)
    .sort((a, b) => a.ms - b.ms)
}

const statusTo = (event: TimedEvent): string | undefined =>
  event.type === 'report.status_changed' && typeof event.data?.to === 'string' ? event.data.to : undefined

const firstAt = (events: readonly TimedEvent[], test: (event: TimedEvent) => boolean): number | undefined => events.find(test)?.ms

/** What stopped the clocks: the first final status the report reached, and when. */
export function endedBy(events: readonly TimedEvent[]): { at: number; status: string } | undefined {
  const e = events.find((x) => endingStatuses.has(statusTo(x) ?? ''))
  return e ? { at: e.ms, status: statusTo(e) ?? '' } : undefined
}

/** When the report was disclosed (status disclosed or an advisory published), as what stops reporter updates. */
export function disclosedBy(events: readonly TimedEvent[]): { at: number; status: string } | undefined {
  const e = events.find((x) => x.type === 'advisory.published' || statusTo(x) === 'disclosed')
  return e ? { at: e.ms, status: 'disclosed' } : undefined
}

/** A reply, or a status change that moves the report on (a rejection or duplicate stops the clock instead). */
export const acknowledgedAt = (events: readonly TimedEvent[]): number | undefined =>
  firstAt(
    events,
    (e) => e.type === 'reply.sent' || (statusTo(e) !== undefined && statusTo(e) !== 'new' && !endingStatuses.has(statusTo(e) ?? '')),
  )

export const detailedResponseAt = (events: readonly TimedEvent[], requiredContent: readonly string[]): number | undefined =>
  firstAt(events, (e) => e.type === 'reply.sent' && e.data?.detailed === true && requiredContent.every((flag) => e.data?.[flag] === true))

export const firstReplyAt = (events: readonly TimedEvent[]): number | undefined => firstAt(events, (e) => e.type === 'reply.sent')

export const replyTimes = (events: readonly TimedEvent[]): number[] => events.filter((e) => e.type === 'reply.sent').map((e) => e.ms)

export const resolvedAt = (events: readonly TimedEvent[]): number | undefined =>
  firstAt(events, (e) => resolvedStatuses.has(statusTo(e) ?? ''))

export const disclosedAt = (events: readonly TimedEvent[]): number | undefined =>
  firstAt(events, (e) => e.type === 'advisory.published' || disclosedStatuses.has(statusTo(e) ?? ''))

/** The waiting-on-reporter intervals, in order; a second "waiting" while already waiting changes nothing. */
export function pauses(events: readonly TimedEvent[]): Pause[] {
  const found: Pause[] = []
  let open: Pause | undefined
  for (const event of events) {
    if (event.type === 'report.waiting_on_reporter' && !open) {
      open = { from: event.ms, to: undefined }
      found.push(open)
    } else if (event.type === 'reporter.replied' && open) {
      open.to = event.ms
      open = undefined
    }
  }
  return found
}
