import type { Deps } from '../../deps.js'
import { type AdvisoryError, statusOf, withdraw } from '../../domain/advisory/workflow.js'
import { ok, type Result } from '../../domain/result.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'
import { cveRecordRejectionDue } from '../cve-record-due.js'

/**
 * Withdraws a published advisory with the reason the public is owed (it stays listed, marked
 * withdrawn); its CVE record, if this CNA published it through CVE Services, is rejected there by
 * the job loop with the same reason.
 */
export async function withdrawAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  reason: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, AdvisoryError | { code: 'NOT_FOUND' }>> {
  const at = deps.now().toISOString()
  return changeAdvisory<AdvisoryError>(deps, org, ownId, viewer, (a) => {
    const change = withdraw(statusOf(a), reason, viewer.userId, at)
    if (!change.ok) return change
    return ok({
      outcome: {
        change: change.value,
        action: 'withdrawn',
        actor: { kind: 'user', id: viewer.userId } as const,
        withdrawnReason: reason.trim(),
      },
      // In the same unit: the CVE record published through CVE Services is to be rejected there.
      alsoWrite: async (u, after) => ok(await cveRecordRejectionDue(u, after)),
    })
  })
}
