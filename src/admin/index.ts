/** Front door of the admin feature: members, programs, organizations. */
export { addMember, checkNewMember, insertMember, type MemberErrors } from './add-member.js'
export { addProgram } from './add-program.js'
export { checkNewOrganization, createOrganization, insertNewOrganization, type OrganizationErrors } from './create-organization.js'
export { adminRoutes } from './routes.js'
