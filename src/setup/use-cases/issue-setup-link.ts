import type { Deps } from '../../deps.js'
import { hashSecret, newSecret } from '../../storage/ids.js'
import { replaceSetupToken } from '../../storage/repositories/setup-token-repository.js'
import { countUsers } from '../../storage/repositories/user-repository.js'

const validForMs = 24 * 60 * 60 * 1000

/**
 * While no user exists, each start issues a fresh one-time setup link (older ones stop working),
 * so there is never a default password. Returns the link to print, or null when set up already.
 */
export async function issueSetupLink(deps: Deps): Promise<string | null> {
  if ((await countUsers(deps.db)) > 0) return null
  const token = newSecret()
  const now = deps.now()
  await replaceSetupToken(deps.db, {
    tokenHash: hashSecret(token),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + validForMs).toISOString(),
  })
  return new URL(`/setup/${token}`, deps.config.publicUrl).href
}
