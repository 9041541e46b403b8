import type { OrgCipher } from '../cipher.js'
import type { Executor } from '../db.js'
import { newId } from '../ids.js'

/** A channel's delivery settings, opened: what it needs to send, secrets included. */
export type ChannelSettings =
  | { delivery: 'mail'; address: string }
  | { delivery: 'slack'; url: string }
  | { delivery: 'matrix'; homeserver: string; room: string; token: string }
  | { delivery: 'webhook'; url: string; secret: string }

export interface ChannelSummary {
  id: string
  name: string
  delivery: string
  target: string
  updatedAt: string
}

export interface StoredChannel extends ChannelSummary {
  settings: ChannelSettings
}

const secretContext = (id: string) => `announcement_channel.secret|${id}`

/** The organization's configured channels, without opening a secret. */
export const listAnnouncementChannels = async (db: Executor, orgId: string): Promise<ChannelSummary[]> =>
  (
    await db
      .selectFrom('announcement_channel')
      .select(['id', 'name', 'delivery', 'target', 'updated_at'])
      .where('org_id', '=', orgId)
      .orderBy('name')
      .execute()
  ).map((r) => ({ id: r.id, name: r.name, delivery: r.delivery, target: r.target, updatedAt: r.updated_at }))

export async function findAnnouncementChannel(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  name: string,
): Promise<StoredChannel | undefined> {
  const row = await db
    .selectFrom('announcement_channel')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    name: row.name,
    delivery: row.delivery,
    target: row.target,
    updatedAt: row.updated_at,
    settings: JSON.parse(cipher.decrypt(row.secret_enc, secretContext(row.id))) as ChannelSettings,
  }
}

/** Creates or replaces how the channel `name` is delivered; the settings are sealed under the organization's data key. */
export async function saveAnnouncementChannel(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  c: { name: string; target: string; settings: ChannelSettings },
  at: string,
): Promise<void> {
  const existing = await db
    .selectFrom('announcement_channel')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', c.name)
    .executeTakeFirst()
  const id = existing?.id ?? newId()
  const values = {
    delivery: c.settings.delivery,
    target: c.target,
    secret_enc: cipher.encrypt(JSON.stringify(c.settings), secretContext(id)),
    updated_at: at,
  }
  if (existing) await db.updateTable('announcement_channel').set(values).where('org_id', '=', orgId).where('id', '=', id).execute()
  else
    await db
      .insertInto('announcement_channel')
      .values({ id, org_id: orgId, name: c.name, ...values })
      .execute()
}

