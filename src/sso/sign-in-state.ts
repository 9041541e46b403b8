import crypto from 'node:crypto'
import type { Deps } from '../deps.js'

/** How long a person may take at their identity provider before the sign-in must start again. */
export const signInStateSeconds = 10 * 60

/**
 * What Embargo keeps in the browser between `/o/:org/sso/start` and the callback: the organization
 * it was started for, the `state` and `nonce` sent to the provider, the PKCE verifier, where to go
 * afterwards and until when this is good. Kept in an HttpOnly cookie signed with a key derived from
 * the master key (HMAC-SHA256), so no table grows with abandoned sign-ins, and a cookie forged,
 * altered or carried to another organization's callback is refused.
 */
export interface SignInState {
  orgId: string
  state: string
  nonce: string
  verifier: string
  next: string
  /** Milliseconds since the epoch, on the application's clock. */
  until: number
}

const keyOf = (deps: Pick<Deps, 'keyring'>) => deps.keyring.derive('sso-sign-in-state')
const mac = (deps: Pick<Deps, 'keyring'>, body: string) => crypto.createHmac('sha256', keyOf(deps)).update(body).digest('base64url')

export function sealSignInState(deps: Pick<Deps, 'keyring'>, s: SignInState): string {
  const body = Buffer.from(JSON.stringify(s), 'utf8').toString('base64url')
  return `${body}.${mac(deps, body)}`
}

/** The state, or null when the cookie is missing, forged, altered, expired or of another organization. */
export function openSignInState(deps: Pick<Deps, 'keyring' | 'now'>, cookie: string | undefined, orgId: string): SignInState | null {
  if (!cookie || cookie.length > 4096) return null
  const [body, tag, ...rest] = cookie.split('.')
  if (!body || !tag || rest.length > 0) return null
  const expected = Buffer.from(mac(deps, body))
  const given = Buffer.from(tag)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  let s: SignInState
  try {
    s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignInState
  } catch {
    return null
  }
  if (typeof s !== 'object' || s === null) return null
  if (s.orgId !== orgId || typeof s.until !== 'number' || s.until <= deps.now().getTime()) return null
  if (typeof s.state !== 'string' || typeof s.nonce !== 'string' || typeof s.verifier !== 'string' || typeof s.next !== 'string')
    return null
  return s
}
