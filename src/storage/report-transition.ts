import type { Actor, OutgoingMessage, Transition } from '../domain/report/report.js'
import type { OrgCipher } from './cipher.js'
import type { Tx } from './db.js'
import { refreshReportClocks } from './report-clocks.js'
import { appendEvents, type NewEvent } from './repositories/event-repository.js'
import { enqueueOutbox } from './repositories/outbox-repository.js'
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

const actorColumns = (actor: Actor): Pick<NewEvent, 'actorKind' | 'actorId'> =>
  actor.kind === 'user' ? { actorKind: 'user', actorId: actor.id } : { actorKind: actor.kind, actorId: null }

/** Outbox payloads for the reporter: generic text only, never report content (mail headers are never encrypted). */
export const reporterMail = (messages: OutgoingMessage[], ref: string, recipient: Recipient | null, extra: Record<string, unknown> = {}) =>
  recipient === null
    ? []
    : messages.map((m) => ({ kind: 'mail', payload: { template: m.kind, to: recipient.email, ref, orgName: recipient.orgName, ...extra } }))

/**
 * Writes a workflow transition in the caller's transaction: the new state (only if the report is
 * still as it was read), its events and its outgoing messages, all or nothing.
 */
export async function recordTransition(
  tx: Tx,
  cipher: OrgCipher,
  before: ReportState,
  t: Transition,
  recipient: Recipient | null,
  nowIso: string,
): Promise<void> {
  const changed =
    t.report.status !== before.status ||
    t.report.assigneeId !== before.assigneeId ||
    t.report.statusReason !== before.statusReason ||
    t.report.duplicateOf !== before.duplicateOf
  if (changed) {
    const ok = await updateReportState(tx, cipher, before.orgId, before.id, before.version, {
      status: t.report.status,
      // The reason belongs to the status: it is written when the status changes, never otherwise.
      ...(t.report.status !== before.status ? { statusReason: t.report.statusReason } : {}),
      duplicateOf: t.report.duplicateOf,
      assigneeId: t.report.assigneeId,
      updatedAt: nowIso,
    })
    if (!ok) throw new ConcurrentChangeError()
  }
  await appendEvents(
    tx,
    before.orgId,
    t.events.map((e) => ({ reportId: before.id, ...actorColumns(e.actor), type: e.type, data: e.data, at: e.at })),
  )
  await enqueueOutbox(tx, before.orgId, cipher, reporterMail(t.messages, before.ref, recipient), nowIso)
  // The events may have met, started or paused clocks: store the new due times with them.
  if (t.events.length > 0 || changed) await refreshReportClocks(tx, before.orgId, before.id, nowIso)
}

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