/** Stops delivering the channel `name`; announcements already made stay listed. */
export async function removeAnnouncementChannel(db: Executor, orgId: string, name: string): Promise<boolean> {
  const r = await db.deleteFrom('announcement_channel').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

/** The published record of an advisory by its row id (what announcements are made from), if it is public. */
export async function findPublishedById(db: Executor, orgId: string, advisoryId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('advisory')
    .select('published_json')
    .where('org_id', '=', orgId)
    .where('id', '=', advisoryId)
    .executeTakeFirst()
  return row?.published_json ?? undefined
}

/**
 * Records that the advisory is announced on this channel, delivered by the outbox row `outboxId`.
 * False when it already was (the unique (advisory, channel) row exists): the caller queues nothing.
 */
export async function insertAnnouncement(
  db: Executor,
  a: { id: string; orgId: string; advisoryId: string; channel: string; delivery: string; outboxId: string; at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('announcement')
    .values({
      id: a.id,
      org_id: a.orgId,
      advisory_id: a.advisoryId,
      channel: a.channel,
      delivery: a.delivery,
      outbox_id: a.outboxId,
      created_at: a.at,
    })
    .onConflict((oc) => oc.columns(['advisory_id', 'channel']).doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0
}

export type AnnouncementState = 'queued' | 'sent' | 'retrying' | 'failed'

export interface AnnouncementStatus {
  id: string
  channel: string
  delivery: string
  state: AnnouncementState
  attempts: number
  lastError: string | null
  /** When it was sent, failed for good, or will be tried again. */
  at: string | null
  createdAt: string
}

/** Each channel the advisory was announced on, with its delivery's state from its outbox row. */
export async function listAnnouncements(db: Executor, orgId: string, advisoryId: string): Promise<AnnouncementStatus[]> {
  const rows = await db
    .selectFrom('announcement')
    .innerJoin('outbox', (j) => j.onRef('outbox.id', '=', 'announcement.outbox_id').onRef('outbox.org_id', '=', 'announcement.org_id'))
    .select([
      'announcement.id',
      'announcement.channel',
      'announcement.delivery',
      'announcement.created_at',
      'outbox.attempts',
      'outbox.done_at',
      'outbox.dead_at',
      'outbox.last_error',
      'outbox.next_attempt_at',
    ])
    .where('announcement.org_id', '=', orgId)
    .where('announcement.advisory_id', '=', advisoryId)
    .orderBy('announcement.channel')
    .execute()
  return rows.map(statusOf)
}

interface StatusRow {
  id: string
  channel: string
  delivery: string
  created_at: string
  attempts: number | string
  done_at: string | null
  dead_at: string | null
  last_error: string | null
  next_attempt_at: string
}

/** A delivery's state from its outbox row: sent, failed for good, retrying, or queued. */
function statusOf(r: StatusRow): AnnouncementStatus {
  const state: AnnouncementState = r.done_at ? 'sent' : r.dead_at ? 'failed' : Number(r.attempts) > 0 ? 'retrying' : 'queued'
  return {
    id: r.id,
    channel: r.channel,
    delivery: r.delivery,
    state,
    attempts: Number(r.attempts),
    lastError: state === 'sent' ? null : r.last_error,
    at: r.done_at ?? r.dead_at ?? (state === 'retrying' ? r.next_attempt_at : null),
    createdAt: r.created_at,
  }
}

/**
 * Records that the notice `noticeKey` is sent on this channel, delivered by the outbox row
 * `outboxId`. False when it already was (the unique (org, notice, channel) row exists): the caller
 * queues nothing.
 */
export async function insertNoticeAnnouncement(
  db: Executor,
  a: { id: string; orgId: string; noticeKey: string; channel: string; delivery: string; outboxId: string; at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('notice_announcement')
    .values({
      id: a.id,
      org_id: a.orgId,
      notice_key: a.noticeKey,
      channel: a.channel,
      delivery: a.delivery,
      outbox_id: a.outboxId,
      created_at: a.at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'notice_key', 'channel']).doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0
}

/** Each channel the notice `noticeKey` was sent on, with its delivery's state from its outbox row. */
export async function listNoticeAnnouncements(db: Executor, orgId: string, noticeKey: string): Promise<AnnouncementStatus[]> {
  const rows = await db
    .selectFrom('notice_announcement')
    .innerJoin('outbox', (j) =>
      j.onRef('outbox.id', '=', 'notice_announcement.outbox_id').onRef('outbox.org_id', '=', 'notice_announcement.org_id'),
    )
    .select([
      'notice_announcement.id',
      'notice_announcement.channel',
      'notice_announcement.delivery',
      'notice_announcement.created_at',
      'outbox.attempts',
      'outbox.done_at',
      'outbox.dead_at',
      'outbox.last_error',
      'outbox.next_attempt_at',
    ])
    .where('notice_announcement.org_id', '=', orgId)
    .where('notice_announcement.notice_key', '=', noticeKey)
    .orderBy('notice_announcement.channel')
    .execute()
  return rows.map(statusOf)
}

/** One announcement, for its delivery. */
export const findAnnouncement = (db: Executor, orgId: string, id: string) =>
  db.selectFrom('announcement').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()

/**
 * Puts an announcement that failed for good back in the queue (a fresh attempt count, due at `at`),
 * with the same id, so receivers still see one message. False when it is not a failed announcement
 * of this advisory and organization.
 */
export async function retryFailedAnnouncement(db: Executor, orgId: string, advisoryId: string, id: string, at: string): Promise<boolean> {
  const a = await db
    .selectFrom('announcement')
    .select('outbox_id')
    .where('org_id', '=', orgId)
    .where('advisory_id', '=', advisoryId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!a) return false
  const r = await db
    .updateTable('outbox')
    .set({ dead_at: null, attempts: 0, next_attempt_at: at, last_error: null })
    .where('org_id', '=', orgId)
    .where('id', '=', a.outbox_id)
    .where('done_at', 'is', null)
    .where('dead_at', 'is not', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
