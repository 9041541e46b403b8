import type { Deps } from '../deps.js'
import { hashSecret } from '../storage/ids.js'
import { findInvitationByTokenHash } from '../storage/repositories/invitation-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { findUserByEmail } from '../storage/repositories/user-repository.js'
import type { InvitationRow, OrganizationRow, UserRow } from '../storage/schema.js'
import { invitationState } from './links.js'

/**
 * What an invitation link leads to, for whoever holds it (the invitee, who got it by mail):
 * - `invalid`: unknown, expired, revoked or already used;
 * - `new-account`: the address has no account: choose a name and password;
 * - `sign-in`: the address has an account: sign in as it first, then accept;
 * - `accept`: signed in as the invited account: join with one button;
 * - `other-account`: signed in as someone else.
 */
export type InvitationLink =
  | { kind: 'invalid' }
  | { kind: 'new-account' | 'sign-in' | 'accept' | 'other-account'; invitation: InvitationRow; org: OrganizationRow; account?: UserRow }

export async function readInvitationLink(deps: Deps, token: string, signedInUserId: string | null): Promise<InvitationLink> {
  const invitation = await findInvitationByTokenHash(deps.db, hashSecret(token))
  if (!invitation || invitationState(invitation, deps.now()) !== 'pending') return { kind: 'invalid' }
  const org = await findOrganizationById(deps.db, invitation.org_id)
  if (!org) return { kind: 'invalid' }
  const account = await findUserByEmail(deps.db, invitation.email)
  if (!account) return { kind: 'new-account', invitation, org }
  if (account.disabled_at !== null) return { kind: 'invalid' }
  if (!signedInUserId) return { kind: 'sign-in', invitation, org, account }
  return { kind: signedInUserId === account.id ? 'accept' : 'other-account', invitation, org, account }
}
