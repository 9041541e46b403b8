import { runReportClocks } from '../../clocks/index.js'
import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok } from '../../domain/result.js'
import { type CvssFormError, vectorsFromForm } from '../../domain/severity/cvss-form.js'
import { defaultScoring, levelFromVectors, scoringOf } from '../../domain/severity/scoring.js'
import { readReportForClocks, setReportCvss, setReportSeverity } from '../../storage/repositories/report-clock-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeReportPolicy, memberActor } from '../change-report-policy.js'

export type SetCvssRefusal = { code: 'SEVERITY_NOT_SCORED' } | { code: 'CVSS_INVALID_VECTOR'; missing: string[] }

const refusal = (e: CvssFormError): SetCvssRefusal =>
  e.code === 'SEVERITY_NOT_SCORED' ? e : { code: 'CVSS_INVALID_VECTOR', missing: [e.version, 'metric' in e ? e.metric : '', e.reason] }

/**
 * The calculator's post on a report: the vectors of the versions the report's policy scores
 * (refused under qualitative scoring), and the level their preferred score gives, which drives
 * the per-severity clocks like a level set by hand. Clearing every vector keeps the level.
 */
export async function setCvssVectors(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  form: Readonly<Record<string, unknown>>,
  actor: Reader,
) {
  const result = await changeReportPolicy<{ reportId: string }, SetCvssRefusal>(deps, org, ref, actor, async (u, report, found) => {
    const scoring = found ? scoringOf(found.policy) : defaultScoring
    const vectors = vectorsFromForm(scoring, form)
    if (!vectors.ok) return fail(refusal(vectors.error))
    const before = await readReportForClocks(u.tx, org.id, report.id)
    if (!before) return fail({ code: 'SEVERITY_NOT_SCORED' as const })
    const previous = { cvss31: before.cvss31_vector, cvss40: before.cvss40_vector }
    const changed = (['cvss40', 'cvss31'] as const).filter((k) => vectors.value[k] !== undefined && vectors.value[k] !== previous[k])
    if (changed.length === 0) return ok({ reportId: report.id })
    await setReportCvss(u.tx, org.id, report.id, vectors.value)
    for (const k of changed)
      u.record(
        newEvent('report.cvss_set', memberActor(actor.userId), u.at, report.id, {
          version: k === 'cvss40' ? '4.0' : '3.1',
          from: previous[k],
          to: vectors.value[k] ?? null,
        }),
      )
    const now = (k: 'cvss31' | 'cvss40') => (vectors.value[k] !== undefined ? vectors.value[k] : previous[k]) ?? undefined
    const after = { cvss31: now('cvss31'), cvss40: now('cvss40') }
    const level = levelFromVectors(after, scoring)
    if (level && level !== before.severity) {
      await setReportSeverity(u.tx, org.id, report.id, level)
      u.record(newEvent('report.severity_set', memberActor(actor.userId), u.at, report.id, { from: before.severity, to: level }))
    }
    return ok({ reportId: report.id })
  })
  if (result.ok) await runReportClocks(deps, org.id, result.value.reportId, deps.now().toISOString())
  return result
}
