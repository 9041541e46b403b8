import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../http/form-body.js'
import { bodyLimit } from '../http/server.js'

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
export type OrgParams = Static<typeof OrgParams>
export const TemplateParams = Type.Object({ org: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) })
export type TemplateParams = Static<typeof TemplateParams>
/** `?from=<id>`: the new-template form starts as a copy of that template (a built-in one, or the team's own). */
export const NewQuery = Type.Object({ from: Type.Optional(Type.String({ maxLength: 80 })) })
export type NewQuery = Static<typeof NewQuery>

/** The template's own limits (name, body, placeholders) are the domain's; the schema bounds the body by the request limit. */
export const TemplateForm = Form({ name: Form.text(4000), body: Form.text(bodyLimit), detailed: Form.checkbox() })
export type TemplateForm = Static<typeof TemplateForm>
