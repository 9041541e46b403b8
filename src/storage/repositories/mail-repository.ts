import type { OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'
import { newId } from '../ids.js'
import type { InboundMailTable } from '../schema.js'

/** An organization's mail settings, with its secrets opened. */
export interface OrgMailSettings {
  orgId: string
  securityAddress: string
  encryptionRequired: boolean
  publicKey: string | null
  fingerprint: string | null
}

export interface OrgMailSecret {
  privateKeyArmored: string
  passphrase: string
}

export const findOrgMail = async (db: Executor, orgId: string): Promise<OrgMailSettings | undefined> => {
  const row = await db.selectFrom('org_mail').selectAll().where('org_id', '=', orgId).executeTakeFirst()
  return (
    row && {
      orgId: row.org_id,
      securityAddress: row.security_address,
      encryptionRequired: Number(row.encryption_required) === 1,
      publicKey: row.public_key,
      fingerprint: row.fingerprint,
    }
  )
}

/** Every organization's security address, for the SMTP listener's RCPT check and routing. */
export const listSecurityAddresses = (db: Executor) => db.selectFrom('org_mail').select(['org_id', 'security_address']).execute()

export async function findOrgMailSecret(db: Executor, cipher: OrgCipher, orgId: string): Promise<OrgMailSecret | undefined> {
  const row = await db.selectFrom('org_mail').select(['private_key_enc', 'passphrase_enc']).where('org_id', '=', orgId).executeTakeFirst()
  if (!row?.private_key_enc || !row.passphrase_enc) return undefined
  return {
    privateKeyArmored: cipher.decrypt(row.private_key_enc, `org_mail.private_key|${orgId}`),
    passphrase: cipher.decrypt(row.passphrase_enc, `org_mail.passphrase|${orgId}`),
  }
}

export async function saveOrgMailAddress(
  db: Executor,
  orgId: string,
  s: { securityAddress: string; encryptionRequired: boolean },
  at: string,
): Promise<void> {
  await db
    .insertInto('org_mail')
    .values({
      org_id: orgId,
      security_address: s.securityAddress,
      encryption_required: s.encryptionRequired ? 1 : 0,
      private_key_enc: null,
      passphrase_enc: null,
      public_key: null,
      fingerprint: null,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .column('org_id')
        .doUpdateSet({ security_address: s.securityAddress, encryption_required: s.encryptionRequired ? 1 : 0, updated_at: at }),
    )
    .execute()
}

export async function saveOrgKey(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  k: { privateKeyArmored: string; passphrase: string; publicKey: string; fingerprint: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('org_mail')
    .set({
      private_key_enc: cipher.encrypt(k.privateKeyArmored, `org_mail.private_key|${orgId}`),
      passphrase_enc: cipher.encrypt(k.passphrase, `org_mail.passphrase|${orgId}`),
      public_key: k.publicKey,
      fingerprint: k.fingerprint,
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export interface NewInboundMail {
  orgId: string
  source: InboundMailTable['source']
  messageId: string
  rawSha256: string
  raw: Buffer
  envelope: { rcptTo: string[]; nullSender: boolean }
  receivedAt: string
}

/**
 * Stores one raw mail, unless the organization already has a mail with this Message-ID (an SMTP
 * retry after a lost 250, an IMAP re-fetch after a crash). Returns the new row's id, or null for
 * such a duplicate.
 */
export async function insertInboundMail(tx: Executor, cipher: OrgCipher, m: NewInboundMail): Promise<string | null> {
  const id = newId()
  const row = await tx
    .insertInto('inbound_mail')
    .values({
      id,
      org_id: m.orgId,
      source: m.source,
      received_at: m.receivedAt,
      message_id: m.messageId,
      raw_sha256: m.rawSha256,
      size: m.raw.length,
      raw_enc: cipher.encrypt(m.raw.toString('base64'), `inbound_mail.raw|${id}`),
      envelope: JSON.stringify(m.envelope),
      state: 'received',
      reason: null,
      report_id: null,
      ingested_at: null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'message_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

export interface StoredInboundMail {
  id: string
  orgId: string
  source: InboundMailTable['source']
  messageId: string
  raw: Buffer
  envelope: { rcptTo: string[]; nullSender: boolean }
  state: InboundMailTable['state']
  attempts: number
}

export async function findInboundMail(db: Executor, cipher: OrgCipher, orgId: string, id: string): Promise<StoredInboundMail | undefined> {
  const row = await db.selectFrom('inbound_mail').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    orgId: row.org_id,
    source: row.source,
    messageId: row.message_id,
    raw: Buffer.from(cipher.decrypt(row.raw_enc, `inbound_mail.raw|${row.id}`), 'base64'),
    envelope: JSON.parse(row.envelope) as StoredInboundMail['envelope'],
    state: row.state,
    attempts: Number(row.attempts),
  }
}

/** Mail stored but not yet ingested (left by a crash or a failure), oldest first. */
export const listPendingInbound = (db: Executor, limit = 500) =>
  db
    .selectFrom('inbound_mail')
    .select(['id', 'org_id'])
    .where('state', '=', 'received')
    .orderBy('received_at')
    .orderBy('id')
    .limit(limit)
    .execute()

/**
 * Takes a received mail for ingestion inside the caller's transaction. False when another
 * ingestion already did it (or is doing it: PostgreSQL makes this wait for that one to commit).
 */
export async function markInbound(
  tx: Tx,
  orgId: string,
  id: string,
  outcome: { state: 'ingested' | 'quarantined'; reason: string | null; reportId: string | null },
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable('inbound_mail')
    .set({ state: outcome.state, reason: outcome.reason, report_id: outcome.reportId, ingested_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('state', '=', 'received')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countInboundFailure(db: Executor, orgId: string, id: string, reason: string): Promise<void> {
  await db
    .updateTable('inbound_mail')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), reason }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export const listQuarantined = (db: Executor, orgId: string, limit = 50) =>
  db
    .selectFrom('inbound_mail')
    .select(['id', 'received_at', 'reason', 'size'])
    .where('org_id', '=', orgId)
    .where('state', '=', 'quarantined')
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute()

export interface NewAttachment {
  reportId: string
  messageId: string | null
  safeName: string
  /** What the sender declared; kept for the record only. */
  contentType: string
  /** What the bytes are, as recognized by `file-type`; null when unrecognized. */
  sniffedType: string | null
  content: Buffer
  sha256: string
}

const attachmentNameContext = (id: string) => `attachment.name|${id}`
const attachmentContentContext = (id: string) => `attachment.content|${id}`

export async function insertAttachments(tx: Tx, cipher: OrgCipher, orgId: string, list: NewAttachment[], at: string): Promise<void> {
  if (list.length === 0) return
  await tx
    .insertInto('attachment')
    .values(
      list.map((a) => {
        const id = newId()
        return {
          id,
          org_id: orgId,
          report_id: a.reportId,
          message_id: a.messageId,
          safe_name_enc: cipher.encrypt(a.safeName, attachmentNameContext(id)),
          content_type: a.contentType,
          sniffed_type: a.sniffedType,
          size: a.content.length,
          sha256: a.sha256,
          content_enc: cipher.encrypt(a.content.toString('base64'), attachmentContentContext(id)),
          created_at: at,
        }
      }),
    )
    .execute()
}

/** One attachment as the team's list shows it (name opened, no content). */
export interface AttachmentInfo {
  id: string
  name: string
  size: number
  sniffedType: string | null
  sha256: string
  messageId: string | null
  createdAt: string
}

/** The attachments of one report of one organization, oldest first, names opened. */
export async function listAttachments(db: Executor, cipher: OrgCipher, orgId: string, reportId: string): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'safe_name_enc', 'size', 'sha256', 'sniffed_type', 'message_id', 'created_at'])
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: cipher.decrypt(r.safe_name_enc, attachmentNameContext(r.id)),
    size: Number(r.size),
    sniffedType: r.sniffed_type,
    sha256: r.sha256,
    messageId: r.message_id,
    createdAt: r.created_at,
  }))
}

/** One attachment with its bytes, only if it belongs to this report of this organization. */
export async function findAttachment(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  reportId: string,
  id: string,
): Promise<(AttachmentInfo & { content: Buffer }) | undefined> {
  const r = await db
    .selectFrom('attachment')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!r) return undefined
  return {
    id: r.id,
    name: cipher.decrypt(r.safe_name_enc, attachmentNameContext(r.id)),
    size: Number(r.size),
    sniffedType: r.sniffed_type,
    sha256: r.sha256,
    messageId: r.message_id,
    createdAt: r.created_at,
    content: Buffer.from(cipher.decrypt(r.content_enc, attachmentContentContext(r.id)), 'base64'),
  }
}

/** The stored raw mails that made or joined one report (no content), oldest first. */
export const listReportMails = (db: Executor, orgId: string, reportId: string) =>
  db
    .selectFrom('inbound_mail')
    .select(['id', 'received_at', 'size', 'raw_sha256'])
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('received_at')
    .orderBy('id')
    .execute()

/** One stored raw mail of this report of this organization, decrypted. */
export async function findReportMail(db: Executor, cipher: OrgCipher, orgId: string, reportId: string, id: string) {
  const row = await db
    .selectFrom('inbound_mail')
    .select(['id', 'received_at', 'size', 'raw_sha256', 'raw_enc'])
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    receivedAt: row.received_at,
    sha256: row.raw_sha256,
    raw: Buffer.from(cipher.decrypt(row.raw_enc, `inbound_mail.raw|${row.id}`), 'base64'),
  }
}

/** Remembers that a Message-ID belongs to a report (idempotent). */
export async function linkMessageId(db: Executor, orgId: string, messageId: string, reportId: string, direction: 'in' | 'out', at: string) {
  await db
    .insertInto('mail_thread')
    .values({ org_id: orgId, message_id: messageId, report_id: reportId, direction, created_at: at })
    .onConflict((oc) => oc.columns(['org_id', 'message_id']).doNothing())
    .execute()
}

export const findReportIdByMessageId = async (db: Executor, orgId: string, messageId: string): Promise<string | null> =>
  (
    await db
      .selectFrom('mail_thread')
      .select('report_id')
      .where('org_id', '=', orgId)
      .where('message_id', '=', messageId)
      .executeTakeFirst()
  )?.report_id ?? null

/** The reporter's first mail on a report, to thread our answers under it. */
export const firstInboundMessageId = async (db: Executor, orgId: string, reportId: string): Promise<string | null> =>
  (
    await db
      .selectFrom('mail_thread')
      .select('message_id')
      .where('org_id', '=', orgId)
      .where('report_id', '=', reportId)
      .where('direction', '=', 'in')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst()
  )?.message_id ?? null

export const findReportIdByReplyToken = async (db: Executor, orgId: string, token: string): Promise<string | null> =>
  (await db.selectFrom('report').select('id').where('org_id', '=', orgId).where('reply_token', '=', token).executeTakeFirst())?.id ?? null

/** The report's reply token, created on first use (race-safe: the first writer wins). */
export async function ensureReplyToken(db: Executor, orgId: string, reportId: string, fresh: string): Promise<string> {
  await db
    .updateTable('report')
    .set({ reply_token: fresh })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .where('reply_token', 'is', null)
    .execute()
  const row = await db
    .selectFrom('report')
    .select('reply_token')
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow()
  return row.reply_token ?? fresh
}

export async function saveReporterKey(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  reporterId: string,
  armored: string,
  status: 'confirmed' | 'proposed',
): Promise<void> {
  await db
    .updateTable('reporter')
    .set({ public_key_enc: cipher.encrypt(armored, `reporter.public_key|${reporterId}`), public_key_status: status })
    .where('org_id', '=', orgId)
    .where('id', '=', reporterId)
    .execute()
}

export async function findReporterKey(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  reporterId: string,
): Promise<{ armored: string; status: 'confirmed' | 'proposed' } | null> {
  const row = await db
    .selectFrom('reporter')
    .select(['public_key_enc', 'public_key_status'])
    .where('org_id', '=', orgId)
    .where('id', '=', reporterId)
    .executeTakeFirst()
  if (!row?.public_key_enc) return null
  return { armored: cipher.decrypt(row.public_key_enc, `reporter.public_key|${reporterId}`), status: row.public_key_status ?? 'proposed' }
}
