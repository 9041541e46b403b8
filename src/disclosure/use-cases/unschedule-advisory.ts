import type { Deps } from '../../deps.js'
import { type AdvisoryError, statusOf, unschedule } from '../../domain/advisory/workflow.js'
import { ok, type Result } from '../../domain/result.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'

/** Takes a scheduled advisory off the schedule; it stays approved (ready). */
export async function unscheduleAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, AdvisoryError | { code: 'NOT_FOUND' }>> {
  const at = deps.now().toISOString()
  return changeAdvisory<AdvisoryError>(deps, org, ownId, viewer, (a) => {
    const change = unschedule(statusOf(a), viewer.userId, at)
    if (!change.ok) return change
    return ok({ outcome: { change: change.value, action: 'unscheduled', actor: { kind: 'user', id: viewer.userId } as const } })
  })
}
