import type { OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'
import type { MessageRow } from '../schema.js'

export interface StoredMessage {
  id: string
  reportId: string
  authorKind: MessageRow['author_kind']
  authorUserId: string | null
  visibility: MessageRow['visibility']
  body: string
  createdAt: string
}

const bodyContext = (id: string) => `message.body|${id}`

export async function insertMessage(tx: Tx, cipher: OrgCipher, orgId: string, m: StoredMessage): Promise<void> {
  await tx
    .insertInto('message')
    .values({
      id: m.id,
      org_id: orgId,
      report_id: m.reportId,
      author_kind: m.authorKind,
      author_user_id: m.authorUserId,
      visibility: m.visibility,
      body_enc: cipher.encrypt(m.body, bodyContext(m.id)),
      created_at: m.createdAt,
    })
    .execute()
}

/** How many messages a report's thread holds (the team's page shows the newest and says how many more). */
export async function countMessages(db: Executor, orgId: string, reportId: string): Promise<number> {
  const row = await db
    .selectFrom('message')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/**
 * The thread of a report, oldest first; with `newest`, only that many of the latest (the rest are
 * neither read nor decrypted). `visibility: 'reporter'` is what the reporter may see:
 * the filter is in the query, so internal notes are never even read for the follow-up page.
 */
export async function listMessages(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  reportId: string,
  only?: { visibility: 'reporter' },
  newest?: number,
): Promise<StoredMessage[]> {
  let query = db.selectFrom('message').selectAll().where('org_id', '=', orgId).where('report_id', '=', reportId)
  if (only) query = query.where('visibility', '=', only.visibility)
  const rows =
    newest === undefined
      ? await query.orderBy('created_at').orderBy('id').execute()
      : (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(newest).execute()).reverse()
  return rows.map((row) => ({
    id: row.id,
    reportId: row.report_id,
    authorKind: row.author_kind,
    authorUserId: row.author_user_id,
    visibility: row.visibility,
    body: cipher.decrypt(row.body_enc, bodyContext(row.id)),
    createdAt: row.created_at,
  }))
}
