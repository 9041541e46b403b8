import type { Actor, OutgoingMessage, Transition } from '../domain/report/report.js'
import type { NewEvent } from './repositories/event-repository.js'
import { type ReportState, updateReportState } from './repositories/report-repository.js'
import type { Unit } from './unit-of-work.js'

/** Someone changed the report between our read and our write; nothing was written. */
export class ConcurrentChangeError extends Error {
  constructor() {
    super('The report changed while this action was being made')
  }
}

export interface Recipient {
  email: string
  orgName: string
}

const _actorColumns = (actor: Actor): Pick<NewEvent, 'actorKind' | 'actorId'> =>
  actor.kind === 'user' ? { actorKind: 'user', actorId: actor.id } : { actorKind: actor.kind, actorId: null }

/** Outbox payloads for the reporter: generic text only, never report content (mail headers are never encrypted). */
export const reporterMail = (messages: OutgoingMessage[], ref: string, recipient: Recipient | null, extra: Record<string, unknown> = {}) =>
  recipient === null
    ? []
    : messages.map((m) => ({ kind: 'mail', payload: { template: m.kind, to: recipient.email, ref, orgName: recipient.orgName, ...extra } }))

/**
 * Saves a workflow transition inside a unit of work: the new state (only if the report is still
 * as it was read — otherwise `ConcurrentChangeError` rolls the unit back), its events and the
 * reporter's mail. The unit writes the events, the outbox rows and the new due times with it.
 */
export async function saveTransition(
  u: Unit,
  before: ReportState,
  t: Transition,
  recipient: Recipient | null,
  mailExtra: Record<string, unknown> = {},
): Promise<void> {
  const changed =
    t.report.status !== before.status ||
    t.report.assigneeId !== before.assigneeId ||
    t.report.statusReason !== before.statusReason ||
    t.report.duplicateOf !== before.duplicateOf
  if (changed) {
    const ok = await updateReportState(u.tx, u.cipher, before.orgId, before.id, before.version, {
      status: t.report.status,
      // The reason belongs to the status: it is written when the status changes, never otherwise.
      ...(t.report.status !== before.status ? { statusReason: t.report.statusReason } : {}),
      duplicateOf: t.report.duplicateOf,
      assigneeId: t.report.assigneeId,
      updatedAt: u.at,
    })
    if (!ok) throw new ConcurrentChangeError()
  }
  u.record(...t.events)
  u.send(...reporterMail(t.messages, before.ref, recipient, mailExtra))
}
