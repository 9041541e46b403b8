/**
 * The in-app inbox's rows (src/notifications): notifications per member, the per-organization
 * cursor over the event log, and each member's digest setting. Every query names the organization.
 * A notification holds a reference and a kind, never report text, so nothing here is sealed.
 */
import type { Role } from '../../domain/access/roles.js'
import type { Executor, Tx } from '../db.js'
import { isPostgres } from '../dialect.js'
import { newId } from '../ids.js'

export interface NotificationRow {
  id: string
  reportId: string | null
  ref: string
  kind: string
  clock: string | null
  at: string
  readAt: string | null
}

/**
 * The organization's cursor, locked for this transaction (created at 0 for an organization that
 * has none: one made after the notifications migration hears of everything from its start).
 * A second runner waits here, then reads the cursor the first one moved.
 */
export async function lockNotificationCursor(tx: Tx, orgId: string, at: string): Promise<number> {
  await tx
    .insertInto('notification_cursor')
    .values({ org_id: orgId, last_seq: 0, updated_at: at })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute()
  let query = tx.selectFrom('notification_cursor').select('last_seq').where('org_id', '=', orgId)
  if (isPostgres(tx)) query = query.forUpdate()
  return Number((await query.executeTakeFirstOrThrow()).last_seq)
}

export async function moveNotificationCursor(tx: Tx, orgId: string, lastSeq: number, at: string): Promise<void> {
  await tx.updateTable('notification_cursor').set({ last_seq: lastSeq, updated_at: at }).where('org_id', '=', orgId).execute()
}

/** Whether the organization has events the notification job has not read yet (no lock: a cheap look). */
export async function hasUnreadEvents(db: Executor, orgId: string): Promise<boolean> {
  const org = await db.selectFrom('organization').select('event_seq').where('id', '=', orgId).executeTakeFirst()
  const cursor = await db.selectFrom('notification_cursor').select('last_seq').where('org_id', '=', orgId).executeTakeFirst()
  return Number(org?.event_seq ?? 0) > Number(cursor?.last_seq ?? 0)
}

export interface LoggedEvent {
  id: string
  seq: number
  reportId: string | null
  type: string
  actorKind: 'reporter' | 'user' | 'system'
  actorId: string | null
  data: Record<string, unknown>
  at: string
}

/** The events after `seq`, oldest first, at most `limit`. */
export async function eventsAfter(db: Executor, orgId: string, seq: number, limit: number): Promise<LoggedEvent[]> {
  const rows = await db
    .selectFrom('event')
    .select(['id', 'seq', 'report_id', 'type', 'actor_kind', 'actor_id', 'data', 'at'])
    .where('org_id', '=', orgId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    reportId: r.report_id,
    type: r.type,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    at: r.at,
  }))
}

/** What the rules need of a report: its reference, holder and the policy version it runs under. */
export async function reportForNotification(
  db: Executor,
  orgId: string,
  reportId: string,
): Promise<{ ref: string; assigneeId: string | null; policyVersionId: string | null } | undefined> {
  const row = await db
    .selectFrom('report')
    .select(['ref', 'assignee_id', 'policy_version_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .executeTakeFirst()
  return row && { ref: row.ref, assigneeId: row.assignee_id, policyVersionId: row.policy_version_id }
}

/** The organization's members whose accounts are enabled. */
export async function activeMembers(db: Executor, orgId: string): Promise<Array<{ userId: string; role: Role }>> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['membership.user_id', 'membership.role'])
    .where('membership.org_id', '=', orgId)
    .where('user.disabled_at', 'is', null)
    .orderBy('membership.created_at')
    .execute()
  return rows.map((r) => ({ userId: r.user_id, role: r.role }))
}

export interface NewNotification {
  userId: string
  reportId: string | null
  ref: string
  kind: string
  clock: string | null
  eventId: string
  at: string
}

/** Writes notifications; one already written for the same member and event is left as it is. */
export async function insertNotifications(tx: Tx, orgId: string, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length === 0) return
  await tx
    .insertInto('notification')
    .values(
      rows.map((n) => ({
        id: newId(),
        org_id: orgId,
        user_id: n.userId,
        report_id: n.reportId,
        ref: n.ref,
        kind: n.kind,
        clock: n.clock,
        event_id: n.eventId,
        at: n.at,
        read_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'event_id']).doNothing())
    .execute()
}

