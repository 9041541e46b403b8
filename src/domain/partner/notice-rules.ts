/**
 * Which partners may be told of an advisory, and when (issue 12, items 2 and 3). Pure: the caller
 * passes the policy, the planned release, the partner and the moment of asking.
 *
 * A partner may be told no earlier than the shorter of two windows counted back from the planned
 * release: the policy's `disclosure.releaseWindows.partnerNotice` and the partner's own longest
 * embargo (a partner that accepts 7 days is not told 8 days before). Days count on the
 * organization's wall clock, hours as elapsed time (release-windows.ts). The boundary is
 * inclusive: exactly at the earliest moment, the notice may go.
 */
import { type Duration, parseDuration } from '../policy/durations.js'
import { before, countsBack, releaseWindows } from '../policy/release-windows.js'
import type { Policy } from '../policy/schema.js'
import { fail, ok, type Result } from '../result.js'
import type { Partner } from './partner.js'

/** What the advisory's reports are about: their labels and program slugs (for the partners' exclusions). */
export interface AdvisoryScope {
  labels: readonly string[]
  programs: readonly string[]
}

export type NoticeRefusal =
  /** The policy promises no early disclosure: nobody is told before the public. */
  | { code: 'EARLY_NOTICE_NOT_IN_POLICY' }
  | { code: 'RELEASE_NOT_PLANNED' }
  | { code: 'RELEASE_PASSED' }
  /** The partner does not want this: a label or program it excluded. */
  | { code: 'PARTNER_EXCLUDED'; label?: string; program?: string }
  /** Too early: the notice may go from `from` (epoch ms). */
  | { code: 'NOTICE_TOO_EARLY'; from: number }

/** The partner's own window: its longest accepted embargo, when it set one that counts back. */
const partnerWindow = (partner: Pick<Partner, 'maxEmbargo'>): Duration | undefined => {
  const d = partner.maxEmbargo ? parseDuration(partner.maxEmbargo) : undefined
  return d && countsBack(d) ? d : undefined
}

/**
 * The earliest moment (epoch ms) `partner` may be told of a release at `releaseAt`: the later of
 * the policy's and the partner's limits; undefined when neither sets one (any time before release).
 */
export function earliestNotice(policy: Policy, partner: Pick<Partner, 'maxEmbargo'>, releaseAt: number): number | undefined {
  const policyFrom = releaseWindows(policy, releaseAt).partnerNoticeFrom
  const own = partnerWindow(partner)
  const partnerFrom = own ? before(releaseAt, own, policy.calendar.timeZone) : undefined
  if (policyFrom === undefined) return partnerFrom
  if (partnerFrom === undefined) return policyFrom
  return Math.max(policyFrom, partnerFrom)
}

/** Whether `partner` excludes what the advisory is about; the first excluded label or program. */
export function exclusionOf(
  partner: Pick<Partner, 'excludedLabels' | 'excludedPrograms'>,
  scope: AdvisoryScope,
): { label?: string; program?: string } | undefined {
  const label = scope.labels.find((l) => partner.excludedLabels.some((x) => x.toLowerCase() === l.toLowerCase()))
  if (label !== undefined) return { label }
  const program = scope.programs.find((p) => partner.excludedPrograms.some((x) => x.toLowerCase() === p.toLowerCase()))
  if (program !== undefined) return { program }
  return undefined
}

/**
 * May `partner` be told now (`now`, epoch ms) of an advisory released at `releaseAt`? Refusals in
 * order: the policy has no early disclosure, no release planned, the release is past, the partner
 * excludes it, too early (with the moment it becomes possible).
 */
export function mayNotify(
  policy: Policy,
  partner: Pick<Partner, 'maxEmbargo' | 'excludedLabels' | 'excludedPrograms'>,
  scope: AdvisoryScope,
  releaseAt: number | undefined,
  now: number,
): Result<true, NoticeRefusal> {
  if (!policy.disclosure?.earlyDisclosure) return fail({ code: 'EARLY_NOTICE_NOT_IN_POLICY' })
  if (releaseAt === undefined) return fail({ code: 'RELEASE_NOT_PLANNED' })
  if (releaseAt <= now) return fail({ code: 'RELEASE_PASSED' })
  const excluded = exclusionOf(partner, scope)
  if (excluded) return fail({ code: 'PARTNER_EXCLUDED', ...excluded })
  const from = earliestNotice(policy, partner, releaseAt)
  if (from !== undefined && now < from) return fail({ code: 'NOTICE_TOO_EARLY', from })
  return ok(true)
}

/** When a scheduled notice goes after the release moved to `releaseAt`: the earliest moment it may (never before `now`). */
export function rescheduledNotice(policy: Policy, partner: Pick<Partner, 'maxEmbargo'>, releaseAt: number, now: number): number {
  return Math.max(now, earliestNotice(policy, partner, releaseAt) ?? now)
}

/** Reminders of an unacknowledged notice: every `reminderEveryMs`, at most `maxReminders`, never after the release. */
export const reminderEveryMs = 48 * 3_600_000
export const maxReminders = 3

/** Whether a sent, unacknowledged notice is due a reminder at `now`. */
export function reminderDue(
  n: { sentAt: number; remindedAt: number | undefined; reminders: number },
  releaseAt: number | undefined,
  now: number,
): boolean {
  if (n.reminders >= maxReminders) return false
  if (releaseAt !== undefined && now >= releaseAt) return false
  return now - (n.remindedAt ?? n.sentAt) >= reminderEveryMs
}

/** When the next reminder of a notice falls due (epoch ms), or undefined when no more are. */
export function nextReminderAt(
  n: { sentAt: number; remindedAt: number | undefined; reminders: number },
  releaseAt: number | undefined,
): number | undefined {
  if (n.reminders >= maxReminders) return undefined
  const at = (n.remindedAt ?? n.sentAt) + reminderEveryMs
  return releaseAt !== undefined && at >= releaseAt ? undefined : at
}
