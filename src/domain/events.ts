/**
 * The one catalogue of what can happen to an organization's data. Every change writes one or
 * more of these to the hash-chained event log (the timeline and the audit trail) in the same
 * unit of work as the change itself; views, clocks and the audit page read them back by type.
 *
 * `data` holds small facts (ids, statuses, references, flags) and never report text: the event
 * log is not encrypted, so nothing a reporter wrote may appear in it.
 */
import type { ReportStatus } from './report/status.js'

type Scalar = string | number | boolean | null

/** The data of each event type. Adding a type here is the only way to record a new kind of event. */
export interface EventData {
  'organization.created': { slug: string }
  'member.added': { userId: string; role: string }
  'program.added': { programId: string; slug: string }
  'policy.imported': { version: number; policyVersionId: string; sha256: string; previous: number | null }

  'report.received': { channel: string; ref: string }
  /** A report received on another platform, registered by the team; `platform` is the policy's platform name, or null for one it does not list. */
  'report.registered': { platform: string | null }
  'report.status_changed': { from: ReportStatus; to: ReportStatus; duplicateOf?: string }
  'report.claimed': { assignee: string }
  'report.assigned': { from: string | null; to: string | null; rule?: string }
  'report.released': { from: string }
  'report.severity_set': { from: string | null; to: string | null }
  /** A CVSS vector set or cleared on a report (vectors only: scores follow from them). */
  'report.cvss_set': { version: string; from: string | null; to: string | null }
  'report.labels_set': { labels: string }
  'report.waiting_on_reporter': Record<string, never>
  /** A reply to the reporter; a detailed response carries `detailed` and the content flags the policy asks for. */
  'reply.sent': { detailed?: boolean } & Record<string, Scalar | undefined>
  'note.added': Record<string, never>
  'reporter.replied': Record<string, never>
  'reporter.escalated': { step: number; target: string }
  'process.step_done': { step: string }
  'process.step_skipped': { step: string }
  /** An automatic reminder or escalation; `key` makes each one happen exactly once. */
  'escalation.sent': { key: string; action: string; to: string; clock?: string; step?: number; target?: string }
  'advisory.published': { advisoryId: string }
  /** A team member downloaded a reporter's file; named by id and hash only (file names are report text). */
  'file.downloaded': { kind: 'attachment' | 'mail'; file: string; sha256: string }
  'reporter.link_revoked': Record<string, never>
  'reporter.link_reissued': Record<string, never>
  /** A different mail carried the Message-ID of an earlier one; on the timeline of every report involved. */
  'mail.message_id_reused': { inboundId: string; mails: number }
  /** The team proposed a credit line to the reporter (the name is report text: sealed in its own row, never here). */
  'credit.proposed': { creditId: string; role: string }
  /** The team credited someone other than the reporter (an analyst, a coordinator, a tool). */
  'credit.added': { creditId: string; role: string }
  'credit.removed': { creditId: string }
  /** The reporter accepted the proposed credit line; `renamed` when they changed the name. */
  'credit.accepted': { creditId: string; renamed: boolean }
  'credit.declined': { creditId: string }
  /** A reward of the policy recorded for the report (by its position in the policy's list). */
  'reward.recorded': { rewardId: string; kind: string; amount: number | null; currency: string | null }
  'reward.sent': { rewardId: string; kind: string }

  // Accounts (issue 13): organization-level events, reportId null; never an address or a secret.
  /** An administrator invited someone by address (the address stays out of the log). */
  'member.invited': { invitationId: string; role: string }
  'member.invitation_revoked': { invitationId: string }
  /** The invitee accepted: a new account (`newAccount`) or an existing one joined. */
  'member.invitation_accepted': { invitationId: string; userId: string; role: string; newAccount: boolean }
  'member.role_changed': { userId: string; from: string; to: string }
  'member.removed': { userId: string; role: string; sessionsEnded: number }
  'account.disabled': { userId: string; sessionsEnded: number }
  'account.enabled': { userId: string }
  /** Written to every organization the person belongs to. */
  'account.password_changed': { userId: string; sessionsEnded: number }
  'account.password_reset': { userId: string; sessionsEnded: number }
  'account.session_ended': { userId: string; current: boolean }
  /** The advisory events (src/domain/advisory/workflow.ts); a report's timeline gets `advisory.linked` and `advisory.published`. */
  'advisory.created': { advisoryId: string; ownId: string }
  'advisory.linked': { advisoryId: string; ownId: string }
  'advisory.edited': { advisoryId: string; from: string }
  'advisory.submitted': { advisoryId: string }
  'advisory.approved': { advisoryId: string }
  'advisory.returned': { advisoryId: string }
  'advisory.scheduled': { advisoryId: string; for: string }
  'advisory.unscheduled': { advisoryId: string }
  /** A published advisory changed: a new published revision. */
  'advisory.updated': { advisoryId: string; revision: number }
  'advisory.withdrawn': { advisoryId: string }
  /** A scheduled publication could not run (a linked report was not ready): back to ready. */
  'advisory.schedule_failed': { advisoryId: string; code: string }
  /** An identifier was set: a GCVE id allocated or a CVE id entered (the id itself is in the advisory). */
  'advisory.identifier_set': { advisoryId: string; kind: 'cve' | 'gcve' }
  /** A member enrolled a second factor (recorded in every organization they belong to; never the secret). */
  'mfa.factor_added': { factor: 'totp' | 'passkey' | 'recovery-codes' }
  /** A member removed a second factor (after typing their password again). */
  'mfa.factor_removed': { factor: 'totp' | 'passkey' }
  /** A member signed in with a recovery code; `remaining` unused codes are left. */
  'mfa.recovery_code_used': { remaining: number }
  /** A team member read a report's text (the report page, or the API with token `token`). Changes nothing: no clock moves. */
  'report.read': { via: 'page' | 'api'; token?: string }
  /** A member created an API token (named by id; the secret is never stored, only its SHA-256 hash). */
  'token.created': { tokenId: string; scope: 'read' | 'work'; expiresAt: string }
  'token.revoked': { tokenId: string }
  /** One request authenticated by an API token: the route's method and pattern (never its body or query). */
  'token.used': { tokenId: string; method: string; route: string }

