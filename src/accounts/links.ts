import type { Deps } from '../deps.js'
import type { EventActor } from '../domain/events.js'

/** An invitation link works this long after it was sent (ASVS v5.0.0-6.4.1: initial secrets expire). */
export const invitationDays = 7
/** A password-reset link works this long (v5.0.0-6.4.1: short-lived), and only once. */
export const resetLinkMinutes = 30
/** At most one reset mail per account in this time, whoever asks. */
export const resetSpacingMs = 5 * 60 * 1000

export const invitationUrl = (deps: Pick<Deps, 'config'>, token: string): string => new URL(`/invite/${token}`, deps.config.publicUrl).href
export const resetUrl = (deps: Pick<Deps, 'config'>, token: string): string =>
  new URL(`/account/reset/${token}`, deps.config.publicUrl).href

export const actorOf = (actorId: string | null): EventActor => (actorId ? { kind: 'user', id: actorId } : { kind: 'system' })

/** What the admin page shows of an invitation. */
export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked'

export function invitationState(
  i: { accepted_at: string | null; revoked_at: string | null; expires_at: string },
  now: Date,
): InvitationState {
  if (i.accepted_at) return 'accepted'
  if (i.revoked_at) return 'revoked'
  return Date.parse(i.expires_at) <= now.getTime() ? 'expired' : 'pending'
}
