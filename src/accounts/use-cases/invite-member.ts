import type { Deps } from '../../deps.js'
import { roles } from '../../domain/access/roles.js'
import { newEvent } from '../../domain/events.js'
import { looksLikeEmail, normalizeEmail } from '../../domain/organization.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { hashSecret, newId, newSecret } from '../../storage/ids.js'
import { insertInvitation, revokePendingInvitationsTo } from '../../storage/repositories/invitation-repository.js'
import { findMembership, findUserByEmail } from '../../storage/repositories/user-repository.js'
import type { OrganizationRow, Role } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { actorOf, invitationDays, invitationUrl } from '../links.js'

export type InviteErrors = Partial<Record<'email' | 'role', string>>

/**
 * An administrator invites someone by address and role (`embargo member invite` too). The same
 * thing happens whether or not the address has an account: an invitation row, a `member.invited`
 * event and a mail with a single-use link that expires after `invitationDays` — the invitee sets
 * their own password there, or, with an account, signs in and accepts. So the admin's page cannot
 * tell who has an account elsewhere (issue 13). Only membership of THIS organization, which the
 * admin sees in the list anyway, is refused. A newer invitation to the same address replaces a
 * pending one. The link is returned for the command line; the web page never shows it.
 */
export async function inviteMember(
  deps: Deps,
  org: OrganizationRow,
  input: { email: string; role: string },
  actorId: string | null,
): Promise<Result<{ invitationId: string; link: string }, InviteErrors>> {
  const errors: InviteErrors = {}
  const email = normalizeEmail(input.email)
  if (!looksLikeEmail(email)) errors.email = 'invalid-email'
  if (!(roles as readonly string[]).includes(input.role)) errors.role = 'invalid-choice'
  if (!errors.email) {
    const existing = await findUserByEmail(deps.db, email)
    if (existing && (await findMembership(deps.db, org.id, existing.id))) errors.email = 'already-member'
  }
  if (Object.keys(errors).length > 0) return fail(errors)
  const token = newSecret()
  const id = newId()
  const link = invitationUrl(deps, token)
  await runUnit(deps, org, async (u) => {
    for (const replaced of await revokePendingInvitationsTo(u.tx, org.id, email, u.at))
      u.record(newEvent('member.invitation_revoked', actorOf(actorId), u.at, null, { invitationId: replaced }))
    await insertInvitation(u.tx, {
      id,
      org_id: org.id,
      email,
      role: input.role as Role,
      token_hash: hashSecret(token),
      invited_by: actorId,
      created_at: u.at,
      expires_at: new Date(Date.parse(u.at) + invitationDays * 86_400_000).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    })
    u.record(newEvent('member.invited', actorOf(actorId), u.at, null, { invitationId: id, role: input.role }))
    u.send({ kind: 'mail', payload: { template: 'account.invitation', to: email, ref: '', orgName: org.name, link } })
  })
  deps.log.info({ event: 'member.invited', orgId: org.id, invitationId: id }, 'member invited')
  return ok({ invitationId: id, link })
}
