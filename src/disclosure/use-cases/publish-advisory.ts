import type { Deps } from '../../deps.js'
import { type AdvisoryError, publish, statusOf } from '../../domain/advisory/workflow.js'
import { ok, type Result } from '../../domain/result.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'
import { cveRecordDue } from '../cve-record-due.js'
import { type DiscloseError, discloseLinkedReports } from '../disclose-linked-reports.js'

export type PublishAdvisoryError = AdvisoryError | DiscloseError | { code: 'NOT_FOUND' }

/**
 * Publishes an advisory now: the public record is written, and in the same unit every linked
 * report moves to disclosed (its clocks stop, its reporter is told). Under required review only an
 * approved advisory is published.
 */
export async function publishAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, PublishAdvisoryError>> {
  const at = deps.now().toISOString()
  const actor = { kind: 'user', id: viewer.userId } as const
  return changeAdvisory<PublishAdvisoryError>(deps, org, ownId, viewer, (a, rules) => {
    const change = publish(statusOf(a), rules.review, actor, at)
    if (!change.ok) return change
    return ok({
      outcome: { change: change.value, action: 'published', actor },
      alsoWrite: async (u, after) => {
        const disclosed = await discloseLinkedReports(u, org, after.id)
        if (disclosed.ok) await cveRecordDue(u, after)
        return disclosed
      },
    })
  })
}
