/**
 * An organization's reply templates (src/reply-templates). The body is team text meant for
 * reporters, sealed like a message (`reply_template.body|<id>`); the name is kept in clear for
 * the list, like a partner's name.
 */
import type { ReplyTemplate } from '../../domain/reply-template/template.js'
import type { OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'

const bodyContext = (id: string) => `reply_template.body|${id}`

type Row = { id: string; name: string; body_enc: string; detailed: number }

const open = (cipher: OrgCipher, row: Row): ReplyTemplate => ({
  id: row.id,
  name: row.name,
  body: cipher.decrypt(row.body_enc, bodyContext(row.id)),
  detailed: Number(row.detailed) === 1,
})

/** The organization's templates, by name. */
export async function listReplyTemplates(db: Executor, cipher: OrgCipher, orgId: string): Promise<ReplyTemplate[]> {
  const rows = await db
    .selectFrom('reply_template')
    .select(['id', 'name', 'body_enc', 'detailed'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map((r) => open(cipher, r))
}

/** The names of the organization's templates, by name (the report page's choice: no body opened). */
export async function listReplyTemplateNames(db: Executor, orgId: string): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom('reply_template').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').orderBy('id').execute()
}

/** One template of the organization; undefined for another organization's or none. */
export async function findReplyTemplate(db: Executor, cipher: OrgCipher, orgId: string, id: string): Promise<ReplyTemplate | undefined> {
  const row = await db
    .selectFrom('reply_template')
    .select(['id', 'name', 'body_enc', 'detailed'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && open(cipher, row)
}

export async function insertReplyTemplate(tx: Tx, cipher: OrgCipher, orgId: string, t: ReplyTemplate, by: string, at: string) {
  await tx
    .insertInto('reply_template')
    .values({
      id: t.id,
      org_id: orgId,
      name: t.name,
      body_enc: cipher.encrypt(t.body, bodyContext(t.id)),
      detailed: t.detailed ? 1 : 0,
      created_by: by,
      created_at: at,
      updated_at: at,
    })
    .execute()
}

/** Writes a template's name, body and flag; false when the organization has no such template. */
export async function updateReplyTemplate(tx: Tx, cipher: OrgCipher, orgId: string, t: ReplyTemplate, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('reply_template')
    .set({ name: t.name, body_enc: cipher.encrypt(t.body, bodyContext(t.id)), detailed: t.detailed ? 1 : 0, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', t.id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Deletes a template; false when the organization has no such template. */
export async function deleteReplyTemplate(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('reply_template').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}
