import type { OrgCipher } from '../cipher.js'
import { acrossOrganizations, type Executor, type Tx } from '../db.js'

/** The person behind a report, as much as they chose to tell. Name and address are sealed at rest. */
export interface StoredReporter {
  id: string
  name: string | null
  email: string | null
}

export async function insertReporter(tx: Tx, cipher: OrgCipher, orgId: string, r: StoredReporter, createdAt: string): Promise<void> {
  await tx
    .insertInto('reporter')
    .values({
      id: r.id,
      org_id: orgId,
      name_enc: r.name === null ? null : cipher.encrypt(r.name, `reporter.name|${r.id}`),
      email_enc: r.email === null ? null : cipher.encrypt(r.email, `reporter.email|${r.id}`),
      created_at: createdAt,
    })
    .execute()
}

export async function findReporter(db: Executor, cipher: OrgCipher, orgId: string, id: string): Promise<StoredReporter | undefined> {
  const row = await db.selectFrom('reporter').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    name: row.name_enc === null ? null : cipher.decrypt(row.name_enc, `reporter.name|${row.id}`),
    email: row.email_enc === null ? null : cipher.decrypt(row.email_enc, `reporter.email|${row.id}`),
  }
}

/** Whether the reporter left an address (mail to them can be sent), without opening it. */
export async function reporterHasAddress(db: Executor, orgId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom('reporter').select('email_enc').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
  return row?.email_enc != null
}

export async function insertReportAccess(
  tx: Tx,
  a: { tokenHash: string; orgId: string; reportId: string; createdAt: string },
): Promise<void> {
  await tx
    .insertInto('report_access')
    .values({ token_hash: a.tokenHash, org_id: a.orgId, report_id: a.reportId, created_at: a.createdAt, revoked_at: null })
    .execute()
}

/**
 * The report a follow-up capability opens, if it is neither revoked nor older than `issuedAfter`
 * (the link lifetime, EMBARGO_FOLLOW_UP_LINK_DAYS).
 */
export const findReportAccess = (db: Executor, tokenHash: string, issuedAfter: string) =>
  // The capability itself names the organization: a lookup by its hash comes before any organization is known.
  acrossOrganizations(db)
    .selectFrom('report_access')
    .select(['org_id', 'report_id', 'created_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('created_at', '>', issuedAfter)
    .executeTakeFirst()

/** A follow-up capability whatever its state (valid, revoked, expired), to tell the reporter which. */
export const findReportAccessAnyState = (db: Executor, tokenHash: string) =>
  // As findReportAccess: the capability names the organization.
  acrossOrganizations(db)
    .selectFrom('report_access')
    .select(['org_id', 'report_id', 'created_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()

/** Revokes one follow-up capability (the reporter chose "forget"): the link and every cookie holding it stop working. */
export async function revokeReportAccess(tx: Tx, orgId: string, tokenHash: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('report_access')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** When the newest unrevoked follow-up capability of a report was issued (to space out "send me a new link"). */
export async function lastReportAccessIssuedAt(db: Executor, orgId: string, reportId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('report_access')
    .select((eb) => eb.fn.max('created_at').as('last'))
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return (row?.last as string | null | undefined) ?? undefined
}

/** The report a follow-up capability opens: its reference and reporter, and whether they left an address; nothing decrypted. */
export async function findCapabilityReport(db: Executor, orgId: string, reportId: string) {
  const row = await db
    .selectFrom('report')
    .innerJoin('reporter', 'reporter.id', 'report.reporter_id')
    .select(['report.ref', 'report.reporter_id', 'reporter.email_enc'])
    .where('report.org_id', '=', orgId)
    .where('report.id', '=', reportId)
    .executeTakeFirst()
  return row && { ref: row.ref, reporterId: row.reporter_id, reachable: row.email_enc !== null }
}
