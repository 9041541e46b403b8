import { cipherFor, type Deps } from '../deps.js'
import type { ReportStatus } from '../domain/report/report.js'
import { allowedTransitions } from '../domain/report/workflow.js'
import { listAdvisoriesOfReport } from '../storage/repositories/advisory-repository.js'
import { listReportTimeline } from '../storage/repositories/event-repository.js'
import { countMessages, listMessages } from '../storage/repositories/message-repository.js'
import { findProgram } from '../storage/repositories/organization-repository.js'
import { findReportForReader, findReportRef } from '../storage/repositories/report-repository.js'
import { findReporter } from '../storage/repositories/reporter-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import type { OrganizationRow, Role } from '../storage/schema.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { loadReportPolicy } from './report-policy.js'

/**
 * Everything the team's report page shows, for one report of one organization, as `viewer` may
 * see it. Under the need-to-know rule (src/domain/access/need-to-know.ts, asked by
 * `findReportForReader`) a member who may not read the report gets its state only: title,
 * fields, messages (replies and internal notes), the reporter's name and address and the
 * rejection reason are neither decrypted nor read. Undefined when the organization has no such report.
 */
export async function loadReportForTeam(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: { userId: string; role: Role },
  /** The page shows the newest messages and events only (issue 15: a 1,000-message thread); the API takes all. */
  show: { messages?: number; events?: number } = {},
) {
  const cipher = cipherFor(deps, org)
  const found = await findReportForReader(deps.db, cipher, org.id, ref, viewer)
  if (!found) return undefined
  const { readable } = found
  const report = {
    ...found.report,
    // The reference stands in for the title the viewer may not read.
    title: found.text?.title ?? found.report.ref,
    fields: found.text?.fields ?? { description: '', steps: '', impact: '', affectedVersion: '' },
    statusReason: readable ? found.report.statusReason : null,
  }
  const [reporter, messages, messageCount, timeline, members, program, duplicateOf] = await Promise.all([
    readable ? findReporter(deps.db, cipher, org.id, report.reporterId) : undefined,
    readable ? listMessages(deps.db, cipher, org.id, report.id, undefined, show.messages) : [],
    readable && show.messages !== undefined ? countMessages(deps.db, org.id, report.id) : undefined,
    listReportTimeline(deps.db, org.id, report.id, show.events),
    listMembers(deps.db, org.id),
    report.programId ? findProgram(deps.db, org.id, report.programId) : undefined,
    report.duplicateOf ? findReportRef(deps.db, org.id, report.duplicateOf) : undefined,
  ])
  const policy = await loadReportPolicy(deps, org.id, report.id)
  // The advisories covering this report, by id only, for a viewer who may read the report.
  const advisories = readable ? await listAdvisoriesOfReport(deps.db, org.id, report.id) : []
  // Times are shown in the policy calendar's zone (the report's policy, else the organization's), else UTC.
  const timeZone = await orgTimeZone(deps.db, org.id, report.id)
  return {
    report,
    /** False: the need-to-know rule keeps this report's text from the viewer. */
    readable,
    policy,
    timeZone,
    reporter: reporter ?? { id: report.reporterId, name: null, email: null },
    messages,
    /** Messages in the whole thread (more than `messages` holds when the page shows the newest only). */
    messageCount: messageCount ?? messages.length,
    // Reads are in the audit log (admin page), not on the timeline: each visit would add a line.
    events: timeline.events.map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, string | number | null> })),
    eventCount: timeline.total,
    members,
    programName: program?.name ?? null,
    duplicateOfRef: duplicateOf?.ref ?? null,
    advisories,
    nextStatuses: allowedTransitions[report.status as ReportStatus] ?? [],
  }
}

export type TeamReportView = NonNullable<Awaited<ReturnType<typeof loadReportForTeam>>>
