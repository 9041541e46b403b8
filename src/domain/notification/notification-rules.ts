/**
 * Which event means what for whom in the in-app inbox (issue 14 item 6). Pure: the caller passes
 * the event, the report as it stands (reference, holder, the policy's need-to-know rule) and the
 * organization's active members; out come the notifications to write.
 *
 * Rules:
 * - `report.received`: every working member (admin, responder) — every member covers every
 *   program of the organization (programs belong to the organization, not to members).
 * - `reporter.replied`, a clock at its reminder point (`escalation.sent` with action `remind`, at
 *   the policy's `remindAt`, 75 % unless told) and a breach (`clock.breached`): the report's holder;
 *   the working team when nobody holds it (or the holder is no longer a member).
 * - `report.assigned` to someone other than the one who did it: that member ("given to you").
 * - Need to know: nobody is told of a report they may not read (`mayReadReportText`, decided on the
 *   report as it stands when the notification is made), and nobody is told of their own action.
 * - A notification carries the report's reference and what happened (a kind, a clock name) —
 *   never anything the reporter wrote.
 */
import { mayReadReportText, type SharedWith } from '../access/need-to-know.js'
import type { Role } from '../access/roles.js'

export const notificationKinds = ['report-received', 'reporter-replied', 'clock-warning', 'clock-breached', 'assigned'] as const
export type NotificationKind = (typeof notificationKinds)[number]

export interface NotifiableEvent {
  type: string
  actorKind: 'reporter' | 'user' | 'system'
  actorId: string | null
  data: Readonly<Record<string, unknown>>
}

export interface ReportFacts {
  /** The holder now; null when unheld. */
  assigneeId: string | null
  sharedWith: SharedWith
}

export interface Member {
  userId: string
  role: Role
}

export interface NotificationDraft {
  userId: string
  kind: NotificationKind
  /** The clock, for clock notifications. */
  clock: string | null
}

const working = (m: Member) => m.role === 'admin' || m.role === 'responder'

/** What the event means, or null when it is nothing for the inbox. */
export function kindOf(event: NotifiableEvent): { kind: NotificationKind; clock: string | null } | null {
  switch (event.type) {
    case 'report.received':
      return { kind: 'report-received', clock: null }
    case 'reporter.replied':
      return { kind: 'reporter-replied', clock: null }
    case 'escalation.sent':
      return event.data.action === 'remind' && typeof event.data.clock === 'string'
        ? { kind: 'clock-warning', clock: event.data.clock }
        : null
    case 'clock.breached':
      return typeof event.data.clock === 'string' ? { kind: 'clock-breached', clock: event.data.clock } : null
    case 'report.assigned':
      return typeof event.data.to === 'string' ? { kind: 'assigned', clock: null } : null
    default:
      return null
  }
}

/** The holder when they are still a member, otherwise the working team. */
function holderOrTeam(report: ReportFacts, members: readonly Member[]): Member[] {
  const holder = members.find((m) => m.userId === report.assigneeId)
  return holder ? [holder] : members.filter(working)
}

/** The notifications one event makes for the organization's active `members`. */
export function notificationsFor(event: NotifiableEvent, report: ReportFacts, members: readonly Member[]): NotificationDraft[] {
  const meaning = kindOf(event)
  if (!meaning) return []
  let audience: Member[]
  if (meaning.kind === 'report-received') audience = members.filter(working)
  else if (meaning.kind === 'assigned') audience = members.filter((m) => m.userId === event.data.to)
  else audience = holderOrTeam(report, members)
  const actor = event.actorKind === 'user' ? event.actorId : null
  return audience
    .filter((m) => m.userId !== actor)
    .filter((m) => mayReadReportText({ role: m.role, userId: m.userId }, report, report.sharedWith))
    .map((m) => ({ userId: m.userId, kind: meaning.kind, clock: meaning.clock }))
}

/** The digest setting of a member: off unless they asked for it. */
export const digestChoices = ['off', 'daily'] as const
export type DigestChoice = (typeof digestChoices)[number]

/** The calendar day (UTC) a digest belongs to: one digest per member per day. */
export const digestDay = (now: string): string => now.slice(0, 10)
