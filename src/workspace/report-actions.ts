import { cipherFor, type Deps } from '../deps.js'
import { mayHandOver, type Reader, type SharedWith } from '../domain/access/need-to-know.js'
import type { ReportError } from '../domain/report/errors.js'
import type { Actor, Report, ReportStatus, Transition } from '../domain/report/report.js'
import { assign, changeStatus, claim, release, reply } from '../domain/report/workflow.js'
import { fail, ok, type Result } from '../domain/result.js'
import { HttpProblem } from '../http/problems.js'
import type { OrgCipher } from '../storage/cipher.js'
import type { Tx } from '../storage/db.js'
import { newId } from '../storage/ids.js'
import { toDomain } from '../storage/report-state.js'
import { ConcurrentChangeError, type Recipient, recordTransition } from '../storage/report-transition.js'
import { insertMessage } from '../storage/repositories/message-repository.js'
import { findReportStateByRef, type ReportState } from '../storage/repositories/report-repository.js'
import { findReporter, reporterHasAddress } from '../storage/repositories/reporter-repository.js'
import { findMembership } from '../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export type ActionError =
  | ReportError
  | { code: 'ASSIGNEE_NOT_A_RESPONDER' }
  | { code: 'DUPLICATE_TARGET_UNKNOWN' }
  | { code: 'HANDOVER_NEEDS_HOLDER'; assigneeId: string }

interface Decision {
  transition: Result<Transition, ActionError>
  /** Extra rows written in the same transaction (the message of a reply). */
  write?: (tx: Tx, cipher: OrgCipher, report: ReportState) => Promise<void>
}

/**
 * Reads the report, lets the workflow decide, and writes the outcome in one transaction. If
 * someone changed the report in between, it reads and decides once more, so two responders
 * clicking "claim" at the same moment get one claim and one clear refusal.
 *
 * Deciding needs no report text: only the state is read (nothing decrypted), and the reporter's
 * address is opened only when the decision queues a mail to them.
 */
async function act(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  decide: (r: Report, stored: ReportState & { sharedWith: SharedWith }) => Decision | Promise<Decision>,
): Promise<Result<Transition, ActionError>> {
  const cipher = cipherFor(deps, org)
  for (let attempt = 0; ; attempt++) {
    const stored = await findReportStateByRef(deps.db, org.id, ref)
    if (!stored) throw new HttpProblem('NOT_FOUND')
    const reachable = await reporterHasAddress(deps.db, org.id, stored.reporterId)
    const decision = await decide(toDomain(stored, reachable), stored)
    if (!decision.transition.ok) return fail(decision.transition.error)
    const t = decision.transition.value
    const reporter = t.messages.length > 0 ? await findReporter(deps.db, cipher, org.id, stored.reporterId) : undefined
    const recipient: Recipient | null = reporter?.email ? { email: reporter.email, orgName: org.name } : null
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

/**
 * Hands a report to another member who may work on reports; never to someone outside the
 * organization. Under the need-to-know rule a held report changes hands only through its holder
 * or an administrator (`mayHandOver`): assigning oneself would otherwise open its text.
 */
export async function assignReport(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  to: string | null,
  actor: Reader,
): Promise<Result<Transition, ActionError>> {
  if (to !== null) {
    const membership = await findMembership(deps.db, org.id, to)
    if (!membership || membership.role === 'viewer') return fail({ code: 'ASSIGNEE_NOT_A_RESPONDER' })
  }
  return act(deps, org, ref, (r, stored) =>
    r.assigneeId !== null && r.assigneeId !== to && !mayHandOver(actor, r, stored.sharedWith)
      ? { transition: fail({ code: 'HANDOVER_NEEDS_HOLDER', assigneeId: r.assigneeId }) }
      : { transition: assign(r, to, { kind: 'user', id: actor.userId }, nowIso(deps)) },
  )
}

export async function changeReportStatus(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  change: { to: ReportStatus; reason?: string | undefined; duplicateOfRef?: string | undefined; actor: Actor },
): Promise<Result<Transition, ActionError>> {
  let duplicateOf: { id: string; ref: string } | undefined
  if (change.to === 'duplicate' && change.duplicateOfRef) {
    const target = await findReportStateByRef(deps.db, org.id, change.duplicateOfRef.trim())
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
