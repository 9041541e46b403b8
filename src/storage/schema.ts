/**
 * Table types for Kysely. Times are ISO-8601 UTC strings in code on both dialects
 * (`text` on SQLite, `timestamptz` on PostgreSQL, parsed back to ISO strings by the pool).
 * Columns ending in `_enc` hold ciphertext from `cipher.ts`, never plain text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface OrganizationTable {
  id: string
  slug: string
  name: string
  ref_prefix: string
  /** The organization's data key, wrapped (encrypted) by the master key. */
  data_key_wrapped: string
  event_seq: Generated<number>
  event_head: Generated<string>
  created_at: string
  /** The policy version the organization runs now; null before its first policy. */
  policy_version_id: Generated<string | null>
}

export interface ProgramTable {
  id: string
  org_id: string
  slug: string
  name: string
  kind: 'open-source' | 'web-app' | 'other' | 'third-party'
  in_scope: Generated<number>
  description: Generated<string>
  created_at: string
  /** `policy`: written from the policy's programs; `admin-page`: added on the old admin page, before programs moved into the policy. */
  origin: Generated<'policy' | 'admin-page'>
}

export interface UserTable {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: string
  disabled_at: string | null
}

export type { Role } from '../domain/access/roles.js'

import type { Role } from '../domain/access/roles.js'

export interface MembershipTable {
  org_id: string
  user_id: string
  role: Role
  created_at: string
}

export interface SessionTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string
  user_id: string
  created_at: string
  last_seen_at: string
  expires_at: string
  /** The browser's User-Agent at sign-in (cut to 300 characters), shown as the device on /account/sessions. */
  user_agent?: string | null
  /** The client address at sign-in, only when EMBARGO_SESSION_ADDRESSES is on; otherwise null. */
  client_address?: string | null
  /** When this session passed its second factor; null for a session that signed in with a password only. */
  mfa_verified_at: Generated<string | null>
  /** Set when the organization's identity provider started the session: it is good for that organization only. */
  sso_org_id?: string | null
  /** With `sso_org_id`: 1 when the provider asserted multi-factor authentication (and the organization trusts it). */
  sso_mfa?: number | null
}

/** An organization's OpenID Provider for single sign-on; the client secret is sealed (`org_sso.client_secret|<org>`). */
export interface OrgSsoTable {
  org_id: string
  display_name: string
  issuer: string
  client_id: string
  client_secret_enc: string
  /** Lower-case e-mail domains separated by single spaces. */
  allowed_domains: string
  /** Role given on a first sign-in (just-in-time membership); null = no just-in-time membership. */
  jit_role: Role | null
  trust_provider_mfa: Generated<number>
  enabled: Generated<number>
  updated_at: string
}

/**
 * A report marked under the EU Cyber Resilience Act (src/regulation): evidence sealed
 * (`cra_case.evidence|<id>`), stage forms sealed (`cra_case.drafts|<id>`), filings and alert keys in clear.
 */
export interface CraCaseTable {
  id: string
  org_id: string
  report_id: string
  kind: 'vulnerability' | 'incident'
  aware_at: string
  evidence_enc: string
  measure_at: string | null
  /** JSON: stage → { at, reference }. */
  filings: Generated<string>
  drafts_enc: string | null
  /** JSON: keys of the alerts already sent. */
  alerts_sent: Generated<string>
  wake_at: string | null
  version: Generated<number>
  created_by: string
  created_at: string
  updated_at: string
}

/** An organization's CVE Services (CNA) credentials; the API key is sealed (`cve_services.api_key|<org>`). */
export interface CveServicesTable {
  org_id: string
  /** The CNA's short name (CVE-API-ORG). */
  short_name: string
  /** The CNA user (CVE-API-USER). */
  api_user: string
  api_key_enc: string
  /** The API's base URL, https (http only when the operator allows it, EMBARGO_CVE_SERVICES_HTTP). */
  endpoint: string
  updated_at: string
}

