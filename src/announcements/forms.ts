import { Type } from '@sinclair/typebox'
import { deliveries } from '../domain/advisory/announcement.js'
import { Form } from '../http/form-body.js'

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
export const AdvisoryParams = Type.Object({ org: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) })
export const AnnouncementParams = Type.Object({
  org: Type.String({ maxLength: 64 }),
  id: Type.String({ maxLength: 64 }),
  announcement: Type.String({ maxLength: 64 }),
})
export const RetriedQuery = Type.Object({ retried: Type.Optional(Type.String({ maxLength: 8 })) })
export const ChannelsQuery = Type.Object({
  channel: Type.Optional(Type.String({ maxLength: 200 })),
})
export const ChannelFormBody = Form({
  name: Form.text(200),
  delivery: Form.choice(deliveries),
  address: Form.text(500),
  url: Form.text(2000),
  homeserver: Form.text(2000),
  room: Form.text(600),
  token: Form.text(2000),
})
export const RemoveChannelBody = Form({ name: Form.text(200) })
