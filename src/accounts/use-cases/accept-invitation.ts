import { checkNewPassword, hashPassword } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { nameProblem } from '../../domain/organization.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { markInvitationAccepted } from '../../storage/repositories/invitation-repository.js'
import { findMembership, insertMembership, insertUser } from '../../storage/repositories/user-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { readInvitationLink } from '../invitation-link.js'

export type AcceptInvitationError =
  | { code: 'INVALID' | 'SIGN_IN_FIRST' | 'OTHER_ACCOUNT' | 'USED_MEANWHILE' }
  | { code: 'FIELDS'; fields: Partial<Record<'name' | 'password' | 'confirm', string>> }

/**
 * The invitee follows the link: without an account they choose their name and password (checked
 * like every new password) and an account is created; with one they must be signed in as it. The
 * membership, the invitation used up (once: a second use or a race finds it no longer pending) and
 * `member.invitation_accepted` are one unit of work. Returns the user id and organization slug;
 * the route starts a session for a new account.
 */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  signedInUserId: string | null,
  form: { name: string; password: string; confirm: string },
): Promise<Result<{ userId: string; orgSlug: string; newAccount: boolean }, AcceptInvitationError>> {
  const link = await readInvitationLink(deps, token, signedInUserId)
  if (link.kind === 'invalid') return fail({ code: 'INVALID' })
  if (link.kind === 'sign-in') return fail({ code: 'SIGN_IN_FIRST' })
  if (link.kind === 'other-account') return fail({ code: 'OTHER_ACCOUNT' })
  const { invitation, org } = link
  let passwordHash: string | null = null
  if (link.kind === 'new-account') {
    const fields: Partial<Record<'name' | 'password' | 'confirm', string>> = {}
    const name = nameProblem(form.name)
    if (name) fields.name = name
    const password = checkNewPassword(form.password)
    if (password) fields.password = password
    else if (form.password !== form.confirm) fields.confirm = 'mismatch'
    if (Object.keys(fields).length > 0) return fail({ code: 'FIELDS', fields })
    passwordHash = await hashPassword(form.password)
  }
  return runUnit(deps, org, async (u) => {
    const userId = link.account?.id ?? newId()
    // The account first (the invitation row names it); a refusal below rolls it back with everything else.
    if (passwordHash) await insertUser(u.tx, { id: userId, email: invitation.email, name: form.name.trim(), passwordHash, createdAt: u.at })
    if (!(await markInvitationAccepted(u.tx, org.id, invitation.id, userId, u.at))) return fail({ code: 'USED_MEANWHILE' as const })
    if (!(await findMembership(u.tx, org.id, userId)))
      await insertMembership(u.tx, { orgId: org.id, userId, role: invitation.role, createdAt: u.at })
    u.record(
      newEvent('member.invitation_accepted', { kind: 'user', id: userId }, u.at, null, {
        invitationId: invitation.id,
        userId,
        role: invitation.role,
        newAccount: passwordHash !== null,
      }),
    )
    return ok({ userId, orgSlug: org.slug, newAccount: passwordHash !== null })
  })
}
