/**
 * The disclosure windows a policy counts back from a planned release (`disclosure.releaseWindows`):
 * partners are told no earlier than `partnerNotice` before the release, and the fix is merged
 * publicly no earlier than `publicMerge` before it. Pure: the caller passes the planned release.
 *
 * Days are counted on the organization's wall clock (`calendar.timeZone`), so "7 days" before
 * 10:00 on 31 March is 10:00 on 24 March even across a DST change; hours are elapsed time.
 * Business days are refused when the policy is read (semantic-checks.ts): nobody plans a release
 * backwards through holidays, and a window must mean the same to every partner.
 */
import { addDays } from '../calendar/civil-date.js'
import { instantAt, wallTimeAt } from '../calendar/zoned-time.js'
import { type Duration, parseDuration } from './durations.js'
import { isCalendarDate } from './policy-formats.js'
import type { Policy } from './schema.js'

export interface ReleaseWindows {
  /** The earliest instant (epoch ms) partners may be told; absent when the policy sets no window. */
  partnerNoticeFrom?: number
  /** The earliest instant (epoch ms) the fix may be merged publicly; absent when the policy sets no window. */
  publicMergeFrom?: number
}

/** Whether a release window may be written this way: calendar days (weeks) or hours. */
export const countsBack = (duration: Duration): boolean => duration.unit !== 'business-days'

/** `releaseAt` moved back by `duration`, on the wall clock of `timeZone` for days. */
export function before(releaseAt: number, duration: Duration, timeZone: string): number {
  if (duration.unit === 'hours') return releaseAt - duration.amount * 3_600_000
  const wall = wallTimeAt(releaseAt, timeZone)
  return instantAt({ ...wall, ...addDays(wall, -duration.amount) }, timeZone)
}

/**
 * The earliest partner-notice and public-merge times for a release planned at `releaseAt`
 * (epoch ms), in the organization's time zone. A window the policy does not set, or cannot be
 * counted back, is absent.
 */
export function releaseWindows(policy: Policy, releaseAt: number): ReleaseWindows {
  const windows = policy.disclosure?.releaseWindows
  const timeZone = policy.calendar.timeZone
  const at = (text: string | undefined): number | undefined => {
    const duration = text === undefined ? undefined : parseDuration(text)
    return duration && countsBack(duration) ? before(releaseAt, duration, timeZone) : undefined
  }
  const partnerNoticeFrom = at(windows?.partnerNotice)
  const publicMergeFrom = at(windows?.publicMerge)
  return {
    ...(partnerNoticeFrom !== undefined ? { partnerNoticeFrom } : {}),
    ...(publicMergeFrom !== undefined ? { publicMergeFrom } : {}),
  }
}

/** A planned release as written by a person: "2026-12-15" (00:00) or "2026-12-15T10:00" in `timeZone`. */
export function plannedReleaseAt(text: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  // A day the month does not have (30 February, 31 April) is refused, not rolled into the next month.
  if (!isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`) || hour > 23 || minute > 59) return undefined
  return instantAt({ year, month, day, hour, minute, second: 0, millisecond: 0 }, timeZone)
}
