import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../http/form-body.js'

/** The one-time setup token in the path; its shape is checked by looking it up. */
export const SetupParams = Type.Object({ token: Type.String({ maxLength: 512 }) })
export type SetupParams = Static<typeof SetupParams>

/** The first-run form. Outer bounds only: the use case names each field a person must fix. */
export const SetupForm = Form({
  name: Form.text(1000),
  email: Form.text(1000),
  password: Form.text(4096),
  orgName: Form.text(1000),
  orgSlug: Form.text(1000),
})
export type SetupForm = Static<typeof SetupForm>
