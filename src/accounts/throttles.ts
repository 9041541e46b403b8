import { SignInThrottle, signInThrottle } from '../auth/index.js'
import type { Deps } from '../deps.js'

/**
 * The sign-in throttle's idea, reused (src/auth/sign-in-throttle.ts): slow the client address
 * down per account, never lock the account. One pair of throttles per running application.
 * - reset requests: every request counts; after 3 for one address from one network, that network
 *   waits 1 s, 2 s, 4 s … (an account asked for from many networks: after 6);
 * - wrong current passwords on the change form: as for sign-in.
 */
const throttles = new WeakMap<Deps, { reset: SignInThrottle; change: SignInThrottle }>()

export function throttlesOf(deps: Deps): { reset: SignInThrottle; change: SignInThrottle } {
  let found = throttles.get(deps)
  if (!found) {
    found = {
      reset: new SignInThrottle({ ...signInThrottle, freePerAddress: 3, accountCeiling: 6, baseDelayMs: 60_000 }),
      change: new SignInThrottle(),
    }
    throttles.set(deps, found)
  }
  return found
}
