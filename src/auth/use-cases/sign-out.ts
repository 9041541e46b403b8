import type { Deps } from '../../deps.js'
import { endSession } from '../sessions.js'

/** Ends the session behind the cookie; the route clears the cookie and the browser's cache. */
export async function signOut(deps: Deps, sessionId: string): Promise<void> {
  await endSession(deps, sessionId)
  deps.log.info({ event: 'auth.signed_out' }, 'signed out')
}
