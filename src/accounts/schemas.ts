import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../http/form-body.js'

/** A link's secret: 256 bits in base64url (43 characters); anything else is simply not found. */
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 64 }) })
export type TokenParams = Static<typeof TokenParams>
/** A session by its id (the SHA-256 of its cookie, never the cookie itself). */
export const SessionParams = Type.Object({ session: Type.String({ maxLength: 64 }) })
export type SessionParams = Static<typeof SessionParams>

// A password longer than any allowed one is refused by the use case with a message, not by the schema.
export const ChangePasswordForm = Form({ current: Form.text(4096), password: Form.text(4096), confirm: Form.text(4096) })
export type ChangePasswordForm = Static<typeof ChangePasswordForm>
export const NewPasswordForm = Form({ password: Form.text(4096), confirm: Form.text(4096) })
export type NewPasswordForm = Static<typeof NewPasswordForm>
export const ResetRequestForm = Form({ email: Form.text(1000) })
export type ResetRequestForm = Static<typeof ResetRequestForm>
/** Accepting: name and password only for a new account; an existing account sends just the CSRF token. */
export const AcceptInvitationForm = Form({ name: Form.text(1000), password: Form.text(4096), confirm: Form.text(4096) })
export type AcceptInvitationForm = Static<typeof AcceptInvitationForm>