/** A provider's account (issuer + subject) linked to an Embargo account, per organization. */
export interface SsoIdentityTable {
  org_id: string
  issuer: string
  subject: string
  user_id: string
  created_at: string
}

/** An invitation to join an organization; only the SHA-256 of its link's token is stored. */
export interface InvitationTable {
  id: string
  org_id: string
  email: string
  role: Role
  token_hash: string
  invited_by: string | null
  created_at: string
  expires_at: string
  accepted_at: string | null
  accepted_by: string | null
  revoked_at: string | null
}

/** A single-use, short-lived password-reset link; only the SHA-256 of its token is stored. */
export interface PasswordResetTable {
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  used_at: string | null
}

/** An authenticator app's TOTP secret, sealed (instance key, context `mfa_totp.secret|<user id>`). */
export interface MfaTotpTable {
  user_id: string
  secret_enc: string
  created_at: string
  /** Null until the person typed a first code from the app; an unconfirmed secret is no factor. */
  confirmed_at: string | null
  /** The last time step whose code was accepted: a code of that step or an earlier one is a replay. */
  last_step: number | string | null
}

/** A WebAuthn credential (passkey or security key): only its public key is stored. */
export interface MfaPasskeyTable {
  /** The credential id, base64url. */
  id: string
  user_id: string
  public_key: string
  counter: number | string
  transports: Generated<string>
  name: string
  created_at: string
  last_used_at: string | null
}

/** A single-use recovery code; only its SHA-256 is stored. */
export interface MfaRecoveryCodeTable {
  code_hash: string
  user_id: string
  created_at: string
  used_at: string | null
}

/**
 * A short-lived step of a second-factor flow: `sign-in` (password done, keyed by the hash of the
 * cookie that carries it), `passkey-registration` (bound to a session), `recovery-codes` (new
 * codes, sealed, waiting to be shown once).
 */
export interface MfaChallengeTable {
  id: string
  user_id: string
  purpose: 'sign-in' | 'passkey-registration' | 'recovery-codes'
  session_id: string | null
  webauthn_challenge: string | null
  next: Generated<string>
  payload_enc: string | null
  failures: Generated<number>
  created_at: string
  expires_at: string
}

/** One failed guess (password, reset request, second factor), for the throttles every process shares. */
export interface ThrottleFailureTable {
  /** Which throttle: `sign-in`, `password-change`, `password-reset`, `second-factor`. */
  scope: string
  /** HMAC of what is counted (account, or account and client network): never the plain value. */
  key: string
  at: string
}

export interface RequestWindowTable {
  /** HMAC of the route and the client key (src/http/request-limits.ts): never the client address. */
  key: string
  /** When the current fixed window ends; a request at or after it starts a new one. */
  ends_at: string
  /** Requests counted in the current window. */
  hits: number
}

export interface SetupTokenTable {
  token_hash: string
  created_at: string
  expires_at: string
}

export interface ReportTable {
  id: string
  org_id: string
  ref: string
  program_id: string | null
  reporter_id: string
  status: string
  /** Why a report was rejected, sealed (context `report.status_reason|<id>`); set with status `rejected`. */
  status_reason_enc: string | null
  duplicate_of: string | null
  title_enc: string
  /** JSON of the structured fields (description, steps, impact, affected version, …), encrypted. */
  fields_enc: string
  channel: 'web' | 'api' | 'email' | 'external'
  credit_preference: 'name' | 'pseudonym' | 'anonymous'
  assignee_id: string | null
  received_at: string
  updated_at: string
  /** Bumped on every change; lets concurrent edits fail instead of overwriting each other. */
  version: Generated<number>
  /** Routes mail to this report (`security+r-<token>@…`); set on first mail. Not a read capability. */
  reply_token: Generated<string | null>
  /** The policy version the report was received under (its clocks keep that version's promises). */
  policy_version_id: Generated<string | null>
  severity: Generated<'low' | 'medium' | 'high' | 'critical' | null>
  /** CVSS vectors as the policy's scoring allows (never scores: they follow from the vector). */
  cvss31_vector: Generated<string | null>
  cvss40_vector: Generated<string | null>
  /** JSON array of label names. */
  labels: Generated<string>
  /** Clock due times, recomputed in the transaction of every change that moves them. */
  next_due_at: Generated<string | null>
  acknowledge_due_at: Generated<string | null>
  detailed_response_due_at: Generated<string | null>
  reporter_update_due_at: Generated<string | null>
  resolution_due_at: Generated<string | null>
  disclosure_due_at: Generated<string | null>
  /** When the clock scheduler must look at the report again; null when nothing is left to do. */
  wake_at: Generated<string | null>
}

