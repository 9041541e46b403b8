import type { Executor, Tx } from '../db.js'
import type { ApiTokenRow, Role } from '../schema.js'

export interface NewApiToken {
  id: string
  orgId: string
  userId: string
  name: string
  scope: 'read' | 'work'
  tokenHash: string
  createdAt: string
  expiresAt: string
}

export async function insertApiToken(tx: Tx, t: NewApiToken): Promise<void> {
  await tx
    .insertInto('api_token')
    .values({
      id: t.id,
      org_id: t.orgId,
      user_id: t.userId,
      name: t.name,
      scope: t.scope,
      token_hash: t.tokenHash,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute()
}

/** The member's own tokens in one organization, newest first (never the hash). */
export const listMemberTokens = (db: Executor, orgId: string, userId: string): Promise<Omit<ApiTokenRow, 'token_hash'>[]> =>
  db
    .selectFrom('api_token')
    .select(['id', 'org_id', 'user_id', 'name', 'scope', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()

/** Revokes one of the member's own live tokens; false when there is none such (another's, unknown, already revoked). */
export async function revokeApiToken(tx: Tx, orgId: string, userId: string, id: string, at: string): Promise<boolean> {
  const done = await tx
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(done.numUpdatedRows) === 1
}

/** A token as the API's access check needs it: its holder's account state and current role in the organization. */
export interface TokenHolder {
  id: string
  userId: string
  scope: 'read' | 'work'
  expiresAt: string
  revokedAt: string | null
  userDisabled: boolean
  /** Null when the holder is no longer a member of the organization. */
  role: Role | null
}

/** The token of this organization with this hash, with its holder; undefined when the organization has none. */
export async function findTokenHolder(db: Executor, orgId: string, tokenHash: string): Promise<TokenHolder | undefined> {
  const row = await db
    .selectFrom('api_token')
    .innerJoin('user', 'user.id', 'api_token.user_id')
    .leftJoin('membership', (j) =>
      j.onRef('membership.user_id', '=', 'api_token.user_id').onRef('membership.org_id', '=', 'api_token.org_id'),
    )
    .select([
      'api_token.id',
      'api_token.user_id',
      'api_token.scope',
      'api_token.expires_at',
      'api_token.revoked_at',
      'user.disabled_at',
      'membership.role',
    ])
    .where('api_token.org_id', '=', orgId)
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    userId: row.user_id,
    scope: row.scope,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    userDisabled: row.disabled_at !== null,
    role: row.role ?? null,
  }
}

export async function markTokenUsed(tx: Tx, orgId: string, id: string, at: string): Promise<void> {
  await tx.updateTable('api_token').set({ last_used_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute()
}
