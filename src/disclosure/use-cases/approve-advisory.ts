import type { Deps } from '../../deps.js'
import { type AdvisoryError, approve, statusOf } from '../../domain/advisory/workflow.js'
import { ok, type Result } from '../../domain/result.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'

/** Approves an advisory in review; under required review, never by the member who submitted it. */
export async function approveAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, AdvisoryError | { code: 'NOT_FOUND' }>> {
  const at = deps.now().toISOString()
  return changeAdvisory<AdvisoryError>(deps, org, ownId, viewer, (a, rules) => {
    const change = approve(statusOf(a), rules.review, viewer.userId, at)
    if (!change.ok) return change
    return ok({ outcome: { change: change.value, action: 'approved', actor: { kind: 'user', id: viewer.userId } as const } })
  })
}
