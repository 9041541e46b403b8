import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { revokeApiToken as revokeStored } from '../../storage/repositories/api-token-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** Revokes one of the member's own tokens; the next request with it is refused. Another's or an unknown token is NOT_FOUND. */
export async function revokeApiToken(
  deps: Deps,
  org: OrganizationRow,
  userId: string,
  tokenId: string,
): Promise<Result<void, { code: 'NOT_FOUND' }>> {
  return runUnit(deps, org, async (u) => {
    if (!(await revokeStored(u.tx, org.id, userId, tokenId, u.at))) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('token.revoked', { kind: 'user', id: userId }, u.at, null, { tokenId }))
    return ok(undefined)
  })
}
