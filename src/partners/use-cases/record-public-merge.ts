import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import { type MergeRefusal, mayRecordMerge } from '../../domain/partner/public-merge.js'
import { plannedReleaseAt } from '../../domain/policy/release-windows.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { setAdvisoryMerged } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { advisoryOf } from '../advisory-of.js'

export type RecordMergeError = { code: 'NOT_FOUND' } | { code: 'MERGE_INVALID' } | MergeRefusal

/**
 * The team records that the advisory's fix was merged publicly, at `text` on the organization's
 * wall clock ("2026-12-13T10:00"; empty: now). Refused before the policy's public-merge window
 * opens (`disclosure.releaseWindows.publicMerge` counted back from the planned release), with the
 * moment it opens; recorded once, with `advisory.merged_publicly` on the advisory's timeline.
 */
export async function recordPublicMerge(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  text: string,
  viewer: Reader,
): Promise<Result<{ at: string }, RecordMergeError>> {
  const found = await advisoryOf(deps, org, ownId, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  const { advisory, policy, zone } = found
  const now = deps.now().getTime()
  const written = text.trim()
  const at = written === '' ? now : plannedReleaseAt(written, zone ?? 'UTC')
  if (at === undefined || Number.isNaN(at) || at > now) return fail({ code: 'MERGE_INVALID' })
  const releaseAt = advisory.releaseAt ? Date.parse(advisory.releaseAt) : undefined
  const mergedAt = advisory.mergedAt ? Date.parse(advisory.mergedAt) : undefined
  const may = mayRecordMerge(policy, releaseAt, mergedAt, at)
  if (!may.ok) return may
  const iso = new Date(at).toISOString()
  return runUnit(deps, org, async (u) => {
    // Conditional: two clicks (or two members) record it once.
    if (!(await setAdvisoryMerged(u.tx, org.id, advisory.id, iso))) return fail({ code: 'MERGE_ALREADY_RECORDED' as const })
    u.record(
      newEvent('advisory.merged_publicly', { kind: 'user', id: viewer.userId }, u.at, null, {
        advisoryId: advisory.id,
        at: iso,
        releaseAt: advisory.releaseAt as string,
      }),
    )
    return ok({ at: iso })
  })
}
