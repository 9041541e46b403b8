import { cipherFor, type Deps } from '../deps.js'
import { listMessages } from '../storage/repositories/message-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { findReportById } from '../storage/repositories/report-repository.js'

export interface ReporterAccess {
  orgId: string
  reportId: string
}

/** What the reporter sees. Built field by field: internal notes, assignee and team names never enter it. */
export interface FollowUpView {
  org: { slug: string; name: string }
  ref: string
  title: string
  status: string
  receivedAt: string
  fields: { description: string; steps: string; impact: string; affectedVersion: string }
  thread: Array<{ id: string; from: 'reporter' | 'team'; body: string; at: string }>
}

/** The organization, its cipher and the report a capability opens; undefined when either is gone. */
export async function openReport(deps: Deps, access: ReporterAccess) {
  const org = await findOrganizationById(deps.db, access.orgId)
  if (!org) return undefined
  const cipher = cipherFor(deps, org)
  const report = await findReportById(deps.db, cipher, org.id, access.reportId)
  return report && { org, cipher, report }
}

export async function loadFollowUp(deps: Deps, access: ReporterAccess): Promise<FollowUpView | undefined> {
  const opened = await openReport(deps, access)
  if (!opened) return undefined
  const { org, cipher, report } = opened
  const messages = await listMessages(deps.db, cipher, org.id, report.id, { visibility: 'reporter' })
  return {
    org: { slug: org.slug, name: org.name },
    ref: report.ref,
    title: report.title,
    status: report.status,
    receivedAt: report.receivedAt,
    fields: report.fields,
    thread: messages.map((m) => ({ id: m.id, from: m.authorKind === 'reporter' ? 'reporter' : 'team', body: m.body, at: m.createdAt })),
  }
}
