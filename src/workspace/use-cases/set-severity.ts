import { runReportClocks } from '../../clocks/index.js'
import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import type { Severity } from '../../domain/policy/schema.js'
import { fail, ok } from '../../domain/result.js'
import { levelFromVectors, scoringOf } from '../../domain/severity/scoring.js'
import { readReportForClocks, setReportSeverity } from '../../storage/repositories/report-clock-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeReportPolicy, memberActor } from '../change-report-policy.js'

/**
 * Severity drives the policy's per-severity clocks and alerts (healthIMIS: high alerts the whole
 * team): "act immediately", so the report's clock actions run now, not at the next sweep.
 */
export async function setSeverity(deps: Deps, org: OrganizationRow, ref: string, severity: Severity | null, actor: Reader) {
  const result = await changeReportPolicy<{ reportId: string }, { code: 'SEVERITY_FROM_SCORE' }>(
    deps,
    org,
    ref,
    actor,
    async (u, report, found) => {
      const row = await readReportForClocks(u.tx, org.id, report.id)
      const vectors = { cvss31: row?.cvss31_vector ?? undefined, cvss40: row?.cvss40_vector ?? undefined }
      // Under CVSS scoring a scored report's level is its score's rating; it changes with the vector.
      if (found && levelFromVectors(vectors, scoringOf(found.policy)) !== undefined) return fail({ code: 'SEVERITY_FROM_SCORE' as const })
      const before = row?.severity ?? null
      if (before === severity) return ok({ reportId: report.id })
      await setReportSeverity(u.tx, org.id, report.id, severity)
      u.record(newEvent('report.severity_set', memberActor(actor.userId), u.at, report.id, { from: before, to: severity }))
      return ok({ reportId: report.id })
    },
  )
  if (result.ok) await runReportClocks(deps, org.id, result.value.reportId, deps.now().toISOString())
  return result
}
