import type { Deps } from '../../deps.js'
import { type EventType, eventTypes } from '../../domain/events.js'
import { listAuditEvents } from '../../storage/repositories/event-repository.js'
import { listMembers } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'

export const auditPageSize = 50

/** The audit page's filters as the address carries them; anything malformed is ignored, never an error. */
export interface AuditQuery {
  who?: string | undefined
  ref?: string | undefined
  kind?: string | undefined
  from?: string | undefined
  to?: string | undefined
  before?: string | undefined
}

export interface AuditEntry {
  seq: number
  at: string
  actorKind: string
  actorId: string | null
  /** The member's name when the account is (still) a member of the organization. */
  actorName: string | null
  ref: string | null
  type: string
  data: Record<string, unknown>
}

const day = /^\d{4}-\d{2}-\d{2}$/
const validDay = (value: string | undefined) =>
  value && day.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined

/** One page of the organization's audit log (changes and reads), newest first, and what the filters can offer. */
export async function listAuditLog(deps: Deps, org: OrganizationRow, query: AuditQuery) {
  const from = validDay(query.from)
  const to = validDay(query.to)
  const before = query.before && /^\d{1,15}$/.test(query.before) ? Number(query.before) : undefined
  const kind = query.kind && (eventTypes as readonly string[]).includes(query.kind) ? (query.kind as EventType) : undefined
  const [rows, members] = await Promise.all([
    listAuditEvents(deps.db, org.id, {
      actorId: query.who || undefined,
      ref: query.ref?.trim() || undefined,
      type: kind,
      from: from && `${from}T00:00:00.000Z`,
      to: to && `${to}T23:59:59.999Z`,
      beforeSeq: before,
      limit: auditPageSize,
    }),
    listMembers(deps.db, org.id),
  ])
  const names = new Map(members.map((m) => [m.userId, m.name]))
  const entries: AuditEntry[] = rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
    ref: r.ref,
    type: r.type,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }))
  const last = entries.at(-1)
  return {
    entries,
    members,
    /** The sequence number to continue from, when the page is full. */
    next: entries.length === auditPageSize && last ? last.seq : undefined,
    filters: { who: query.who ?? '', ref: query.ref ?? '', kind: kind ?? '', from: from ?? '', to: to ?? '' },
  }
}

export type AuditLog = Awaited<ReturnType<typeof listAuditLog>>
