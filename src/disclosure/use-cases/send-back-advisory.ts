import type { Deps } from '../../deps.js'
import { type AdvisoryError, sendBack, statusOf } from '../../domain/advisory/workflow.js'
import { ok, type Result } from '../../domain/result.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'

/** Sends an advisory in review back to draft (changes requested). */
export async function sendBackAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, AdvisoryError | { code: 'NOT_FOUND' }>> {
  const at = deps.now().toISOString()
  return changeAdvisory<AdvisoryError>(deps, org, ownId, viewer, (a) => {
    const change = sendBack(statusOf(a), viewer.userId, at)
    if (!change.ok) return change
    return ok({ outcome: { change: change.value, action: 'returned', actor: { kind: 'user', id: viewer.userId } as const } })
  })
}
