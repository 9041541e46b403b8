/** Front door of the accounts feature: invitations, password change and reset, sessions, member revocation. */
export { invitationState } from './links.js'
export { accountRoutes } from './routes.js'
export { changeMemberRole } from './use-cases/change-member-role.js'
export { disableAccount } from './use-cases/disable-account.js'
export { enableAccount } from './use-cases/enable-account.js'
export { type InviteErrors, inviteMember } from './use-cases/invite-member.js'
export { removeMember } from './use-cases/remove-member.js'
export { revokeInvitation } from './use-cases/revoke-invitation.js'
