import type { Deps } from '../deps.js'
import { hashSecret, newSecret } from '../storage/ids.js'
import { countUsers } from '../storage/repositories/user-repository.js'

const validForMs = 24 * 60 * 60 * 1000

/**
 * While no user exists, each start issues a fresh one-time setup link (older ones stop working),
 * so there is never a default password. Returns the link to print, or null when set up already.
 */
export async function issueSetupLink(deps: Deps): Promise<string | null> {
  if ((await countUsers(deps.db)) > 0) return null
  const token = newSecret()
  const now = deps.now()
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('setup_token').execute()
    await tx
      .insertInto('setup_token')
      .values({
        token_hash: hashSecret(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + validForMs).toISOString(),
      })
      .execute()
  })
  return new URL(`/setup/${token}`, deps.config.publicUrl).href
}

/** True when the token opens setup: it is current and nobody has set the instance up yet. */
export async function setupTokenValid(deps: Deps, token: string): Promise<boolean> {
  if ((await countUsers(deps.db)) > 0) return false
  const row = await deps.db
    .selectFrom('setup_token')
    .select('token_hash')
    .where('token_hash', '=', hashSecret(token))
    .where('expires_at', '>', deps.now().toISOString())
    .executeTakeFirst()
  return row !== undefined
}
