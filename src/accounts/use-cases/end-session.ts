import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { runAccountUnit } from '../../storage/account-unit.js'
import { deleteSessionOfUser } from '../../storage/repositories/session-repository.js'

/** A person ends one of their own sessions (from /account/sessions); its next request is refused. */
export async function endSession(
  deps: Deps,
  me: { id: string; sessionId: string },
  sessionId: string,
): Promise<Result<{ current: boolean }, { code: 'SESSION_UNKNOWN' }>> {
  const current = sessionId === me.sessionId
  return runAccountUnit(deps, me.id, async (u) => {
    if (!(await deleteSessionOfUser(u.tx, me.id, sessionId))) return fail({ code: 'SESSION_UNKNOWN' as const })
    u.record(newEvent('account.session_ended', { kind: 'user', id: me.id }, u.at, null, { userId: me.id, current }))
    return ok({ current })
  })
}
