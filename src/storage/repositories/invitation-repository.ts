import { acrossOrganizations, type Executor, type Tx } from '../db.js'
import type { InvitationRow, Role } from '../schema.js'

export async function insertInvitation(tx: Tx, row: InvitationRow): Promise<void> {
  await tx.insertInto('invitation').values(row).execute()
}

/** Pending invitations of one address end when a new one is sent: only the newest link works. */
export async function revokePendingInvitationsTo(tx: Tx, orgId: string, email: string, at: string): Promise<string[]> {
  const rows = await tx
    .updateTable('invitation')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** The organization's invitations, newest first (the admin page shows pending, expired, accepted and revoked). */
export const listInvitations = (db: Executor, orgId: string, limit = 200): Promise<InvitationRow[]> =>
  db.selectFrom('invitation').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').limit(limit).execute()

export const findInvitation = (db: Executor, orgId: string, id: string): Promise<InvitationRow | undefined> =>
  db.selectFrom('invitation').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()

/** The invitation behind a link, whatever its organization: a capability lookup by token hash. */
export const findInvitationByTokenHash = (db: Executor, tokenHash: string): Promise<InvitationRow | undefined> =>
  // Across organizations: the link names no organization; its hash is the lookup key.
  acrossOrganizations(db).selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()

/** Uses the invitation up, once: false when it was accepted, revoked or had expired meanwhile. */
export async function markInvitationAccepted(tx: Tx, orgId: string, id: string, userId: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('invitation')
    .set({ accepted_at: at, accepted_by: userId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Revokes a pending invitation; false when it was no longer pending. */
export async function revokeInvitation(tx: Tx, orgId: string, id: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('invitation')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export type { Role }
