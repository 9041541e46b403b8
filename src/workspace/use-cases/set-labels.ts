import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import { ok } from '../../domain/result.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import { findReportPolicyLabels, setReportLabels } from '../../storage/repositories/report-clock-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { changeReportPolicy, memberActor } from '../change-report-policy.js'

/**
 * Labels the organization's CURRENT policy defines (e.g. Alkemio's `informational`), whatever
 * version the report was received under; a label the report already carries may be kept even if
 * the policy dropped it since. Others are ignored.
 */
export const setLabels = (deps: Deps, org: OrganizationRow, ref: string, labels: readonly string[], actor: Reader) =>
  changeReportPolicy<void, never>(deps, org, ref, actor, async (u, report) => {
    const current = await currentPolicy(u.tx, org.id)
    const carried = (await findReportPolicyLabels(u.tx, org.id, report.id))?.labels ?? []
    const known = new Set([...(current?.policy.labels ?? []).map((l) => l.name), ...carried])
    const chosen = [...new Set(labels.filter((l) => known.has(l)))].sort()
    await setReportLabels(u.tx, org.id, report.id, chosen)
    u.record(newEvent('report.labels_set', memberActor(actor.userId), u.at, report.id, { labels: chosen.join(',') }))
    return ok(undefined)
  })