  // Single sign-on (issue 13 item 7): never the client secret, a subject or an address.
  /** An administrator set the organization's identity provider (issuer only; the secret stays sealed). */
  'sso.configured': { issuer: string; jitRole: string | null; trustProviderMfa: boolean; enabled: boolean }
  'cve_services.configured': { shortName: string; endpoint: string }
  /** An administrator set (delivery named) or removed (delivery null) how an announcement channel is delivered; never a secret or address. */
  'announcement.channel_configured': { channel: string; delivery: string | null }
  /** A notice (`notice`: its key, e.g. `cra:<case id>`) was queued on these announcement channels; never its text. */
  'announcement.notice_queued': { notice: string; channels: string[] }
  /** A provider's account was linked to an Embargo account: a member's by verified address, or a new member's (`joined`). */
  'sso.identity_linked': { userId: string; joined: boolean; newAccount: boolean; role: string }
  /** CVE Services took the CVE record of a published revision of an advisory (first publication, or an update). */
  'advisory.cve_record_pushed': { advisoryId: string; cveId: string; revision: number; update: boolean }
  /** CVE Services took the rejection of the CVE record of a withdrawn advisory (the reason is the advisory's public one). */
  'advisory.cve_record_rejected': { advisoryId: string; cveId: string }

  // Partners and early notice (issue 12): ids, kinds and times only; never a contact address or advisory text.
  'partner.added': { partnerId: string; kind: string }
  'partner.changed': { partnerId: string }
  'partner.removed': { partnerId: string }
  /** The advisory's planned release was set (`from` the previous plan, null the first time). */
  'advisory.release_planned': { advisoryId: string; at: string; from: string | null }
  /** Early notice to a partner that may not be told yet, scheduled for the first moment it may. */
  'partner.notice_scheduled': { advisoryId: string; partnerId: string; noticeId: string; for: string }
  'partner.notice_sent': { advisoryId: string; partnerId: string; noticeId: string; contacts: number; encrypted: number }
  'partner.notice_viewed': { advisoryId: string; partnerId: string; noticeId: string }
  'partner.notice_acknowledged': { advisoryId: string; partnerId: string; noticeId: string; via: 'link' | 'mail' }
  'partner.notice_reminded': { advisoryId: string; partnerId: string; noticeId: string; reminder: number }
  /** A scheduled notice moved with the release (`for` its new time). */
  'partner.notice_rescheduled': { advisoryId: string; partnerId: string; noticeId: string; for: string }
  /** A partner already told was told the release moved. */
  'partner.release_moved_sent': { advisoryId: string; partnerId: string; noticeId: string; at: string }
  /** The team recorded the fix merged publicly (`at` the moment of the merge), within `disclosure.releaseWindows.publicMerge`. */
  'advisory.merged_publicly': { advisoryId: string; at: string; releaseAt: string }
  /** The public-merge window of the planned release (`releaseAt`) opened at `from`; the team was told. */
  'advisory.merge_window_opened': { advisoryId: string; from: string; releaseAt: string }
  // The public version of a report (src/report-publication): ids and facts only, never its text.
  'public_version.prepared': { outcome: string }
  'public_version.approved': { reviewed: boolean; objectionEndsAt: string }
  'public_version.objected': Record<string, never>
  'public_version.withdrawn': Record<string, never>
  'public_version.published': Record<string, never>

  // EU Cyber Resilience Act (issue 16, src/regulation): ids, kinds, stages and instants; never the evidence or a form's text.
  /** A team member marked the report as an actively exploited vulnerability or a severe incident: the Article 14 clocks start at `awareAt`. */
  'cra.marked': { caseId: string; kind: string; awareAt: string }
  /** A corrective or mitigating measure is available since `measureAt`: the final report's clock starts. */
  'cra.measure_recorded': { caseId: string; measureAt: string }
  /** The team saved a stage's form (the content is sealed in the case). */
  'cra.stage_saved': { caseId: string; stage: string }
  /** A stage was exported (JSON or the printable page). */
  'cra.stage_exported': { caseId: string; stage: string; format: 'json' | 'print' }
  /** The team filed a stage on ENISA's platform by hand, at `filedAt`, under `reference`. */
  'cra.stage_filed': { caseId: string; stage: string; filedAt: string; reference: string }
  /** A CRA reminder or escalation went to the whole team and the named contacts; `key` makes each happen once. */
  'cra.alert_sent': { caseId: string; key: string; stage: string; kind: string; to: string }

