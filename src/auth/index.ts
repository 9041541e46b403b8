/** Front door of the auth feature: sign-in, sessions, passwords, and who is asking. */
export { identity } from './identity.js'
export { checkNewPassword, commonPasswordSet, decoyHash, hashPassword, verifyPassword } from './passwords.js'
export { authRoutes } from './routes.js'
export { type SessionClient, sessionAbsoluteMs, startSession } from './sessions.js'
export { SignInThrottle, type SignInThrottleLimits, signInThrottle } from './sign-in-throttle.js'
export { signOut } from './use-cases/sign-out.js'
