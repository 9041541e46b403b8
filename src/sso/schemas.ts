import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../http/form-body.js'

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
export type OrgParams = Static<typeof OrgParams>

export const StartQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) })
export type StartQuery = Static<typeof StartQuery>

/** The provider's answer (RFC 6749 §4.1.2, RFC 9207 `iss`); openid-client reads and checks it whole. */
export const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  iss: Type.Optional(Type.String({ maxLength: 1000 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  session_state: Type.Optional(Type.String({ maxLength: 1000 })),
})
export type CallbackQuery = Static<typeof CallbackQuery>

export const AdminQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 8 })) })
export type AdminQuery = Static<typeof AdminQuery>

export const SsoSettingsForm = Form({
  displayName: Form.text(1000),
  issuer: Form.text(1000),
  clientId: Form.text(1000),
  clientSecret: Form.text(2000),
  domains: Form.text(10_000),
  jitRole: Form.choice(['', 'viewer', 'responder'] as const),
  trustProviderMfa: Form.choice(['yes', 'no'] as const),
  enabled: Form.choice(['yes', 'no'] as const),
})
export type SsoSettingsForm = Static<typeof SsoSettingsForm>
