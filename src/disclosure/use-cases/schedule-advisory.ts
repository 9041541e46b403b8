import type { Deps } from '../../deps.js'
import { type AdvisoryError, schedule, statusOf } from '../../domain/advisory/workflow.js'
import { ok, type Result } from '../../domain/result.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'

/** Sets the moment (ISO-8601 UTC, in the future) the publication scheduler publishes the advisory. */
export async function scheduleAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  when: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, AdvisoryError | { code: 'NOT_FOUND' }>> {
  const at = deps.now().toISOString()
  return changeAdvisory<AdvisoryError>(deps, org, ownId, viewer, (a, rules) => {
    const change = schedule(statusOf(a), rules.review, when, viewer.userId, at)
    if (!change.ok) return change
    return ok({ outcome: { change: change.value, action: 'scheduled', actor: { kind: 'user', id: viewer.userId } as const } })
  })
}
