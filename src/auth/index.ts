/** Front door of the auth feature: sign-in, sessions, passwords, and who is asking. */
export { identity } from './identity.js'
export { checkNewPassword, hashPassword, verifyPassword } from './passwords.js'
export { authRoutes } from './routes.js'
export { parsePasskeyResponse, totpCipher, totpSecretContext } from './second-factor/check.js'
export { hashRecoveryCode, newRecoveryCodes } from './second-factor/recovery-codes.js'
export { relyingParty } from './second-factor/relying-party.js'
export { matchingTotpStep, newTotpSecret, totpCodeAt, totpUri } from './second-factor/totp.js'
export { sessionAbsoluteMs, startSession } from './sessions.js'
