import { cipherFor, type Deps } from '../deps.js'
import type { ReportError } from '../domain/report/errors.js'
import type { Actor, Report, ReportStatus, Transition } from '../domain/report/report.js'
import { assign, changeStatus, claim, release, reply } from '../domain/report/workflow.js'
import { fail, ok, type Result } from '../domain/result.js'
import { HttpProblem } from '../http/problems.js'
import { ConcurrentChangeError, type Recipient, recordTransition } from '../reports/record-transition.js'
import { toDomain } from '../reports/report-state.js'
import type { OrgCipher } from '../storage/cipher.js'
import type { Tx } from '../storage/db.js'
import { newId } from '../storage/ids.js'
import { insertMessage } from '../storage/repositories/message-repository.js'
import { findReportByRef, type StoredReport } from '../storage/repositories/report-repository.js'
import { findReporter } from '../storage/repositories/reporter-repository.js'
import { findMembership } from '../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export type ActionError = ReportError | { code: 'ASSIGNEE_NOT_A_RESPONDER' } | { code: 'DUPLICATE_TARGET_UNKNOWN' }

interface Decision {
  transition: Result<Transition, ReportError>
  /** Extra rows written in the same transaction (the message of a reply). */
  write?: (tx: Tx, cipher: OrgCipher, report: StoredReport) => Promise<void>
}

/**
 * Reads the report, lets the workflow decide, and writes the outcome in one transaction. If
 * someone changed the report in between, it reads and decides once more, so two responders
 * clicking "claim" at the same moment get one claim and one clear refusal.
 */
async function act(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  decide: (r: Report, stored: StoredReport) => Decision | Promise<Decision>,
) {
  const cipher = cipherFor(deps, org)
  for (let attempt = 0; ; attempt++) {
    const stored = await findReportByRef(deps.db, cipher, org.id, ref)
    if (!stored) throw new HttpProblem('NOT_FOUND')
    const reporter = await findReporter(deps.db, cipher, org.id, stored.reporterId)
    const recipient: Recipient | null = reporter?.email ? { email: reporter.email, orgName: org.name } : null
    const decision = await decide(toDomain(stored, recipient !== null), stored)
    if (!decision.transition.ok) return fail(decision.transition.error)
    const t = decision.transition.value
    try {
      await deps.writes.transaction(async (tx) => {
        await decision.write?.(tx, cipher, stored)
        await recordTransition(tx, cipher, stored, t, recipient, deps.now().toISOString())
      })
      return ok(t)
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= 2) throw error
    }
  }
}

const nowIso = (deps: Deps) => deps.now().toISOString()

export const claimReport = (deps: Deps, org: OrganizationRow, ref: string, userId: string) =>
  act(deps, org, ref, (r) => ({ transition: claim(r, userId, nowIso(deps)) }))

export const releaseReport = (deps: Deps, org: OrganizationRow, ref: string, userId: string) =>
  act(deps, org, ref, (r) => ({ transition: release(r, userId, nowIso(deps)) }))

/** Hands a report to another member who may work on reports; never to someone outside the organization. */
export async function assignReport(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  to: string | null,
  actor: Actor,
): Promise<Result<Transition, ActionError>> {
  if (to !== null) {
    const membership = await findMembership(deps.db, org.id, to)
    if (!membership || membership.role === 'viewer') return fail({ code: 'ASSIGNEE_NOT_A_RESPONDER' })
  }
  return act(deps, org, ref, (r) => ({ transition: assign(r, to, actor, nowIso(deps)) }))
}

export async function changeReportStatus(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  change: { to: ReportStatus; reason?: string | undefined; duplicateOfRef?: string | undefined; actor: Actor },
): Promise<Result<Transition, ActionError>> {
  let duplicateOf: { id: string; ref: string } | undefined
  if (change.to === 'duplicate' && change.duplicateOfRef) {
    const target = await findReportByRef(deps.db, cipherFor(deps, org), org.id, change.duplicateOfRef.trim())
    if (!target) return fail({ code: 'DUPLICATE_TARGET_UNKNOWN' })
    duplicateOf = { id: target.id, ref: target.ref }
  }
  return act(deps, org, ref, (r) => ({
    transition: changeStatus(r, { to: change.to, actor: change.actor, at: nowIso(deps), reason: change.reason, duplicateOf }),
  }))
}

/** A reply to the reporter or an internal note; the message and its event commit together. */
export const postMessage = (
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  m: { userId: string; body: string; visibility: 'reporter' | 'internal'; detail?: Record<string, string | boolean> },
) =>
  act(deps, org, ref, (r) => {
    const at = nowIso(deps)
    const t = reply(r, { actor: { kind: 'user', id: m.userId }, at, body: m.body, visibility: m.visibility })
    // A detailed response carries `data.detailed` and the content flags the policy asks for (clock rules).
    const detail = m.detail
    const transition: typeof t =
      t.ok && detail
        ? {
            ok: true,
            value: {
              ...t.value,
              events: t.value.events.map((e) => (e.type === 'reply.sent' ? { ...e, data: { ...e.data, ...detail } } : e)),
            },
          }
        : t
    return {
      transition,
      write: (tx, cipher, stored) =>
        insertMessage(tx, cipher, org.id, {
          id: newId(),
          reportId: stored.id,
          authorKind: 'responder',
          authorUserId: m.userId,
          visibility: m.visibility,
          body: m.body,
          createdAt: at,
        }),
    }
  })
