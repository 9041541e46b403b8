import { advisoryPublishedItem } from '../domain/advisory/announcement.js'
import { newEvent } from '../domain/events.js'
import { openBeforePublishing } from '../domain/policy/process-steps.js'
import { changeStatus } from '../domain/report/workflow.js'
import { fail, ok, type Result } from '../domain/result.js'
import { reportClocks } from '../storage/report-clocks.js'
import { toDomain } from '../storage/report-state.js'
import { type Recipient, saveTransition } from '../storage/report-transition.js'
import { listAdvisoryReports } from '../storage/repositories/advisory-repository.js'
import { findReportStateByRef } from '../storage/repositories/report-repository.js'
import { findReporter, reporterHasAddress } from '../storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import type { Unit } from '../storage/unit-of-work.js'

export type DiscloseError =
  /** A linked report is not fixed yet: an advisory is published once the fix is there. */
  | { code: 'ADVISORY_REPORTS_NOT_FIXED'; refs: string[] }
  /** The policy's steps before publishing are open on a linked report (Open Klant's process). */
  | { code: 'STEPS_BEFORE_PUBLISHING'; missing: string[] }

/**
 * Publishing an advisory discloses what it covers: inside the publishing unit, every linked report
 * that is `fixed` moves to `disclosed` through the report workflow (as Embargo, since the decision
 * was the advisory's), which stops its clocks and tells its reporter by mail exactly as a status
 * change on the report page does; each report's timeline records the publication. Reports already
 * disclosed or closed stay as they are. Any report not yet fixed, or with the policy's steps
 * before publishing still open, refuses the whole publication.
 */
export async function discloseLinkedReports(u: Unit, org: OrganizationRow, advisoryId: string): Promise<Result<void, DiscloseError>> {
  const linked = await listAdvisoryReports(u.tx, org.id, advisoryId)
  const notFixed = linked.filter((r) => !['fixed', 'disclosed', 'closed'].includes(r.status)).map((r) => r.ref)
  if (notFixed.length > 0) return fail({ code: 'ADVISORY_REPORTS_NOT_FIXED', refs: notFixed })
  // Disclosure day's announcements (src/announcements) start from this row, committed with the publication.
  u.send(advisoryPublishedItem(advisoryId))
  for (const r of linked) {
    u.record(newEvent('advisory.published', { kind: 'system' }, u.at, r.id, { advisoryId }))
    if (r.status !== 'fixed') continue
    const clocks = await reportClocks(u.tx, org.id, r.id, u.at)
    const missing = clocks ? openBeforePublishing(clocks.policy.process ?? [], clocks.events) : []
    if (missing.length > 0) return fail({ code: 'STEPS_BEFORE_PUBLISHING', missing })
    const state = await findReportStateByRef(u.tx, org.id, r.ref)
    if (!state) continue
    const reachable = await reporterHasAddress(u.tx, org.id, state.reporterId)
    const t = changeStatus(toDomain(state, reachable), { to: 'disclosed', actor: { kind: 'system' }, at: u.at })
    if (!t.ok) return fail({ code: 'ADVISORY_REPORTS_NOT_FIXED', refs: [r.ref] })
    const reporter = t.value.messages.length > 0 ? await findReporter(u.tx, u.cipher, org.id, state.reporterId) : undefined
    const recipient: Recipient | null = reporter?.email ? { email: reporter.email, orgName: org.name } : null
    await saveTransition(u, state, t.value, recipient)
  }
  return ok(undefined)
}
