import { cipherFor, type Deps } from '../deps.js'
import type { ReportStatus } from '../domain/report/report.js'
import { allowedTransitions } from '../domain/report/workflow.js'
import { HttpProblem } from '../http/problems.js'
import { loadReportPolicy } from '../policy/report-policy.js'
import { orgTimeZone } from '../policy/time-zone.js'
import { listReportEvents } from '../storage/repositories/event-repository.js'
import { listMessages } from '../storage/repositories/message-repository.js'
import { findProgram } from '../storage/repositories/organization-repository.js'
import { findReportByRef, findReportRef } from '../storage/repositories/report-repository.js'
import { findReporter } from '../storage/repositories/reporter-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import type { OrganizationRow, Role } from '../storage/schema.js'

/** Everything the team's report page shows, for one report of one organization. */
export async function loadReportForTeam(deps: Deps, org: OrganizationRow, ref: string, viewer?: { userId: string; role: Role }) {
  const cipher = cipherFor(deps, org)
  const report = await findReportByRef(deps.db, cipher, org.id, ref)
  if (!report) throw new HttpProblem('NOT_FOUND')
  const [reporter, messages, events, members, program, duplicateOf] = await Promise.all([
    findReporter(deps.db, cipher, org.id, report.reporterId),
    listMessages(deps.db, cipher, org.id, report.id),
    listReportEvents(deps.db, org.id, report.id),
    listMembers(deps.db, org.id),
    report.programId ? findProgram(deps.db, org.id, report.programId) : undefined,
    report.duplicateOf ? findReportRef(deps.db, org.id, report.duplicateOf) : undefined,
  ])
  const policy = viewer ? await loadReportPolicy(deps, org.id, report.id, viewer) : undefined
  // Times are shown in the policy calendar's zone (the report's policy, else the organization's), else UTC.
  const timeZone = await orgTimeZone(deps.db, org.id, report.id)
  // Need to know (policy `confidentiality.sharedWith: assigned-team`): no report text for the rest of the team.
  if (policy?.restricted) {
    report.title = report.ref
    report.fields = { description: '', steps: '', impact: '', affectedVersion: '' }
    messages.length = 0
  }
  return {
    report,
    policy,
    timeZone,
    reporter: reporter ?? { id: report.reporterId, name: null, email: null },
    messages,
    events: events.map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, string | number | null> })),
    members,
    programName: program?.name ?? null,
    duplicateOfRef: duplicateOf?.ref ?? null,
    nextStatuses: allowedTransitions[report.status as ReportStatus] ?? [],
  }
}

export type TeamReportView = Awaited<ReturnType<typeof loadReportForTeam>>
