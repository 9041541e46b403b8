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
}

export interface UserTable {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: string
  disabled_at: string | null
}

export type Role = 'admin' | 'responder' | 'viewer'

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
  /** Why a report was rejected; set with status `rejected`. */
  status_reason: string | null
  duplicate_of: string | null
  title_enc: string
  /** JSON of the structured fields (description, steps, impact, affected version, …), encrypted. */
  fields_enc: string
  channel: 'web' | 'api' | 'email'
  credit_preference: 'name' | 'pseudonym' | 'anonymous'
  assignee_id: string | null
  received_at: string
  updated_at: string
  /** Bumped on every change; lets concurrent edits fail instead of overwriting each other. */
  version: Generated<number>
}

export interface ReporterTable {
  id: string
  org_id: string
  name_enc: string | null
  email_enc: string | null
  created_at: string
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
}

export interface ReferenceCounterTable {
  org_id: string
  year: number
  last: number
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
