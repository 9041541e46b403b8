import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../http/form-body.js'

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
export const PartnerParams = Type.Object({ org: Type.String({ maxLength: 64 }), partner: Type.String({ maxLength: 64 }) })
export type PartnerParams = Static<typeof PartnerParams>
export const ContactParams = Type.Object({
  org: Type.String({ maxLength: 64 }),
  partner: Type.String({ maxLength: 64 }),
  index: Type.String({ maxLength: 3, pattern: '^[0-9]+$' }),
})
export type ContactParams = Static<typeof ContactParams>
export const AdvisoryParams = Type.Object({ org: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) })
export type AdvisoryParams = Static<typeof AdvisoryParams>
/** A partner's capability token; its shape is checked by the use case (a malformed one is "not found", like an unknown one). */
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 2048 }) })
export type TokenParams = Static<typeof TokenParams>

/** The partner's own notice page after acknowledging (`?done=ack`); the team's pages use the flash. */
export const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 32 })) })
export type DoneQuery = Static<typeof DoneQuery>

const settings = {
  name: Form.text(800),
  kind: Form.text(64),
  maxEmbargo: Form.text(240),
  excludedLabels: Form.text(4000),
  excludedPrograms: Form.text(4000),
}
const contact = { address: Form.text(1000), publicKey: Form.text(100_000) }

export const PartnerForm = Form({ ...settings, ...contact })
export type PartnerForm = Static<typeof PartnerForm>
export const PartnerSettingsForm = Form(settings)
export type PartnerSettingsForm = Static<typeof PartnerSettingsForm>
export const ContactForm = Form(contact)
export type ContactForm = Static<typeof ContactForm>

export const ReleaseForm = Form({ at: Form.text(40) })
export type ReleaseForm = Static<typeof ReleaseForm>
export const NoticeForm = Form({ partners: Form.list(Type.String({ maxLength: 64 }), 200), later: Form.checkbox() })
export type NoticeForm = Static<typeof NoticeForm>
export const MergeForm = Form({ at: Form.text(40) })
export type MergeForm = Static<typeof MergeForm>
