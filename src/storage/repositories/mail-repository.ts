import type { IndexingOrgCipher, OrgCipher } from '../cipher.js'
import { acrossOrganizations, type Db, type Executor, type Tx } from '../db.js'
import { newId } from '../ids.js'
import type { InboundMailTable } from '../schema.js'
import type { WriteQueue } from '../write-queue.js'

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
/** The organization that uses this security address, if any: an address belongs to one organization of the instance. */
export const findSecurityAddressOwner = (db: Executor, address: string) =>
  acrossOrganizations(db).selectFrom('org_mail').select('org_id').where('security_address', '=', address).executeTakeFirst()

/** Every organization's security address: inbound mail is routed by its recipient, before any organization is known. */
export const listSecurityAddresses = (db: Executor) =>
  acrossOrganizations(db).selectFrom('org_mail').select(['org_id', 'security_address']).execute()

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
  /** The bare Message-ID from the header, or null when the mail has none. */
  messageId: string | null
  rawSha256: string
  raw: Buffer
  envelope: { rcptTo: string[]; nullSender: boolean }
  receivedAt: string
}

/** Purpose of the Message-ID blind index (see `IndexingOrgCipher.blindIndex`). */
const messageIdPurpose = 'message-id'
export const messageIdIndex = (cipher: IndexingOrgCipher, messageId: string): string => cipher.blindIndex(messageIdPurpose, messageId)

/**
 * Stores a batch of raw mails in one commit of the write queue, before the SMTP answer: each mail
 * once per receiving organization, with that organization's cipher. Returns the rows stored
 * (exact duplicates of stored mails are left out).
 */
export async function storeInboundMails(
  writes: WriteQueue,
  mails: { cipher: IndexingOrgCipher; mail: NewInboundMail }[],
): Promise<{ orgId: string; id: string }[]> {
  return writes.transaction(async (tx) => {
    const stored: { orgId: string; id: string }[] = []
    for (const { cipher, mail } of mails) {
      const id = await insertInboundMail(tx, cipher, mail)
      if (id) stored.push({ orgId: mail.orgId, id })
    }
    return stored
  })
}

/**
 * Stores one raw mail, unless the organization already has a mail with exactly these bytes (an
 * SMTP retry after a lost 250, an IMAP re-fetch after a crash). A different mail reusing a
 * Message-ID is stored: the Message-ID is chosen by the sender, so it proves nothing. Returns the
 * new row's id, or null for such a duplicate. The Message-ID is stored sealed, with its blind index.
 */
export async function insertInboundMail(tx: Executor, cipher: IndexingOrgCipher, m: NewInboundMail): Promise<string | null> {
  const id = newId()
  const row = await tx
    .insertInto('inbound_mail')
    .values({
      id,
      org_id: m.orgId,
      source: m.source,
      received_at: m.receivedAt,
      message_id_enc: cipher.encrypt(m.messageId ?? `sha256:${m.rawSha256}`, `inbound_mail.message_id|${id}`),
      message_id_index: m.messageId === null ? null : messageIdIndex(cipher, m.messageId),
      raw_sha256: m.rawSha256,
      size: m.raw.length,
      raw_enc: cipher.encrypt(m.raw.toString('base64'), `inbound_mail.raw|${id}`),
      envelope: JSON.stringify(m.envelope),
      state: 'received',
      reason: null,
      report_id: null,
      ingested_at: null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'raw_sha256']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

export interface StoredInboundMail {
  id: string
  orgId: string
  source: InboundMailTable['source']
  /** The Message-ID, or `sha256:<hex>` when the mail has none. */
  messageId: string
  /** Blind index of the Message-ID; null when the mail has none. */
  messageIdIndex: string | null
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
    messageId: cipher.decrypt(row.message_id_enc, `inbound_mail.message_id|${row.id}`),
    messageIdIndex: row.message_id_index,
    raw: Buffer.from(cipher.decrypt(row.raw_enc, `inbound_mail.raw|${row.id}`), 'base64'),
    envelope: JSON.parse(row.envelope) as StoredInboundMail['envelope'],
    state: row.state,
    attempts: Number(row.attempts),
  }
}

/**
 * Other stored mails of the organization that carry the same Message-ID (by blind index) but are
 * different mails (other bytes), oldest first: a Message-ID collision, whoever caused it.
 */
export const findMailsReusingMessageId = (db: Executor, orgId: string, inboundId: string, index: string) =>
  db
    .selectFrom('inbound_mail')
    .select(['id', 'report_id', 'received_at'])
    .where('org_id', '=', orgId)
    .where('message_id_index', '=', index)
    .where('id', '!=', inboundId)
    .orderBy('received_at')
    .orderBy('id')
    .limit(20)
    .execute()

/** Mail stored but not yet ingested (left by a crash or a failure), oldest first. */
export const listPendingInbound = (db: Executor, limit = 500) =>
  // The start-up sweep picks up every organization's stored mail.
  acrossOrganizations(db)
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

/**
 * Remembers that a Message-ID belongs to a report (idempotent), keyed by its blind index, the value
 * sealed. When the ID is already linked to ANOTHER report by an inbound mail, the ID is ambiguous
 * (two different mails claimed it): it is marked so and threads nothing from then on. Our own
 * outbound IDs (direction `out`) are never overridden by a mail claiming them. Returns true when
 * the ID became (or already was) ambiguous.
 */
export async function linkMessageId(
  db: Executor,
  cipher: IndexingOrgCipher,
  orgId: string,
  messageId: string,
  reportId: string,
  direction: 'in' | 'out',
  at: string,
): Promise<boolean> {
  const index = messageIdIndex(cipher, messageId)
  const inserted = await db
    .insertInto('mail_thread')
    .values({
      org_id: orgId,
      message_id_index: index,
      message_id_enc: cipher.encrypt(messageId, `mail_thread.message_id|${index}`),
      report_id: reportId,
      direction,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'message_id_index']).doNothing())
    .returning('report_id')
    .executeTakeFirst()
  if (inserted) return false
  const existing = await db
    .selectFrom('mail_thread')
    .select(['report_id', 'direction', 'ambiguous'])
    .where('org_id', '=', orgId)
    .where('message_id_index', '=', index)
    .executeTakeFirst()
  if (!existing || existing.direction === 'out') return false
  if (Number(existing.ambiguous) === 1) return true
  if (existing.report_id === reportId) return false
  await markMessageIdAmbiguous(db, cipher, orgId, messageId)
  return true
}

