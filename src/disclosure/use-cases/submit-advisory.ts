import type { Deps } from '../../deps.js'
import { type AdvisoryError, statusOf, submit } from '../../domain/advisory/workflow.js'
import { ok, type Result } from '../../domain/result.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'

/** Asks the team to review a draft (the policy may require a second member's approval before publishing). */
export async function submitAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, AdvisoryError | { code: 'NOT_FOUND' }>> {
  const at = deps.now().toISOString()
  return changeAdvisory<AdvisoryError>(deps, org, ownId, viewer, (a) => {
    const change = submit(statusOf(a), viewer.userId, at)
    if (!change.ok) return change
    return ok({ outcome: { change: change.value, action: 'submitted', actor: { kind: 'user', id: viewer.userId } as const } })
  })
}
