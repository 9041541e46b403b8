/**
 * Partners and their early notices (issue 12). A partner's contacts — addresses and OpenPGP keys —
 * are sealed (`partner.contacts|<id>`); names, kinds and exclusions are the organization's own
 * words, kept in clear. A notice stores only the SHA-256 of the partner's capability token.
 */
import type { Partner, PartnerContact, PartnerKind } from '../../domain/partner/partner.js'
import type { OrgCipher } from '../cipher.js'
import { acrossOrganizations, type Executor, type Tx } from '../db.js'
import type { PartnerTable } from '../schema.js'

const contactsContext = (id: string) => `partner.contacts|${id}`

type Row = { [K in keyof PartnerTable]: PartnerTable[K] extends { __select__: infer S } ? S : PartnerTable[K] }

function open(cipher: OrgCipher, row: Row): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PartnerKind,
    ...(row.max_embargo ? { maxEmbargo: row.max_embargo } : {}),
    excludedLabels: JSON.parse(row.excluded_labels) as string[],
    excludedPrograms: JSON.parse(row.excluded_programs) as string[],
    contacts: JSON.parse(cipher.decrypt(row.contacts_enc, contactsContext(row.id))) as PartnerContact[],
  }
}

/** The organization's partners (not removed), by name. */
export async function listPartners(db: Executor, cipher: OrgCipher, orgId: string): Promise<Partner[]> {
  const rows = await db
    .selectFrom('partner')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('removed_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map((r) => open(cipher, r))
}

/** One partner; `withRemoved` also finds a removed one (its notices still name it). */
export async function findPartner(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  id: string,
  withRemoved = false,
): Promise<Partner | undefined> {
  let q = db.selectFrom('partner').selectAll().where('org_id', '=', orgId).where('id', '=', id)
  if (!withRemoved) q = q.where('removed_at', 'is', null)
  const row = await q.executeTakeFirst()
  return row && open(cipher, row)
}

export async function insertPartner(tx: Tx, cipher: OrgCipher, orgId: string, p: Partner, at: string): Promise<void> {
  await tx
    .insertInto('partner')
    .values({
      id: p.id,
      org_id: orgId,
      name: p.name,
      kind: p.kind,
      max_embargo: p.maxEmbargo ?? null,
      excluded_labels: JSON.stringify(p.excludedLabels),
      excluded_programs: JSON.stringify(p.excludedPrograms),
      contacts_enc: cipher.encrypt(JSON.stringify(p.contacts), contactsContext(p.id)),
      created_at: at,
      updated_at: at,
      removed_at: null,
    })
    .execute()
}

/** Writes a partner's settings and contacts; false when there is no such (live) partner. */
export async function updatePartner(tx: Tx, cipher: OrgCipher, orgId: string, p: Partner, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('partner')
    .set({
      name: p.name,
      kind: p.kind,
      max_embargo: p.maxEmbargo ?? null,
      excluded_labels: JSON.stringify(p.excludedLabels),
      excluded_programs: JSON.stringify(p.excludedPrograms),
      contacts_enc: cipher.encrypt(JSON.stringify(p.contacts), contactsContext(p.id)),
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', p.id)
    .where('removed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Removes a partner from the list (its past notices stay on record); false when there was none. */
export async function removePartner(tx: Tx, orgId: string, id: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('partner')
    .set({ removed_at: at, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The labels and program slugs of an advisory's reports (what partners may exclude). */
export async function advisoryScope(db: Executor, orgId: string, advisoryId: string): Promise<{ labels: string[]; programs: string[] }> {
  const rows = await db
    .selectFrom('advisory_report')
    .innerJoin('report', 'report.id', 'advisory_report.report_id')
    .leftJoin('program', (j) => j.onRef('program.id', '=', 'report.program_id').on('program.org_id', '=', orgId))
    .select(['report.labels', 'program.slug'])
    .where('advisory_report.org_id', '=', orgId)
    .where('report.org_id', '=', orgId)
    .where('advisory_report.advisory_id', '=', advisoryId)
    .execute()
  return {
    labels: [...new Set(rows.flatMap((r) => JSON.parse(r.labels) as string[]))],
    programs: [...new Set(rows.flatMap((r) => (r.slug ? [r.slug] : [])))],
  }
}

export type NoticeState = 'scheduled' | 'sent' | 'acknowledged' | 'cancelled'

export interface StoredNotice {
  id: string
  orgId: string
  advisoryId: string
  partnerId: string
  state: NoticeState
  notifyAt: string
  sentAt: string | null
  viewedAt: string | null
  acknowledgedAt: string | null
  remindedAt: string | null
  reminders: number
  createdBy: string | null
  createdAt: string
}

type NoticeRow = {
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
  reminders: number
  created_by: string | null
  created_at: string
}

const notice = (r: NoticeRow): StoredNotice => ({
  id: r.id,
  orgId: r.org_id,
  advisoryId: r.advisory_id,
  partnerId: r.partner_id,
  state: r.state as NoticeState,
  notifyAt: r.notify_at,
  sentAt: r.sent_at,
  viewedAt: r.viewed_at,
  acknowledgedAt: r.acknowledged_at,
  remindedAt: r.reminded_at,
  reminders: Number(r.reminders),
  createdBy: r.created_by,
  createdAt: r.created_at,
})

const noticeColumns = [
  'id',
  'org_id',
  'advisory_id',
  'partner_id',
  'state',
  'notify_at',
  'sent_at',
  'viewed_at',
  'acknowledged_at',
  'reminded_at',
  'reminders',
  'created_by',
  'created_at',
] as const

/** Inserts a notice; false when the partner already has a live notice of this advisory. */
export async function insertNotice(
  tx: Tx,
  n: {
    id: string
    orgId: string
    advisoryId: string
    partnerId: string
    state: NoticeState
    notifyAt: string
    createdBy: string | null
    at: string
  },
): Promise<boolean> {
  const inserted = await tx
    .insertInto('partner_notice')
    .values({
      id: n.id,
      org_id: n.orgId,
      advisory_id: n.advisoryId,
      partner_id: n.partnerId,
      state: n.state,
      notify_at: n.notifyAt,
      sent_at: null,
      viewed_at: null,
      acknowledged_at: null,
      reminded_at: null,
      token_hash: null,
      created_by: n.createdBy,
      created_at: n.at,
    })
    // The partial unique index `partner_notice_once`: a partner already told (or scheduled) of
    // this advisory by a concurrent unit is not told twice; the caller learns it from `false`.
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1
}

/** The notices of an advisory, oldest first. */
export async function listNotices(db: Executor, orgId: string, advisoryId: string): Promise<StoredNotice[]> {
  const rows = await db
    .selectFrom('partner_notice')
    .select(noticeColumns)
    .where('org_id', '=', orgId)
    .where('advisory_id', '=', advisoryId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(notice)
}

export async function findNotice(db: Executor, orgId: string, id: string): Promise<StoredNotice | undefined> {
  const row = await db
    .selectFrom('partner_notice')
    .select(noticeColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && notice(row)
}

/**
 * Marks a notice sent with the hash of its capability token, if it is still in `from` (a
 * conditional update: two job runs send a scheduled notice once). False when it was not.
 */
export async function markNoticeSent(
  tx: Tx,
  orgId: string,
  id: string,
  from: NoticeState,
  tokenHash: string,
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable('partner_notice')
    .set({ state: 'sent', sent_at: at, token_hash: tokenHash })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function rescheduleNotice(tx: Tx, orgId: string, id: string, notifyAt: string): Promise<boolean> {
  const result = await tx
    .updateTable('partner_notice')
    .set({ notify_at: notifyAt })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('state', '=', 'scheduled')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function markNoticeViewed(tx: Tx, orgId: string, id: string, at: string): Promise<void> {
  await tx
    .updateTable('partner_notice')
    .set({ viewed_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('viewed_at', 'is', null)
    .execute()
}

/** Acknowledges a sent notice; false when it was not waiting for one. */
export async function markNoticeAcknowledged(tx: Tx, orgId: string, id: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('partner_notice')
    .set({ state: 'acknowledged', acknowledged_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('state', '=', 'sent')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Counts a reminder, if the notice is still unacknowledged with `reminders` sent so far (sent once per run). */
export async function markNoticeReminded(tx: Tx, orgId: string, id: string, reminders: number, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('partner_notice')
    .set({ reminders: reminders + 1, reminded_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('state', '=', 'sent')
    .where('reminders', '=', reminders)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The notice a partner's capability token opens, across organizations (the token is the only key), or undefined. */
export async function findNoticeByTokenHash(db: Executor, tokenHash: string): Promise<StoredNotice | undefined> {
  const row = await acrossOrganizations(db)
    .selectFrom('partner_notice')
    .select(noticeColumns)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  return row && notice(row)
}

/**
 * What the job has to look at, across organizations: scheduled notices whose time has come, and
 * sent, unacknowledged ones of a release still ahead whose last mail is older than `remindBefore`
 * with fewer than `maxReminders` reminders (the job's rule decides; this only narrows the scan).
 */
export async function listOpenNotices(
  db: Executor,
  now: string,
  reminders: { remindBefore: string; maxReminders: number },
  limit: number,
): Promise<StoredNotice[]> {
  const rows = await acrossOrganizations(db)
    .selectFrom('partner_notice')
    .innerJoin('advisory', (j) =>
      j.onRef('advisory.id', '=', 'partner_notice.advisory_id').onRef('advisory.org_id', '=', 'partner_notice.org_id'),
    )
    .select(noticeColumns.map((c) => `partner_notice.${c}` as const))
    .where((eb) =>
      eb.or([
        eb.and([eb('partner_notice.state', '=', 'scheduled'), eb('partner_notice.notify_at', '<=', now)]),
        eb.and([
          eb('partner_notice.state', '=', 'sent'),
          eb('partner_notice.reminders', '<', reminders.maxReminders),
          eb(eb.fn.coalesce('partner_notice.reminded_at', 'partner_notice.sent_at'), '<=', reminders.remindBefore),
          eb('advisory.release_at', '>', now),
        ]),
      ]),
    )
    .orderBy('partner_notice.notify_at')
    .limit(limit)
    .execute()
  return rows.map(notice)
}

/** Cancels one scheduled notice that can no longer go (the advisory went public, the partner excluded it, the release passed). */
export async function cancelNotice(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const result = await tx
    .updateTable('partner_notice')
    .set({ state: 'cancelled' })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('state', '=', 'scheduled')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The earliest scheduled notice, for the job loop's next wake-up. */
export async function earliestScheduledNotice(db: Executor): Promise<string | undefined> {
  const row = await acrossOrganizations(db)
    .selectFrom('partner_notice')
    .select((eb) => eb.fn.min('notify_at').as('at'))
    .where('state', '=', 'scheduled')
    .executeTakeFirst()
  return (row?.at as string | null | undefined) ?? undefined
}

/** The advisory's release and early-notice events, oldest first (the coordination page's timeline). */
export async function listAdvisoryPartnerEvents(db: Executor, orgId: string, advisoryId: string) {
  const rows = await db
    .selectFrom('event')
    .select(['type', 'data', 'at', 'actor_kind', 'actor_id', 'seq'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('type', 'like', 'partner.notice%'),
        eb('type', '=', 'partner.release_moved_sent'),
        eb('type', '=', 'advisory.release_planned'),
        eb('type', '=', 'advisory.merged_publicly'),
        eb('type', '=', 'advisory.merge_window_opened'),
      ]),
    )
    .where('data', 'like', `%${advisoryId.replace(/[^0-9a-f-]/gi, '')}%`)
    .orderBy('seq')
    .execute()
  return rows
    .map((r) => ({ ...r, seq: Number(r.seq), data: JSON.parse(r.data) as Record<string, unknown> }))
    .filter((r) => r.data.advisoryId === advisoryId)
}

/** Cancels a partner's notices still waiting to be sent (the partner was removed); returns how many. */
export async function cancelScheduledNotices(tx: Tx, orgId: string, partnerId: string): Promise<number> {
  const result = await tx
    .updateTable('partner_notice')
    .set({ state: 'cancelled' })
    .where('org_id', '=', orgId)
    .where('partner_id', '=', partnerId)
    .where('state', '=', 'scheduled')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
