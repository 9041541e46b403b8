/** Front door of the admin feature: members, programs, organizations. */
export { checkNewMember, enrolMember, type MemberErrors } from './new-member.js'
export { checkNewOrganization, foundOrganization, type OrganizationErrors } from './new-organization.js'
export { adminRoutes } from './routes.js'
export { addMember } from './use-cases/add-member.js'
export { createOrganization } from './use-cases/create-organization.js'