/** A Message-ID that different mails claimed: it threads nothing any more (see src/mail/README.md). */
export async function markMessageIdAmbiguous(db: Executor, cipher: IndexingOrgCipher, orgId: string, messageId: string): Promise<void> {
  await db
    .updateTable('mail_thread')
    .set({ ambiguous: 1 })
    .where('org_id', '=', orgId)
    .where('message_id_index', '=', messageIdIndex(cipher, messageId))
    .where('direction', '=', 'in')
    .execute()
}

/**
 * The report a Message-ID threads to; null when unknown or ambiguous (claimed by different mails).
 * Ambiguity is also read from the stored mails themselves, not only from `mail_thread.ambiguous`:
 * that flag is set when the second mail carrying the ID is ingested, and mails are ingested
 * concurrently, so a reply could otherwise be threaded in the moment between the second mail's
 * receipt (stored before its 250) and its ingestion — into the report of whoever sent the ID first.
 */
export async function findReportIdByMessageId(
  db: Executor,
  cipher: IndexingOrgCipher,
  orgId: string,
  messageId: string,
): Promise<string | null> {
  const index = messageIdIndex(cipher, messageId)
  const row = await db
    .selectFrom('mail_thread')
    .select('report_id')
    .where('org_id', '=', orgId)
    .where('message_id_index', '=', index)
    .where('ambiguous', '=', 0)
    .executeTakeFirst()
  if (!row) return null
  const carriers = await db
    .selectFrom('inbound_mail')
    .select('id')
    .where('org_id', '=', orgId)
    .where('message_id_index', '=', index)
    .limit(2)
    .execute()
  return carriers.length > 1 ? null : row.report_id
}

/** The reporter's first mail on a report, to thread our answers under it. */
export async function firstInboundMessageId(db: Executor, cipher: OrgCipher, orgId: string, reportId: string): Promise<string | null> {
  const row = await db
    .selectFrom('mail_thread')
    .select(['message_id_index', 'message_id_enc'])
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('direction', '=', 'in')
    .where('ambiguous', '=', 0)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
  return row?.message_id_enc ? cipher.decrypt(row.message_id_enc, `mail_thread.message_id|${row.message_id_index}`) : null
}

/**
 * Seals the Message-IDs that rows written before migration 2026-12-02T0710 hold in clear (the
 * migration has no keys). Idempotent; run when the mail channel starts. Returns how many rows.
 */
export async function sealLegacyMessageIds(db: Db, cipherOf: (orgId: string) => Promise<IndexingOrgCipher | undefined>): Promise<number> {
  let count = 0
  // Every organization's legacy rows at once: a one-time sweep at start, before any request.
  db = acrossOrganizations(db)
  const inbound = await db
    .selectFrom('inbound_mail')
    .select(['id', 'org_id', 'message_id_enc'])
    .where('message_id_enc', 'not like', 'v1.%')
    .execute()
  const threads = await db.selectFrom('mail_thread').select(['org_id', 'message_id_index']).where('message_id_enc', 'is', null).execute()
  if (inbound.length === 0 && threads.length === 0) return 0
  await db.transaction().execute(async (tx) => {
    for (const r of inbound) {
      const cipher = await cipherOf(r.org_id)
      if (!cipher) continue
      const clear = r.message_id_enc
      await tx
        .updateTable('inbound_mail')
        .set({
          message_id_enc: cipher.encrypt(clear, `inbound_mail.message_id|${r.id}`),
          message_id_index: clear.startsWith('sha256:') ? null : messageIdIndex(cipher, clear),
        })
        .where('org_id', '=', r.org_id)
        .where('id', '=', r.id)
        .execute()
      count++
    }
    for (const r of threads) {
      const cipher = await cipherOf(r.org_id)
      if (!cipher) continue
      const clear = r.message_id_index
      const index = messageIdIndex(cipher, clear)
      await tx
        .updateTable('mail_thread')
        .set({ message_id_index: index, message_id_enc: cipher.encrypt(clear, `mail_thread.message_id|${index}`) })
        .where('org_id', '=', r.org_id)
        .where('message_id_index', '=', clear)
        .where('message_id_enc', 'is', null)
        .execute()
      count++
    }
  })
  return count
}

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
