import type { Executor } from '../db.js'
import type { PasswordResetTable } from '../schema.js'

/** Password resets belong to an account, not to an organization: instance-level rows. */
export async function insertPasswordReset(db: Executor, row: PasswordResetTable): Promise<void> {
  await db.insertInto('password_reset').values(row).execute()
}

export async function lastPasswordResetAt(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('password_reset')
    .select('created_at')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.created_at
}

export const findPasswordReset = (db: Executor, tokenHash: string) =>
  db.selectFrom('password_reset').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()

/** Uses a reset link up, once; false when it was used or expired meanwhile. Every other link of the account ends too. */
export async function usePasswordReset(db: Executor, tokenHash: string, userId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('password_reset')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  await db.updateTable('password_reset').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
  return true
}
