/**
 * The advisory workflow as a pure state machine:
 *
 *   draft → in-review → ready → published → (updated: a new published revision) → withdrawn
 *                         └──→ scheduled ──┘ (published by the scheduler at the set time)
 *   in-review | ready | scheduled → draft (edited, or sent back by the reviewer: approval is void)
 *
 * The organization's policy (`advisories.review`) decides whether publishing needs a second team
 * member's approval: with `required`, only a `ready` (approved) advisory may be published or
 * scheduled, and nobody approves what they submitted themselves. With `optional` (the default),
 * a draft may be published directly and review is there for whoever wants it.
 *
 * Every function takes the advisory's state and the facts of the action (who, when) and returns
 * the new state with its events, or a typed error. Nothing here reads a clock or a database.
 */
import { type DomainEvent, type EventActor, newEvent } from '../events.js'
import { fail, ok, type Result } from '../result.js'
import type { AdvisoryState } from './advisory.js'

export type ReviewRule = 'required' | 'optional'

/** Where an advisory stands in the workflow (its content lives apart, in the record). */
export interface AdvisoryStatus {
  id: string
  state: AdvisoryState
  /** The published revision number: 1 for the first draft and first publication, +1 for each published update. */
  revision: number
  /** Who submitted it for review; cleared when it goes back to draft. */
  submittedBy: string | null
  approvedBy: string | null
  scheduledFor: string | null
  publishedAt: string | null
  withdrawnAt: string | null
}

export const advisoryActions = ['edit', 'submit', 'approve', 'return', 'schedule', 'unschedule', 'publish', 'withdraw'] as const
export type AdvisoryAction = (typeof advisoryActions)[number]

export type AdvisoryError =
  | { code: 'ADVISORY_ACTION_NOT_ALLOWED'; state: AdvisoryState; action: AdvisoryAction }
  /** The policy asks for a second member's approval first. */
  | { code: 'ADVISORY_REVIEW_REQUIRED' }
  | { code: 'ADVISORY_SELF_APPROVAL' }
  | { code: 'ADVISORY_REASON_REQUIRED' }
  | { code: 'ADVISORY_SCHEDULE_NOT_FUTURE' }

export interface AdvisoryChange {
  status: AdvisoryStatus
  events: DomainEvent[]
}

const user = (id: string): EventActor => ({ kind: 'user', id })
const notAllowed = (s: AdvisoryStatus, action: AdvisoryAction) =>
  fail({ code: 'ADVISORY_ACTION_NOT_ALLOWED' as const, state: s.state, action })

/** The states from which an advisory may be published (now or at a set time) under the review rule. */
export const publishableFrom = (review: ReviewRule): readonly AdvisoryState[] =>
  review === 'required' ? ['ready', 'scheduled'] : ['draft', 'in-review', 'ready', 'scheduled']

/** Which actions the advisory offers now, for the page's buttons (the functions below decide). */
export function availableActions(s: AdvisoryStatus, review: ReviewRule, viewerId: string): AdvisoryAction[] {
  const out: AdvisoryAction[] = []
  if (s.state !== 'withdrawn') out.push('edit')
  if (s.state === 'draft') out.push('submit')
  if (s.state === 'in-review') {
    if (review === 'optional' || s.submittedBy !== viewerId) out.push('approve')
    out.push('return')
  }
  if (publishableFrom(review).includes(s.state) && s.state !== 'scheduled') out.push('schedule')
  if (s.state === 'scheduled') out.push('unschedule')
  if (publishableFrom(review).includes(s.state)) out.push('publish')
  if (s.state === 'published') out.push('withdraw')
  return out
}

/**
 * A change of content. Before publication it makes (or keeps) a draft: whatever was reviewed,
 * approved or scheduled is void once the text changes. After publication it is a published
 * update: a new published revision. A withdrawn advisory is not edited.
 */
export function edit(s: AdvisoryStatus, by: string, at: string): Result<AdvisoryChange, AdvisoryError> {
  if (s.state === 'withdrawn') return notAllowed(s, 'edit')
  if (s.state === 'published') {
    const revision = s.revision + 1
    return ok({ status: { ...s, revision }, events: [newEvent('advisory.updated', user(by), at, null, { advisoryId: s.id, revision })] })
  }
  return ok({
    status: { ...s, state: 'draft', submittedBy: null, approvedBy: null, scheduledFor: null },
    events: [newEvent('advisory.edited', user(by), at, null, { advisoryId: s.id, from: s.state })],
  })
}

/** Asks the team to review a draft. */
export function submit(s: AdvisoryStatus, by: string, at: string): Result<AdvisoryChange, AdvisoryError> {
  if (s.state !== 'draft') return notAllowed(s, 'submit')
  return ok({
    status: { ...s, state: 'in-review', submittedBy: by, approvedBy: null },
    events: [newEvent('advisory.submitted', user(by), at, null, { advisoryId: s.id })],
  })
}

/** Approves an advisory in review; under `required` review, never by the member who submitted it. */
export function approve(s: AdvisoryStatus, review: ReviewRule, by: string, at: string): Result<AdvisoryChange, AdvisoryError> {
  if (s.state !== 'in-review') return notAllowed(s, 'approve')
  if (review === 'required' && s.submittedBy === by) return fail({ code: 'ADVISORY_SELF_APPROVAL' })
  return ok({
    status: { ...s, state: 'ready', approvedBy: by },
    events: [newEvent('advisory.approved', user(by), at, null, { advisoryId: s.id })],
  })
}

