import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../../http/form-body.js'

export const CodeForm = Form({ code: Form.text(64) })
export type CodeForm = Static<typeof CodeForm>

export const PasswordForm = Form({ password: Form.text(4096) })
export type PasswordForm = Static<typeof PasswordForm>

export const PasskeyForm = Form({ name: Form.text(400), response: Form.text(16_384) })
export type PasskeyForm = Static<typeof PasskeyForm>

/** A WebAuthn credential id, base64url (at most 1023 bytes by the specification). */
export const PasskeyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 1400, pattern: '^[A-Za-z0-9_-]+$' }) })
export type PasskeyParams = Static<typeof PasskeyParams>