/** One version of an organization's policy file. Immutable (database triggers refuse UPDATE and DELETE). */
export interface PolicyVersionTable {
  id: string
  org_id: string
  version: number
  source_yaml: string
  parsed_json: string
  created_by: string | null
  created_at: string
}

export interface ReporterTable {
  id: string
  org_id: string
  name_enc: string | null
  email_enc: string | null
  created_at: string
  /** Armored OpenPGP public key, sealed. */
  public_key_enc: Generated<string | null>
  /** 'confirmed' (form, or a person confirmed it) or 'proposed' (arrived with a mail). */
  public_key_status: Generated<'confirmed' | 'proposed' | null>
}

export interface ReportAccessTable {
  /** SHA-256 of the follow-up token. */
  token_hash: string
  org_id: string
  report_id: string
  created_at: string
  revoked_at: string | null
}

export interface MessageTable {
  id: string
  org_id: string
  report_id: string
  author_kind: 'reporter' | 'responder' | 'system'
  author_user_id: string | null
  visibility: 'reporter' | 'internal'
  body_enc: string
  created_at: string
}

export interface EventTable {
  id: string
  org_id: string
  seq: number
  report_id: string | null
  actor_kind: 'reporter' | 'user' | 'system'
  actor_id: string | null
  type: string
  /** JSON; never report text (that lives encrypted in its own columns). */
  data: string
  at: string
  prev_hash: string
  hash: string
}

export interface OutboxTable {
  id: string
  org_id: string
  kind: string
  /** JSON payload, encrypted: it names recipients and may quote report text. */
  payload_enc: string
  attempts: Generated<number>
  next_attempt_at: string
  done_at: string | null
  last_error: string | null
  created_at: string
  /** Set when delivery failed for good (permanent error or attempts exhausted); an admin may retry. */
  dead_at: Generated<string | null>
}

export interface ReferenceCounterTable {
  org_id: string
  year: number
  last: number
}

/** Mail settings and OpenPGP key of one organization. */
export interface OrgMailTable {
  org_id: string
  security_address: string
  encryption_required: Generated<number>
  private_key_enc: string | null
  passphrase_enc: string | null
  public_key: string | null
  fingerprint: string | null
  updated_at: string
}

/** A raw mail as it arrived, stored (sealed) before it was answered 250 or flagged seen. */
export interface InboundMailTable {
  id: string
  org_id: string
  source: 'smtp' | 'imap'
  received_at: string
  /** Sealed Message-ID (or `sha256:<hex>` when the mail has none); AAD `inbound_mail.message_id|<id>`. */
  message_id_enc: string
  /** Blind index of the Message-ID (`cipher.blindIndex('message-id', …)`), null without one. */
  message_id_index: string | null
  /** Dedup key: unique per organization. */
  raw_sha256: string
  size: number
  raw_enc: string
  envelope: string
  state: 'received' | 'ingested' | 'quarantined'
  reason: string | null
  attempts: Generated<number>
  report_id: string | null
  ingested_at: string | null
}

