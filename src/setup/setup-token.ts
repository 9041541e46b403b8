import type { Deps } from '../deps.js'
import { hashSecret } from '../storage/ids.js'
import { setupTokenCurrent } from '../storage/repositories/setup-token-repository.js'
import { countUsers } from '../storage/repositories/user-repository.js'

/** True when the token opens setup: it is current and nobody has set the instance up yet. */
export async function setupTokenValid(deps: Deps, token: string): Promise<boolean> {
  if ((await countUsers(deps.db)) > 0) return false
  return setupTokenCurrent(deps.db, hashSecret(token), deps.now().toISOString())
}
