import { cipherFor, type Deps } from '../deps.js'
import type { ReportError } from '../domain/report/errors.js'
import type { Transition } from '../domain/report/report.js'
import { reply } from '../domain/report/workflow.js'
import { fail, ok, type Result } from '../domain/result.js'
import { HttpProblem } from '../http/problems.js'
import type { OrgCipher } from '../storage/cipher.js'
import type { Tx } from '../storage/db.js'
import { newId } from '../storage/ids.js'
import { toDomain } from '../storage/report-state.js'
import { recordTransition } from '../storage/report-transition.js'
import { insertMessage, listMessages } from '../storage/repositories/message-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { findReportById, type StoredReport } from '../storage/repositories/report-repository.js'

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

async function open(deps: Deps, access: ReporterAccess) {
  const org = await findOrganizationById(deps.db, access.orgId)
  if (!org) throw new HttpProblem('NOT_FOUND')
  const cipher = cipherFor(deps, org)
  const report = await findReportById(deps.db, cipher, org.id, access.reportId)
  if (!report) throw new HttpProblem('NOT_FOUND')
  return { org, cipher, report }
}

export async function loadFollowUp(deps: Deps, access: ReporterAccess): Promise<FollowUpView> {
  const { org, cipher, report } = await open(deps, access)
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

/** The reporter answers on the thread; the team sees it at once, and it is recorded on the timeline. */
export async function replyAsReporter(deps: Deps, access: ReporterAccess, body: string): Promise<Result<void, ReportError>> {
  const { cipher, report } = await open(deps, access)
  const at = deps.now().toISOString()
  const t = reply(toDomain(report, false), { actor: { kind: 'reporter' }, at, body, visibility: 'reporter' })
  if (!t.ok) return fail(t.error)
  await deps.writes.transaction((tx) => writeReporterReply(tx, cipher, report, t.value, body, at))
  return ok(undefined)
}

/**
 * The rows of a reporter's reply (message, timeline event) in the caller's transaction; also used
 * by mail ingestion, which commits them with the stored mail's state. Returns the message id.
 */
export async function writeReporterReply(tx: Tx, cipher: OrgCipher, report: StoredReport, t: Transition, body: string, at: string) {
  const id = newId()
  await insertMessage(tx, cipher, report.orgId, {
    id,
    reportId: report.id,
    authorKind: 'reporter',
    authorUserId: null,
    visibility: 'reporter',
    body,
    createdAt: at,
  })
  await recordTransition(tx, cipher, report, t, null, at)
  return id
}