export interface AttachmentTable {
  id: string
  org_id: string
  report_id: string
  message_id: string | null
  /** The sanitized file name, sealed (context `attachment.name|<id>`). */
  safe_name_enc: string
  /** The type the sender declared. Kept for the record; never trusted, never sent back. */
  content_type: string
  /** The type `file-type` recognized from the bytes; null when it recognized none (or stored before sniffing). */
  sniffed_type: Generated<string | null>
  size: number
  sha256: string
  content_enc: string
  created_at: string
}

export interface MailThreadTable {
  org_id: string
  /** Blind index of the Message-ID (`cipher.blindIndex('message-id', …)`): the lookup key. */
  message_id_index: string
  /** Sealed Message-ID; AAD `mail_thread.message_id|<message_id_index>`. Null only before `sealLegacyMessageIds`. */
  message_id_enc: string | null
  /** 1 when different mails claimed this Message-ID: it threads nothing any more. */
  ambiguous: Generated<number>
  report_id: string
  direction: 'in' | 'out'
  created_at: string
}

/** A credit line on a report: the reporter's (shown publicly only with consent, see domain/advisory/credit-consent.ts) or another person's. */
export interface ReportCreditTable {
  id: string
  org_id: string
  report_id: string
  subject: 'reporter' | 'other'
  /** Sealed name, context `report_credit.name|<id>`. */
  name_enc: string
  role: string
  consent: 'proposed' | 'accepted' | 'declined'
  intake: 'asked' | 'declined' | 'silent'
  created_by: string | null
  created_at: string
  updated_at: string
  answered_at: string | null
}

/** A reward of the policy recorded for a report, and when it was sent. */
export interface ReportRewardTable {
  id: string
  org_id: string
  report_id: string
  reward_index: number
  kind: string
  amount: number | null
  currency: string | null
  sent_at: string | null
  created_by: string | null
  created_at: string
}

