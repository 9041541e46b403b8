import type { Config } from '../../config.js'

/**
 * The WebAuthn relying party is this instance as `EMBARGO_PUBLIC_URL` names it: its host is the
 * RP ID and its origin the only origin a passkey answer is accepted from (never request headers).
 */
export const relyingParty = (config: Config) => ({
  id: config.publicUrl.hostname,
  origin: config.publicUrl.origin,
  name: 'Embargo',
})