const toRow = (r: {
  id: string
  report_id: string | null
  ref: string
  kind: string
  clock: string | null
  at: string
  read_at: string | null
}): NotificationRow => ({ id: r.id, reportId: r.report_id, ref: r.ref, kind: r.kind, clock: r.clock, at: r.at, readAt: r.read_at })

/** A member's inbox: unread first, newest first within each, at most `limit`. */
export async function listInbox(db: Executor, orgId: string, userId: string, limit: number): Promise<NotificationRow[]> {
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'report_id', 'ref', 'kind', 'clock', 'at', 'read_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy((eb) => eb.case().when('read_at', 'is', null).then(0).else(1).end())
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toRow)
}

/** A member's unread notifications, oldest first (the digest's order). */
export async function listUnread(db: Executor, orgId: string, userId: string, limit: number): Promise<NotificationRow[]> {
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'report_id', 'ref', 'kind', 'clock', 'at', 'read_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .orderBy('at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(toRow)
}

export async function countUnread(db: Executor, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Marks one of the member's notifications read; false when it is not theirs (or gone). */
export async function markNotificationRead(tx: Tx, orgId: string, userId: string, id: string, at: string): Promise<boolean> {
  const found = await tx
    .selectFrom('notification')
    .select('read_at')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!found) return false
  if (found.read_at === null) {
    await tx
      .updateTable('notification')
      .set({ read_at: at })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .execute()
  }
  return true
}

/** Marks every unread notification of the member read; returns how many. */
export async function markAllNotificationsRead(tx: Tx, orgId: string, userId: string, at: string): Promise<number> {
  const result = await tx
    .updateTable('notification')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function findDigestChoice(db: Executor, orgId: string, userId: string): Promise<string> {
  const row = await db
    .selectFrom('notification_setting')
    .select('digest')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.digest ?? 'off'
}

export async function saveDigestChoice(tx: Tx, orgId: string, userId: string, digest: string): Promise<void> {
  await tx
    .insertInto('notification_setting')
    .values({ org_id: orgId, user_id: userId, digest, digest_sent_on: null })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ digest }))
    .execute()
}

/** Members of the organization (still members, accounts enabled) who asked for a daily digest and have not had one on `day`. */
export async function listDigestsDue(db: Executor, orgId: string, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom('notification_setting')
    .innerJoin('membership', (j) =>
      j.onRef('membership.org_id', '=', 'notification_setting.org_id').onRef('membership.user_id', '=', 'notification_setting.user_id'),
    )
    .innerJoin('user', 'user.id', 'notification_setting.user_id')
    .select('notification_setting.user_id')
    .where('notification_setting.org_id', '=', orgId)
    .where('membership.org_id', '=', orgId)
    .where('user.disabled_at', 'is', null)
    .where('notification_setting.digest', '=', 'daily')
    .where((eb) => eb.or([eb('notification_setting.digest_sent_on', 'is', null), eb('notification_setting.digest_sent_on', '<', day)]))
    .execute()
  return rows.map((r) => r.user_id)
}

/**
 * Locks the member's setting row and claims `day` for their digest: true when this transaction
 * may send it (daily, and none sent on that day yet). A second runner waits for the lock, then
 * finds the day taken.
 */
export async function claimDigestDay(tx: Tx, orgId: string, userId: string, day: string): Promise<boolean> {
  let query = tx
    .selectFrom('notification_setting')
    .select(['digest', 'digest_sent_on'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
  if (isPostgres(tx)) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (row?.digest !== 'daily' || (row.digest_sent_on !== null && row.digest_sent_on >= day)) return false
  await tx
    .updateTable('notification_setting')
    .set({ digest_sent_on: day })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute()
  return true
}

/** A member's address, when their account is enabled and they are still a member. */
export async function memberAddress(db: Executor, orgId: string, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select('user.email')
    .where('membership.org_id', '=', orgId)
    .where('membership.user_id', '=', userId)
    .where('user.disabled_at', 'is', null)
    .executeTakeFirst()
  return row?.email
}
