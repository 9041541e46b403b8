import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findMembership, listOrganizationsOfUser, setUserDisabled } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { actorOf } from '../links.js'
import type { AccountChangeError } from './disable-account.js'

/** An administrator enables a disabled account again (same limits as disabling it). The person signs in anew. */
export async function enableAccount(
  deps: Deps,
  org: OrganizationRow,
  userId: string,
  actorId: string,
): Promise<Result<void, AccountChangeError>> {
  return runUnit(deps, org, async (u) => {
    if (!(await findMembership(u.tx, org.id, userId))) return fail({ code: 'MEMBER_UNKNOWN' as const })
    if ((await listOrganizationsOfUser(u.tx, userId)).some((o) => o.id !== org.id)) return fail({ code: 'ACCOUNT_SHARED' as const })
    await setUserDisabled(u.tx, userId, null)
    u.record(newEvent('account.enabled', actorOf(actorId), u.at, null, { userId }))
    return ok(undefined)
  })
}