  // Reply templates (issue 14 item 7, src/reply-templates): ids and flags only, never a name or body.
  'reply-template.created': { templateId: string; detailed: boolean }
  'reply-template.changed': { templateId: string; detailed: boolean }
  'reply-template.deleted': { templateId: string }
  /** A clock the team owes fell due unmet (src/domain/clock/breaches.ts); `key` makes it recorded once per clock and cycle. */
  'clock.breached': { key: string; clock: string }
}

export type EventType = keyof EventData

/** Who acted: a team member by id, the reporter through their capability, or Embargo itself. */
export type EventActor = { kind: 'user'; id: string } | { kind: 'reporter' } | { kind: 'system' }

/** One event of one type, with the data that type carries. */
export type DomainEvent = {
  [T in EventType]: { type: T; actor: EventActor; at: string; reportId: string | null; data: EventData[T] }
}[EventType]

export const eventTypes = [
  'organization.created',
  'member.added',
  'program.added',
  'policy.imported',
  'report.received',
  'report.registered',
  'report.status_changed',
  'report.claimed',
  'report.assigned',
  'report.released',
  'report.severity_set',
  'report.cvss_set',
  'report.labels_set',
  'report.waiting_on_reporter',
  'reply.sent',
  'note.added',
  'reporter.replied',
  'reporter.escalated',
  'process.step_done',
  'process.step_skipped',
  'escalation.sent',
  'advisory.published',
  'file.downloaded',
  'reporter.link_revoked',
  'reporter.link_reissued',
  'mail.message_id_reused',
  'credit.proposed',
  'credit.added',
  'credit.removed',
  'credit.accepted',
  'credit.declined',
  'reward.recorded',
  'reward.sent',
  'member.invited',
  'member.invitation_revoked',
  'member.invitation_accepted',
  'member.role_changed',
  'member.removed',
  'account.disabled',
  'account.enabled',
  'account.password_changed',
  'account.password_reset',
  'account.session_ended',
  'advisory.created',
  'advisory.linked',
  'advisory.edited',
  'advisory.submitted',
  'advisory.approved',
  'advisory.returned',
  'advisory.scheduled',
  'advisory.unscheduled',
  'advisory.updated',
  'advisory.withdrawn',
  'advisory.schedule_failed',
  'advisory.identifier_set',
  'mfa.factor_added',
  'mfa.factor_removed',
  'mfa.recovery_code_used',
  'report.read',
  'token.created',
  'token.revoked',
  'token.used',
  'sso.configured',
  'cve_services.configured',
  'sso.identity_linked',
  'announcement.channel_configured',
  'advisory.cve_record_pushed',
  'advisory.cve_record_rejected',
  'partner.added',
  'partner.changed',
  'partner.removed',
  'advisory.release_planned',
  'partner.notice_scheduled',
  'partner.notice_sent',
  'partner.notice_viewed',
  'partner.notice_acknowledged',
  'partner.notice_reminded',
  'partner.notice_rescheduled',
  'partner.release_moved_sent',
  'advisory.merged_publicly',
  'advisory.merge_window_opened',
  'announcement.notice_queued',
  'public_version.prepared',
  'public_version.approved',
  'public_version.objected',
  'public_version.withdrawn',
  'public_version.published',
  'cra.marked',
  'cra.measure_recorded',
  'cra.stage_saved',
  'cra.stage_exported',
  'cra.stage_filed',
  'cra.alert_sent',
  'reply-template.created',
  'reply-template.changed',
  'reply-template.deleted',
  'clock.breached',
] as const satisfies readonly EventType[]

/**
 * Events that record an access (a read, a download, a use of a token) and change nothing: the
 * unit of work appends them to the chain but recomputes no report's due times for them.
 */
export const accessEventTypes: readonly EventType[] = ['report.read', 'file.downloaded', 'token.used', 'cra.stage_exported']

// Every type of the catalogue is listed above, and nothing else (checked by the compiler).
type Missing = Exclude<EventType, (typeof eventTypes)[number]>
const _everyTypeListed: Missing extends never ? true : Missing = true
void _everyTypeListed

export const isEventType = (type: string): type is EventType => (eventTypes as readonly string[]).includes(type)

/** Builds an event; the type decides the shape of `data`. */
export const newEvent = <T extends EventType>(
  type: T,
  actor: EventActor,
  at: string,
  reportId: string | null,
  data: EventData[T],
): Extract<DomainEvent, { type: T }> => ({ type, actor, at, reportId, data }) as Extract<DomainEvent, { type: T }>

/** Narrows a stored event to one type of the catalogue. */
export const isEvent = <T extends EventType>(event: { type: string }, type: T): event is { type: T } & { data: EventData[T] } =>
  event.type === type
