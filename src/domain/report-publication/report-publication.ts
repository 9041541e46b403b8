/**
 * The public version of a report (issue 12, item 5): when the policy says so
 * (`disclosure.publishAllReports`) or the team decides, a report whose outcome is known —
 * accepted, rejected or duplicate — gets a public page. The public text is a separate copy the
 * team writes (never the original), reviewed, shown to the reporter first, who may object within
 * the policy's time (`disclosure.reporterObjection`); only then, and not before the fix is out
 * (every advisory the report waits for is published), is it published.
 *
 *   draft → shown (approved: by a second member when review is required, else by the preparer
 *   confirming the preview; the reporter sees it from then on) → published | objected
 *   draft | shown | objected → withdrawn;  any state but published → draft (edited again)
 *
 * Pure: time is passed in, the objection deadline is counted by the caller's calendar.
 */
import { type Duration, defaultReporterObjection, parseDuration } from '../policy/durations.js'
import type { ReportStatus } from '../report/status.js'
import { fail, ok, type Result } from '../result.js'

export const publicVersionStates = ['draft', 'shown', 'published', 'objected', 'withdrawn'] as const
export type PublicVersionState = (typeof publicVersionStates)[number]

export const publicOutcomes = ['accepted', 'rejected', 'duplicate'] as const
export type PublicOutcome = (typeof publicOutcomes)[number]

/** Longest public title, body and reason (code points); the form's bounds. */
export const publicVersionLimits = { title: 200, body: 20_000, reason: 2_000, objection: 2_000 } as const

/** The redacted copy the team writes: nothing here comes from the original report. */
export interface PublicText {
  title: string
  body: string
  /** Why the report ended as it did, in words fit for the public. */
  reason: string
}

export interface PublicVersion extends PublicText {
  state: PublicVersionState
  outcome: PublicOutcome
  preparedBy: string
  approvedBy: string | null
  shownAt: string | null
  /** Until when the reporter may object (ISO instant), set when shown. */
  objectionEndsAt: string | null
  objection: string | null
  publishedAt: string | null
}

export type PublicVersionError =
  | { code: 'PUBLIC_VERSION_NOT_DECIDED' }
  | { code: 'PUBLIC_VERSION_INCOMPLETE'; field: keyof PublicText }
  | { code: 'PUBLIC_VERSION_TOO_LONG'; field: keyof PublicText | 'objection' }
  | { code: 'PUBLIC_VERSION_NOT_ALLOWED'; state: PublicVersionState | 'none' }
  | { code: 'PUBLIC_VERSION_SELF_REVIEW' }
  | { code: 'PUBLIC_VERSION_PREVIEW_UNCONFIRMED' }
  | { code: 'PUBLIC_VERSION_OBJECTION_CLOSED' }
  | { code: 'PUBLIC_VERSION_REASON_REQUIRED' }

/** The outcome a report's status stands for; undefined while it is not decided yet. */
export function outcomeOf(status: ReportStatus): PublicOutcome | undefined {
  if (status === 'rejected' || status === 'duplicate') return status
  if (['accepted', 'fixing', 'fixed', 'disclosed', 'closed'].includes(status)) return 'accepted'
  return undefined
}

/** Whether the report's page should prompt the team to prepare the public version. */
export const promptsPublicVersion = (publishAllReports: boolean, status: ReportStatus, existing: PublicVersion | undefined): boolean =>
  publishAllReports && outcomeOf(status) !== undefined && existing === undefined

const codePoints = (text: string) => [...text].length

function checkText(text: PublicText): Result<PublicText, PublicVersionError> {
  const trimmed = { title: text.title.trim(), body: text.body.trim(), reason: text.reason.trim() }
  for (const field of ['title', 'body', 'reason'] as const) {
    if (trimmed[field] === '') return fail({ code: 'PUBLIC_VERSION_INCOMPLETE', field })
    if (codePoints(trimmed[field]) > publicVersionLimits[field]) return fail({ code: 'PUBLIC_VERSION_TOO_LONG', field })
  }
  if (/[\r\n]/.test(trimmed.title)) return fail({ code: 'PUBLIC_VERSION_INCOMPLETE', field: 'title' })
  return ok(trimmed)
}

