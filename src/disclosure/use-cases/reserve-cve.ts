import { cipherFor, type Deps } from '../../deps.js'
import { type AdvisoryError, edit, statusOf } from '../../domain/advisory/workflow.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findAdvisory, type StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import { recordReservedCve } from '../../storage/repositories/cve-record-repository.js'
import { findCveServicesSettings } from '../../storage/repositories/cve-services-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { mayReadAdvisory } from '../advisory-access.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'
import { cveRecordDue } from '../cve-record-due.js'
import { settingsClient } from '../cve-services/client.js'
import { endpointProblem } from '../cve-services/endpoint.js'

export type ReserveCveError =
  | AdvisoryError
  | { code: 'NOT_FOUND' }
  | { code: 'ADVISORY_CVE_SERVICES_NOT_CONFIGURED' }
  | { code: 'ADVISORY_CVE_ALREADY' }
  | { code: 'CVE_SERVICES_UNAUTHORIZED' }
  | { code: 'CVE_SERVICES_FAILED' }

/**
 * Reserves one CVE id of the current year through the organization's CVE Services credentials and
 * sets it on the advisory, as a hand-entered CVE is set: a new revision and an
 * `advisory.identifier_set` event. The advisory is checked before anything is asked of CVE
 * Services; a refusal changes nothing. (An id reserved by a request whose advisory got a CVE in
 * the meantime stays reserved at the CNA, unused: the CNA can reject it there.)
 */
export async function reserveCve(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, ReserveCveError>> {
  const cipher = cipherFor(deps, org)
  const before = await findAdvisory(deps.db, cipher, org.id, ownId)
  if (!before || !(await mayReadAdvisory(deps.db, org.id, before.id, viewer))) return fail({ code: 'NOT_FOUND' })
  if (before.content.cve) return fail({ code: 'ADVISORY_CVE_ALREADY' })
  const allowed = edit(statusOf(before), viewer.userId, deps.now().toISOString())
  if (!allowed.ok) return allowed
  const settings = await findCveServicesSettings(deps.db, cipher, org.id)
  if (!settings) return fail({ code: 'ADVISORY_CVE_SERVICES_NOT_CONFIGURED' })
  // Checked again: the operator may have withdrawn plain http since the endpoint was saved.
  if (endpointProblem(settings.endpoint, deps.config.cveServicesHttp)) return fail({ code: 'CVE_SERVICES_FAILED' })

  const client = settingsClient(deps.config, settings)
  const reserved = await client.reserveCveIds({ amount: 1, year: deps.now().getUTCFullYear() })
  if (!reserved.ok)
    return fail({ code: reserved.error.code === 'cve-services-unauthorized' ? 'CVE_SERVICES_UNAUTHORIZED' : 'CVE_SERVICES_FAILED' })
  const cve = reserved.value[0]?.cveId
  if (!cve) return fail({ code: 'CVE_SERVICES_FAILED' })

  const at = deps.now().toISOString()
  return changeAdvisory<ReserveCveError>(deps, org, ownId, viewer, (a) => {
    if (a.content.cve) return fail({ code: 'ADVISORY_CVE_ALREADY' })
    const change = edit(statusOf(a), viewer.userId, at)
    if (!change.ok) return change
    const actor = { kind: 'user', id: viewer.userId } as const
    change.value.events.push(newEvent('advisory.identifier_set', actor, at, null, { advisoryId: a.id, kind: 'cve' }))
    return ok({
      outcome: { change: change.value, action: a.state === 'published' ? 'updated' : 'edited', actor, content: { ...a.content, cve } },
      // The id is this CNA's: its record is published through CVE Services with the advisory.
      alsoWrite: async (u, after) => {
        await recordReservedCve(u.tx, org.id, after.id, cve, u.at)
        await cveRecordDue(u, after)
        return ok(after)
      },
    })
  })
}
