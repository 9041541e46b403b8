import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../http/form-body.js'

/** Where to go after signing in; only ever a path on this instance (see redirect-target.ts, which also refuses targets over its own, smaller limit). */
export const LoginQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 16_384 })) })
export type LoginQuery = Static<typeof LoginQuery>

/** The sign-in form. A password longer than any allowed one is simply a wrong password. */
export const LoginForm = Form({
  email: Form.text(1000),
  password: Form.text(4096),
  next: Form.text(16_384),
})
export type LoginForm = Static<typeof LoginForm>

/** The second step of signing in: one of the person's factors. */
export const SecondStepForm = Form({
  method: Form.choice(['totp', 'recovery', 'passkey'] as const),
  code: Form.text(64),
  /** The passkey's answer, as JSON, filled in by /static/passkey.js. */
  response: Form.text(16_384),
})
export type SecondStepForm = Static<typeof SecondStepForm>
