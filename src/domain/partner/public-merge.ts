/**
 * The public merge as a step of an advisory's coordination (issue 12: "merge publicly at most 48 h
 * before release" is due in its window). Pure: the caller passes the policy, the planned release,
 * when the merge was recorded and the moment of asking.
 *
 * The window opens `disclosure.releaseWindows.publicMerge` before the planned release (inclusive:
 * exactly at that moment the merge may be recorded) and the step is due by the release. Without a
 * window in the policy the merge may be recorded any time; without a planned release there is no
 * step to be due.
 */
import { releaseWindows } from '../policy/release-windows.js'
import type { Policy } from '../policy/schema.js'
import { fail, ok, type Result } from '../result.js'

export type MergeRefusal =
  | { code: 'RELEASE_NOT_PLANNED' }
  /** Too early: the fix may be merged publicly from `from` (epoch ms). */
  | { code: 'MERGE_TOO_EARLY'; from: number }
  | { code: 'MERGE_ALREADY_RECORDED' }

/** Where the step stands: waiting for its window, open (may be merged now), done, or overdue (the release passed without it). */
export type MergeStepState = 'waiting' | 'open' | 'done' | 'overdue'

export interface MergeStep {
  state: MergeStepState
  /** When the window opens (epoch ms); absent when the policy sets no window. */
  from?: number
  /** The step is due by the planned release (epoch ms). */
  due: number
  /** When the merge was recorded (epoch ms). */
  mergedAt?: number
}

/** Whether the team may record the fix merged publicly at `at` (epoch ms) for a release planned at `releaseAt`. */
export function mayRecordMerge(
  policy: Policy | undefined,
  releaseAt: number | undefined,
  mergedAt: number | undefined,
  at: number,
): Result<{ from?: number }, MergeRefusal> {
  if (mergedAt !== undefined) return fail({ code: 'MERGE_ALREADY_RECORDED' })
  if (releaseAt === undefined) return fail({ code: 'RELEASE_NOT_PLANNED' })
  const from = policy ? releaseWindows(policy, releaseAt).publicMergeFrom : undefined
  if (from !== undefined && at < from) return fail({ code: 'MERGE_TOO_EARLY', from })
  return ok(from === undefined ? {} : { from })
}

/** The step of a release planned at `releaseAt` at `now`; undefined when no release is planned. */
export function mergeStep(
  policy: Policy | undefined,
  releaseAt: number | undefined,
  mergedAt: number | undefined,
  now: number,
): MergeStep | undefined {
  if (releaseAt === undefined) return undefined
  const from = policy ? releaseWindows(policy, releaseAt).publicMergeFrom : undefined
  const state: MergeStepState =
    mergedAt !== undefined ? 'done' : now >= releaseAt ? 'overdue' : from !== undefined && now < from ? 'waiting' : 'open'
  return { state, due: releaseAt, ...(from !== undefined ? { from } : {}), ...(mergedAt !== undefined ? { mergedAt } : {}) }
}

/**
 * Whether the team is to be told now that the window opened: the policy sets a window, it has
 * opened, the release is still ahead and nothing was recorded. The caller keeps "once per planned
 * release".
 */
export function mergeWindowOpened(
  policy: Policy | undefined,
  releaseAt: number,
  mergedAt: number | undefined,
  now: number,
): number | undefined {
  if (mergedAt !== undefined || now >= releaseAt) return undefined
  const from = policy ? releaseWindows(policy, releaseAt).publicMergeFrom : undefined
  return from !== undefined && now >= from ? from : undefined
}