/** An advisory (src/domain/advisory); its content sealed, AAD `<org>|advisory.content|<id>`. */
export interface AdvisoryTable {
  id: string
  org_id: string
  own_id: string
  state: string
  revision: Generated<number>
  content_enc: string
  gcve: string | null
  submitted_by: string | null
  approved_by: string | null
  scheduled_for: string | null
  published_at: string | null
  withdrawn_at: string | null
  withdrawn_reason_enc: string | null
  /** The latest published revision, public by then (JSON of the record); null until published. */
  published_json: string | null
  /** The planned release (issue 12): partners' early notice and the release windows count back from it. */
  release_at: Generated<string | null>
  /** When the team recorded the fix merged publicly (`disclosure.releaseWindows.publicMerge`); null: not yet. */
  merged_at: Generated<string | null>
  /** The planned release for which the team was told the public-merge window opened (once per planned release). */
  merge_alerted_for: Generated<string | null>
  created_by: string | null
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface AdvisoryReportTable {
  advisory_id: string
  org_id: string
  report_id: string
  linked_at: string
}

/** Every change of an advisory: who, when, which action, which fields, and the sealed content after it. */
export interface AdvisoryRevisionTable {
  id: string
  org_id: string
  advisory_id: string
  seq: number
  action: string
  actor_kind: string
  actor_id: string | null
  state: string
  revision: number
  changed: Generated<string>
  content_enc: string
  created_at: string
}

export interface AdvisoryCounterTable {
  org_id: string
  series: 'own' | 'gcve'
  year: number
  last: number
}

/** An API token of one member of one organization (issue 13, item 6); only the secret's SHA-256 is stored. */
export interface ApiTokenTable {
  id: string
  org_id: string
  user_id: string
  name: string
  scope: 'read' | 'work'
  token_hash: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  last_used_at: string | null
}

export interface DB {
  organization: OrganizationTable
  program: ProgramTable
  user: UserTable
  membership: MembershipTable
  session: SessionTable
  setup_token: SetupTokenTable
  report: ReportTable
  reporter: ReporterTable
  report_access: ReportAccessTable
  message: MessageTable
  event: EventTable
  outbox: OutboxTable
  reference_counter: ReferenceCounterTable
  org_mail: OrgMailTable
  inbound_mail: InboundMailTable
  attachment: AttachmentTable
  mail_thread: MailThreadTable
  policy_version: PolicyVersionTable
  report_credit: ReportCreditTable
  report_reward: ReportRewardTable
  invitation: InvitationTable
  password_reset: PasswordResetTable
  advisory: AdvisoryTable
  advisory_report: AdvisoryReportTable
  advisory_revision: AdvisoryRevisionTable
  advisory_counter: AdvisoryCounterTable
  mfa_totp: MfaTotpTable
  mfa_passkey: MfaPasskeyTable
  mfa_recovery_code: MfaRecoveryCodeTable
  mfa_challenge: MfaChallengeTable
  throttle_failure: ThrottleFailureTable
  request_window: RequestWindowTable
  api_token: ApiTokenTable
  org_sso: OrgSsoTable
  sso_identity: SsoIdentityTable
  cve_services: CveServicesTable
  announcement_channel: AnnouncementChannelTable
  announcement: AnnouncementTable
  notice_announcement: NoticeAnnouncementTable
  cve_record: CveRecordTable
  partner: PartnerTable
  partner_notice: PartnerNoticeTable
  report_publication: ReportPublicationTable
  cra_case: CraCaseTable
  reply_template: ReplyTemplateTable
  notification: NotificationTable
  notification_cursor: NotificationCursorTable
  notification_setting: NotificationSettingTable
}

export type OrganizationRow = Selectable<OrganizationTable>
export type ProgramRow = Selectable<ProgramTable>
export type UserRow = Selectable<UserTable>
export type ReportRow = Selectable<ReportTable>
export type NewReport = Insertable<ReportTable>
export type ReportUpdate = Updateable<ReportTable>
export type MessageRow = Selectable<MessageTable>
export type EventRow = Selectable<EventTable>
export type OutboxRow = Selectable<OutboxTable>
export type InvitationRow = Selectable<InvitationTable>
export type ApiTokenRow = Selectable<ApiTokenTable>

/** How one of the policy's announcement channels (by name) is delivered; its secrets are sealed (`announcement_channel.secret|<id>`). */
export interface AnnouncementChannelTable {
  id: string
  org_id: string
  /** The `disclosure.announcements[].name` it delivers. */
  name: string
  /** `mail`, `slack`, `matrix` or `webhook`. */
  delivery: string
  /** What the page may show: the list address, the webhook's host, the homeserver and room. Never a secret. */
  target: string
  /** JSON of the delivery's settings (addresses, tokens, signing secret), sealed. */
  secret_enc: string
  updated_at: string
}

/** One notice (e.g. a CRA case's notice to users, key `cra:<case id>`) sent on one channel: unique per (org, notice, channel). */
export interface NoticeAnnouncementTable {
  id: string
  org_id: string
  notice_key: string
  channel: string
  delivery: string
  outbox_id: string
  created_at: string
}

/** One advisory announced on one channel: unique per (advisory, channel); its delivery is the outbox row `outbox_id`. */
export interface AnnouncementTable {
  id: string
  org_id: string
  advisory_id: string
  channel: string
  delivery: string
  outbox_id: string
  created_at: string
}

/** A CVE record pushed to CVE Services for an advisory whose CVE id was reserved there (`cve_record`). */
export interface CveRecordTable {
  advisory_id: string
  org_id: string
  cve_id: string
  /** The published revision to push; null until the advisory is published. */
  due_revision: number | null
  /** The last published revision CVE Services took. */
  pushed_revision: number | null
  first_published_at: string | null
  pushed_at: string | null
  /** CVE Services' refusal of the last try (never a key). */
  last_error: string | null
  attempts: Generated<number>
  next_attempt_at: string | null
  lease_until: string | null
  created_at: string
  /** The advisory was withdrawn: its record is to be rejected at CVE Services (if CVE Services has it). */
  reject_requested_at: string | null
  /** CVE Services took the rejection. */
  rejected_at: string | null
}

/** An organization's partner (issue 12): contacts and their OpenPGP keys sealed (`partner.contacts|<id>`). */
export interface PartnerTable {
  id: string
  org_id: string
  name: string
  kind: string
  /** The longest embargo the partner accepts, in policy words ("7 days"); null: no limit of their own. */
  max_embargo: string | null
  /** JSON arrays of label names and program slugs the partner does not want to hear about. */
  excluded_labels: Generated<string>
  excluded_programs: Generated<string>
  contacts_enc: string
  created_at: string
  updated_at: string
  removed_at: string | null
}

/** One early notice of an advisory to one partner: scheduled, sent, acknowledged (or cancelled). */
export interface PartnerNoticeTable {
  id: string
  org_id: string
  advisory_id: string
  partner_id: string
  state: string
  notify_at: string
  sent_at: string | null
  viewed_at: string | null
  acknowledged_at: string | null
  reminded_at: string | null
  reminders: Generated<number>
  /** SHA-256 of the partner's capability token; null until the notice is sent. */
  token_hash: string | null
  created_by: string | null
  created_at: string
}

/** The public version of a report (src/domain/report-publication): sealed until published, then its public record in clear. */
export interface ReportPublicationTable {
  id: string
  org_id: string
  report_id: string
  state: string
  outcome: string
  /** Sealed JSON {title, body, reason}, context `report_publication.text|<id>`. */
  text_enc: string
  after_advisory: string | null
  prepared_by: string
  approved_by: string | null
  shown_at: string | null
  objection_ends_at: string | null
  /** Sealed, context `report_publication.objection|<id>`. */
  objection_enc: string | null
  published_at: string | null
  published_json: string | null
  created_at: string
  updated_at: string
  version: Generated<number>
}

/** A team's reply template (src/reply-templates): name in clear, body sealed (`reply_template.body|<id>`). */
export interface ReplyTemplateTable {
  id: string
  org_id: string
  name: string
  body_enc: string
  /** 1: inserting it ticks "detailed response" on the reply form. */
  detailed: Generated<number>
  created_by: string | null
  created_at: string
  updated_at: string
}
/** One member's notification of one event (src/notifications): a reference and a kind, never report text. */
export interface NotificationTable {
  id: string
  org_id: string
  user_id: string
  report_id: string | null
  ref: string
  kind: string
  clock: string | null
  event_id: string
  at: string
  read_at: string | null
}

/** The last event (by sequence number) the notification job has read, per organization. */
export interface NotificationCursorTable {
  org_id: string
  last_seq: number
  updated_at: string
}

/** A member's notification settings: the mail digest (`off` or `daily`) and the day of the last one sent. */
export interface NotificationSettingTable {
  org_id: string
  user_id: string
  digest: Generated<string>
  digest_sent_on: string | null
}

/** The queue's search (issue 14 item 5; migration 2026-12-02T1630-queue-search), merged into `DB` here so the list above stays as it was. */
export interface DB {
  report_search_token: ReportSearchTokenTable
  search_index_state: SearchIndexStateTable
  saved_view: SavedViewTable
}

/** One token of a report's blind index: HMAC (hex) of a normalised word or address under the organization's search key. */
export interface ReportSearchTokenTable {
  org_id: string
  report_id: string
  token: string
}

/** The organization's reports stored before the blind index existed have been indexed (once, on first use). */
export interface SearchIndexStateTable {
  org_id: string
  backfilled_at: string
}

/** A member's named queue filters. */
export interface SavedViewTable {
  id: string
  org_id: string
  user_id: string
  name: string
  /** The queue's address query string, sealed (context `saved_view.query|<id>`): it may hold search words. */
  query_enc: string
  created_at: string
}
