/** Front door of the auth feature: sign-in, sessions, passwords, and who is asking. */
export { identity } from './identity.js'
export { checkNewPassword, hashPassword } from './passwords.js'
export { authRoutes } from './routes.js'
export { sessionAbsoluteMs, startSession } from './sessions.js'
