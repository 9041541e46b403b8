import type { Deps } from '../../deps.js'
import { mayHandOver, type Reader } from '../../domain/access/need-to-know.js'
import type { ReportError } from '../../domain/report/errors.js'
import type { Transition } from '../../domain/report/report.js'
import { assign } from '../../domain/report/workflow.js'
import { fail, type Result } from '../../domain/result.js'
import { findMembership } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport, type NeedToKnowRefusal } from '../act-on-report.js'

export type AssignError =
  | ReportError
  | { code: 'NOT_FOUND' }
  | NeedToKnowRefusal
  | { code: 'ASSIGNEE_NOT_A_RESPONDER' }
  | { code: 'HANDOVER_NEEDS_HOLDER'; assigneeId: string }

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
): Promise<Result<Transition, AssignError>> {
  if (to !== null) {
    const membership = await findMembership(deps.db, org.id, to)
    if (!membership || membership.role === 'viewer') return fail({ code: 'ASSIGNEE_NOT_A_RESPONDER' })
  }
  return actOnReport<AssignError>(deps, org, ref, { actor, rule: 'workflow' }, (r, stored) =>
    r.assigneeId !== null && r.assigneeId !== to && !mayHandOver(actor, r, stored.sharedWith)
      ? { transition: fail({ code: 'HANDOVER_NEEDS_HOLDER', assigneeId: r.assigneeId }) }
      : { transition: assign(r, to, { kind: 'user', id: actor.userId }, deps.now().toISOString()) },
  )
}