/** The team writes (or rewrites) the public text: a new draft, any earlier approval void. */
export function prepare(
  existing: PublicVersion | undefined,
  status: ReportStatus,
  text: PublicText,
  by: string,
): Result<PublicVersion, PublicVersionError> {
  const outcome = outcomeOf(status)
  if (!outcome) return fail({ code: 'PUBLIC_VERSION_NOT_DECIDED' })
  if (existing?.state === 'published') return fail({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'published' })
  const checked = checkText(text)
  if (!checked.ok) return checked
  return ok({
    ...checked.value,
    state: 'draft',
    outcome,
    preparedBy: by,
    approvedBy: null,
    shownAt: null,
    objectionEndsAt: null,
    objection: null,
    publishedAt: null,
  })
}

/**
 * Approval, which shows the text to the reporter at once and starts the objection period. With
 * review required, a member other than the preparer approves; otherwise the preparer may, having
 * confirmed the preview.
 */
export function approve(
  v: PublicVersion,
  by: string,
  o: { reviewRequired: boolean; previewConfirmed: boolean; at: string; objectionEndsAt: (shownAt: string) => string },
): Result<PublicVersion, PublicVersionError> {
  if (v.state !== 'draft') return fail({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: v.state })
  if (by === v.preparedBy) {
    if (o.reviewRequired) return fail({ code: 'PUBLIC_VERSION_SELF_REVIEW' })
    if (!o.previewConfirmed) return fail({ code: 'PUBLIC_VERSION_PREVIEW_UNCONFIRMED' })
  }
  return ok({ ...v, state: 'shown', approvedBy: by, shownAt: o.at, objectionEndsAt: o.objectionEndsAt(o.at) })
}

/** The reporter objects, with a reason, while the objection period runs: the text is not published. */
export function object(v: PublicVersion | undefined, reason: string, at: string): Result<PublicVersion, PublicVersionError> {
  if (v?.state !== 'shown') return fail({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: v?.state ?? 'none' })
  if (v.objectionEndsAt !== null && at >= v.objectionEndsAt) return fail({ code: 'PUBLIC_VERSION_OBJECTION_CLOSED' })
  const text = reason.trim()
  if (text === '') return fail({ code: 'PUBLIC_VERSION_REASON_REQUIRED' })
  if (codePoints(text) > publicVersionLimits.objection) return fail({ code: 'PUBLIC_VERSION_TOO_LONG', field: 'objection' })
  return ok({ ...v, state: 'objected', objection: text })
}

/** The team takes the public version back before it is published. */
export function withdraw(v: PublicVersion | undefined): Result<PublicVersion, PublicVersionError> {
  if (!v || v.state === 'published' || v.state === 'withdrawn')
    return fail({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: v?.state ?? 'none' })
  return ok({ ...v, state: 'withdrawn' })
}

/** What the publication waits for, besides the objection period: the advisories that carry the fix. */
export interface FixFacts {
  /** States of the advisories the report waits for (linked to it, or named when preparing). */
  advisories: ReadonlyArray<{ ownId: string; state: string }>
  /** The report's status now: a report reopened (or decided otherwise) since is not published with the old outcome. */
  status: ReportStatus
}

export type Waiting = 'objection-period' | 'fix' | 'outcome-changed' | 'not-shown'

/** Why a shown public version is not published yet at `at`; undefined when it is due. */
export function waitingFor(v: PublicVersion, fix: FixFacts, at: string): Waiting | undefined {
  if (v.state !== 'shown' || v.objectionEndsAt === null) return 'not-shown'
  if (outcomeOf(fix.status) !== v.outcome) return 'outcome-changed'
  if (at < v.objectionEndsAt) return 'objection-period'
  if (fix.advisories.some((a) => a.state !== 'published')) return 'fix'
  return undefined
}

/** Publication at `at`, once due: the public text becomes public. */
export function publish(v: PublicVersion, fix: FixFacts, at: string): Result<PublicVersion, PublicVersionError> {
  if (waitingFor(v, fix, at) !== undefined) return fail({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: v.state })
  return ok({ ...v, state: 'published', publishedAt: at })
}

/** The policy's objection period (`disclosure.reporterObjection`), or the default when it names none. */
export function objectionPeriod(text: string | undefined): Duration {
  return parseDuration(text ?? defaultReporterObjection) ?? { amount: 14, unit: 'calendar-days' }
}

/** What the public page shows of a published version: nothing else leaves the server. */
export interface PublishedReport {
  ref: string
  title: string
  body: string
  outcome: PublicOutcome
  reason: string
  publishedAt: string
}
