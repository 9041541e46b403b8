import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { ok } from '../../domain/result.js'
import { setReportLabels } from '../../storage/repositories/report-clock-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeReportPolicy, memberActor } from '../change-report-policy.js'

/** Labels the policy defines (e.g. Alkemio's `informational`); others are ignored. */
export const setLabels = (deps: Deps, org: OrganizationRow, ref: string, labels: readonly string[], userId: string) =>
  changeReportPolicy<void, never>(deps, org, ref, async (u, report, found) => {
    const known = new Set((found?.policy.labels ?? []).map((l) => l.name))
    const chosen = [...new Set(labels.filter((l) => known.has(l)))].sort()
    await setReportLabels(u.tx, org.id, report.id, chosen)
    u.record(newEvent('report.labels_set', memberActor(userId), u.at, report.id, { labels: chosen.join(',') }))
    return ok(undefined)
  })