/** Sends an advisory in review back to draft (changes requested). */
export function sendBack(s: AdvisoryStatus, by: string, at: string): Result<AdvisoryChange, AdvisoryError> {
  if (s.state !== 'in-review') return notAllowed(s, 'return')
  return ok({
    status: { ...s, state: 'draft', submittedBy: null, approvedBy: null },
    events: [newEvent('advisory.returned', user(by), at, null, { advisoryId: s.id })],
  })
}

const mayPublish = (s: AdvisoryStatus, review: ReviewRule, action: AdvisoryAction): AdvisoryError | undefined => {
  if (s.state === 'published' || s.state === 'withdrawn') return { code: 'ADVISORY_ACTION_NOT_ALLOWED', state: s.state, action }
  if (!publishableFrom(review).includes(s.state)) return { code: 'ADVISORY_REVIEW_REQUIRED' }
  return undefined
}

/** Sets the moment the scheduler publishes the advisory; it must lie ahead. */
export function schedule(
  s: AdvisoryStatus,
  review: ReviewRule,
  when: string,
  by: string,
  at: string,
): Result<AdvisoryChange, AdvisoryError> {
  if (s.state === 'scheduled') return notAllowed(s, 'schedule')
  const refused = mayPublish(s, review, 'schedule')
  if (refused) return fail(refused)
  if (!(Date.parse(when) > Date.parse(at))) return fail({ code: 'ADVISORY_SCHEDULE_NOT_FUTURE' })
  return ok({
    status: { ...s, state: 'scheduled', scheduledFor: when },
    events: [newEvent('advisory.scheduled', user(by), at, null, { advisoryId: s.id, for: when })],
  })
}

/** Takes a scheduled advisory off the schedule: back to ready (its approval stands). */
export function unschedule(s: AdvisoryStatus, by: string, at: string): Result<AdvisoryChange, AdvisoryError> {
  if (s.state !== 'scheduled') return notAllowed(s, 'unschedule')
  return ok({
    status: { ...s, state: 'ready', scheduledFor: null },
    events: [newEvent('advisory.unscheduled', user(by), at, null, { advisoryId: s.id })],
  })
}

/**
 * Publishes now: by a member, or by the scheduler (actor `system`) when a scheduled advisory's
 * time has come. The linked reports' disclosure is the caller's (the report workflow decides it).
 */
export function publish(s: AdvisoryStatus, review: ReviewRule, actor: EventActor, at: string): Result<AdvisoryChange, AdvisoryError> {
  const refused = mayPublish(s, review, 'publish')
  if (refused) return fail(refused)
  return ok({
    status: { ...s, state: 'published', publishedAt: at, scheduledFor: null },
    events: [newEvent('advisory.published', actor, at, null, { advisoryId: s.id })],
  })
}

/** Withdraws a published advisory; the public is owed the reason. */
export function withdraw(s: AdvisoryStatus, reason: string, by: string, at: string): Result<AdvisoryChange, AdvisoryError> {
  if (s.state !== 'published') return notAllowed(s, 'withdraw')
  if (reason.trim() === '') return fail({ code: 'ADVISORY_REASON_REQUIRED' })
  return ok({
    status: { ...s, state: 'withdrawn', withdrawnAt: at },
    events: [newEvent('advisory.withdrawn', user(by), at, null, { advisoryId: s.id })],
  })
}

/** The review rule of a parsed policy's `advisories` section; optional when it says nothing. */
export const reviewRuleOf = (policy: { advisories?: { review?: ReviewRule } } | undefined): ReviewRule =>
  policy?.advisories?.review === 'required' ? 'required' : 'optional'

/** A scheduled publication that could not run (a linked report was not ready): back to ready, approval kept, the team told by the event. */
export function scheduleFailed(s: AdvisoryStatus, code: string, at: string): Result<AdvisoryChange, AdvisoryError> {
  if (s.state !== 'scheduled') return notAllowed(s, 'publish')
  return ok({
    status: { ...s, state: 'ready', scheduledFor: null },
    events: [newEvent('advisory.schedule_failed', { kind: 'system' }, at, null, { advisoryId: s.id, code })],
  })
}

/** A change that leaves the workflow where it is (a report linked, an identifier set), recorded by its event. */
export function note(s: AdvisoryStatus, events: DomainEvent[]): Result<AdvisoryChange, AdvisoryError> {
  if (s.state === 'withdrawn') return notAllowed(s, 'edit')
  return ok({ status: s, events })
}

/** The workflow state of a stored advisory. */
export const statusOf = (a: {
  id: string
  state: AdvisoryState
  revision: number
  submittedBy: string | null
  approvedBy: string | null
  scheduledFor: string | null
  publishedAt: string | null
  withdrawnAt: string | null
}): AdvisoryStatus => ({
  id: a.id,
  state: a.state,
  revision: a.revision,
  submittedBy: a.submittedBy,
  approvedBy: a.approvedBy,
  scheduledFor: a.scheduledFor,
  publishedAt: a.publishedAt,
  withdrawnAt: a.withdrawnAt,
})
