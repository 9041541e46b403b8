import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { type PublicVersionError, withdraw } from '../../domain/report-publication/report-publication.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findPublicVersion, savePublicVersion } from '../../storage/repositories/report-publication-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { teamReport, type Viewer } from '../publication-rules.js'

export type WithdrawPublicVersionError = PublicVersionError | { code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONCURRENT_CHANGE' }

/** The team takes the public version back before it is published (the report stays private). */
export async function withdrawPublicVersion(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
): Promise<Result<void, WithdrawPublicVersionError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  const { report } = found
  return runUnit(deps, org, async (u) => {
    const existing = await findPublicVersion(u.tx, u.cipher, org.id, report.id)
    const next = withdraw(existing)
    if (!next.ok || !existing) return next.ok ? fail({ code: 'NOT_FOUND' as const }) : next
    if (!(await savePublicVersion(u.tx, u.cipher, org.id, { ...existing, ...next.value }, existing.version, u.at))) {
      return fail({ code: 'CONCURRENT_CHANGE' as const })
    }
    u.record(newEvent('public_version.withdrawn', { kind: 'user', id: viewer.userId }, u.at, report.id, {}))
    return ok(undefined)
  })
}
