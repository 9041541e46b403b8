import type { OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'

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

/** The report a follow-up capability opens, if it is valid and not revoked. */
export const findReportAccess = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('report_access')
    .select(['org_id', 'report_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
