import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { object, type PublicVersionError } from '../../domain/report-publication/report-publication.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { findPublicVersion, savePublicVersion } from '../../storage/repositories/report-publication-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'

export type ObjectToPublicVersionError = PublicVersionError | { code: 'NOT_FOUND' | 'CONCURRENT_CHANGE' }

/**
 * The reporter objects to the proposed public version, with a reason, from the follow-up page
 * while the objection period runs: it is not published, and the team sees the objection and the
 * reason on the report page.
 */
export async function objectToPublicVersion(
  deps: Deps,
  access: { orgId: string; reportId: string },
  reason: string,
): Promise<Result<void, ObjectToPublicVersionError>> {
  const org = await findOrganizationById(deps.db, access.orgId)
  if (!org) return fail({ code: 'NOT_FOUND' })
  return runUnit(deps, org, async (u) => {
    const existing = await findPublicVersion(u.tx, u.cipher, org.id, access.reportId)
    const next = object(existing, reason, u.at)
    if (!next.ok || !existing) return next.ok ? fail({ code: 'NOT_FOUND' as const }) : next
    if (!(await savePublicVersion(u.tx, u.cipher, org.id, { ...existing, ...next.value }, existing.version, u.at))) {
      return fail({ code: 'CONCURRENT_CHANGE' as const })
    }
    u.record(newEvent('public_version.objected', { kind: 'reporter' }, u.at, access.reportId, {}))
    return ok(undefined)
  })
}
