import { cipherFor, type Deps } from '../deps.js'
import { mayActOnReport, type Reader, type SharedWith } from '../domain/access/need-to-know.js'
import type { Report, Transition } from '../domain/report/report.js'
import { fail, ok, type Result } from '../domain/result.js'
import { toDomain } from '../storage/report-state.js'
import { ConcurrentChangeError, type Recipient, saveTransition } from '../storage/report-transition.js'
import { findReportStateByRef, type ReportState } from '../storage/repositories/report-repository.js'
import { findReporter, reporterHasAddress } from '../storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { runUnit, type Unit } from '../storage/unit-of-work.js'

export type StoredReportState = ReportState & { sharedWith: SharedWith }

export interface Decision<E> {
  transition: Result<Transition, E>
  /** Extra rows written in the same unit of work (the message of a reply). */
  write?: (u: Unit, report: StoredReportState) => Promise<void>
}

/** Refused when need to know keeps the actor out of the report (`mayActOnReport`). */
export type NeedToKnowRefusal = { code: 'NEED_TO_KNOW' }

/**
 * Who acts, and which rule lets them: `need-to-know` (the default: only those who may read the
 * report may act on it) or `workflow` for the moves that carry their own rule — claiming an unheld
 * report (how work starts), releasing one's own, handing over (`mayHandOver`).
 */
export interface Acting {
  actor: Reader
  rule?: 'need-to-know' | 'workflow'
}

/**
 * Reads the report, checks that the actor may act on it, lets the workflow decide, and writes the outcome in one unit of work. If
 * someone changed the report in between, it reads and decides once more, so two responders
 * clicking "claim" at the same moment get one claim and one clear refusal.
 *
 * Deciding needs no report text: only the state is read (nothing decrypted), and the reporter's
 * address is opened only when the decision queues a mail to them.
 */
export async function actOnReport<E>(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  acting: Acting,
  decide: (r: Report, stored: StoredReportState) => Decision<E> | Promise<Decision<E>>,
): Promise<Result<Transition, E | { code: 'NOT_FOUND' } | NeedToKnowRefusal>> {
  for (let attempt = 0; ; attempt++) {
    const stored = await findReportStateByRef(deps.db, org.id, ref)
    if (!stored) return fail({ code: 'NOT_FOUND' as const })
    if ((acting.rule ?? 'need-to-know') === 'need-to-know' && !mayActOnReport(acting.actor, stored, stored.sharedWith)) {
      return fail({ code: 'NEED_TO_KNOW' as const })
    }
    const reachable = await reporterHasAddress(deps.db, org.id, stored.reporterId)
    const decision = await decide(toDomain(stored, reachable), stored)
    if (!decision.transition.ok) return fail(decision.transition.error)
    const t = decision.transition.value
    const reporter = t.messages.length > 0 ? await findReporter(deps.db, cipherFor(deps, org), org.id, stored.reporterId) : undefined
    const recipient: Recipient | null = reporter?.email ? { email: reporter.email, orgName: org.name } : null
    try {
      await runUnit(deps, org, async (u) => {
        await decision.write?.(u, stored)
        await saveTransition(u, stored, t, recipient)
      })
      return ok(t)
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= 2) throw error
    }
  }
}
