import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { markTokenUsed } from '../../storage/repositories/api-token-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/**
 * Every request an API token authenticates is in the audit log (issue 13, item 6): which token,
 * whose, the method and the route pattern (never the query or body). Written before the handler
 * runs, with the token's "last used" time.
 */
export async function recordTokenUse(
  deps: Deps,
  org: OrganizationRow,
  token: { id: string; userId: string },
  method: string,
  route: string,
): Promise<void> {
  await runUnit(deps, org, async (u) => {
    await markTokenUsed(u.tx, org.id, token.id, u.at)
    u.record(newEvent('token.used', { kind: 'user', id: token.userId }, u.at, null, { tokenId: token.id, method, route }))
  })
}
