import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import type { ReportStatus } from '../../domain/report/status.js'
import { type PublicText, type PublicVersionError, prepare } from '../../domain/report-publication/report-publication.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { advisoryExists, findPublicVersion, savePublicVersion } from '../../storage/repositories/report-publication-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { teamReport, type Viewer } from '../publication-rules.js'

export type PreparePublicVersionError =
  | PublicVersionError
  | { code: 'NOT_FOUND' | 'FORBIDDEN' | 'PUBLIC_VERSION_ADVISORY_UNKNOWN' | 'CONCURRENT_CHANGE' }

/**
 * The team writes the public version of a decided report from scratch (the form starts empty:
 * nothing of the original is copied), optionally naming the advisory whose publication it waits
 * for. Writing it again makes it a draft again: any approval is void and the reporter is shown the
 * new text only once it is approved.
 */
export async function preparePublicVersion(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  input: PublicText & { afterAdvisory: string },
): Promise<Result<void, PreparePublicVersionError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  const afterAdvisory = input.afterAdvisory.trim() || null
  if (afterAdvisory !== null && !(await advisoryExists(deps.db, org.id, afterAdvisory))) {
    return fail({ code: 'PUBLIC_VERSION_ADVISORY_UNKNOWN' })
  }
  const { report } = found
  return runUnit(deps, org, async (u) => {
    const existing = await findPublicVersion(u.tx, u.cipher, org.id, report.id)
    const next = prepare(existing, report.status as ReportStatus, input, viewer.userId)
    if (!next.ok) return next
    const saved = await savePublicVersion(
      u.tx,
      u.cipher,
      org.id,
      { ...next.value, id: existing?.id ?? newId(), reportId: report.id, afterAdvisory },
      existing?.version ?? null,
      u.at,
    )
    if (!saved) return fail({ code: 'CONCURRENT_CHANGE' as const })
    u.record(newEvent('public_version.prepared', { kind: 'user', id: viewer.userId }, u.at, report.id, { outcome: next.value.outcome }))
    return ok(undefined)
  })
}
