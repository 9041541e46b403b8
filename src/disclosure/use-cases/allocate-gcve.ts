import type { Deps } from '../../deps.js'
import { gcveIdOf } from '../../domain/advisory/identifiers.js'
import { type AdvisoryError, note, statusOf } from '../../domain/advisory/workflow.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { nextAdvisoryNumber, type StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'

export type AllocateGcveError =
  | AdvisoryError
  | { code: 'NOT_FOUND' }
  /** The policy names no GCVE numbering authority id (`advisories.gcve.gna`). */
  | { code: 'ADVISORY_GCVE_NOT_CONFIGURED' }
  | { code: 'ADVISORY_GCVE_ALREADY' }

/**
 * Gives the advisory a GCVE id (`GCVE-<GNA id>-<year>-<n>`) when the organization is a GCVE
 * numbering authority: the number comes from the organization's counter inside the unit, so
 * concurrent allocations never share a number and a failed one leaves no gap.
 */
export async function allocateGcve(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, AllocateGcveError>> {
  const at = deps.now().toISOString()
  return changeAdvisory<AllocateGcveError>(deps, org, ownId, viewer, (a, rules) => {
    const gna = rules.gna
    if (gna === undefined) return fail({ code: 'ADVISORY_GCVE_NOT_CONFIGURED' })
    if (a.gcve !== null) return fail({ code: 'ADVISORY_GCVE_ALREADY' })
    const actor = { kind: 'user', id: viewer.userId } as const
    const change = note(statusOf(a), [newEvent('advisory.identifier_set', actor, at, null, { advisoryId: a.id, kind: 'gcve' })])
    if (!change.ok) return change
    return ok({
      outcome: { change: change.value, action: 'identifier', actor },
      allocate: async (u) => {
        const year = Number(u.at.slice(0, 4))
        return { gcve: gcveIdOf(gna, year, await nextAdvisoryNumber(u.tx, org.id, 'gcve', year)) }
      },
    })
  })
}
