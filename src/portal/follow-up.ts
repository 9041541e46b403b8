import { cipherFor, type Deps } from '../deps.js'
import { reporterSteps, type StepState } from '../domain/policy/process-steps.js'
import { reportClocks } from '../storage/report-clocks.js'
import { listMessages } from '../storage/repositories/message-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { findReportById } from '../storage/repositories/report-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'

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
  fields: {
    description: string
    steps: string
    impact: string
    affectedVersion: string
    programFields?: Array<{ key: string; label: string; value: string }>
  }
  thread: Array<{ id: string; from: 'reporter' | 'team'; body: string; at: string }>
  /** Why the team rejected the report: the reporter is owed the reason (shown only while rejected). */
  rejectionReason: string | null
  /** The policy's steps marked `visibleTo: [reporter]`, with where each stands. */
  steps: Array<{ id: string; title: string; description: string | null; state: StepState }>
  /** Whether the report's policy lets reporters escalate at all (the page links the escalation page only then). */
  mayEscalate: boolean
  /** The zone of the report's policy calendar (else the organization's); times show in it and in UTC. */
  timeZone: string | undefined
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
  const policySide = await reportClocks(deps.db, org.id, report.id, deps.now().toISOString())
  const steps = policySide ? reporterSteps(policySide.policy.process ?? [], policySide.events) : []
  const escalation = policySide?.policy.escalation
  return {
    org: { slug: org.slug, name: org.name },
    ref: report.ref,
    title: report.title,
    status: report.status,
    receivedAt: report.receivedAt,
    fields: report.fields,
    thread: messages.map((m) => ({ id: m.id, from: m.authorKind === 'reporter' ? 'reporter' : 'team', body: m.body, at: m.createdAt })),
    rejectionReason: report.status === 'rejected' ? report.statusReason : null,
    steps: steps.map((v) => ({ id: v.step.id, title: v.step.title, description: v.step.description ?? null, state: v.state })),
    mayEscalate: escalation?.reporterMayEscalate === true && (escalation.chain ?? []).length > 0,
    timeZone: await orgTimeZone(deps.db, org.id, report.id),
  }
}
