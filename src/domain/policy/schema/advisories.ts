/** How the organization publishes advisories: review before publishing, its own id prefix, GCVE numbering. */
import { Type } from '@sinclair/typebox'
import { oneOf, strictObject } from './kit.js'

export const Advisories = strictObject({
  review: Type.Optional(oneOf(['required', 'optional'] as const, 'Whether a second team member must approve before publishing')),
  idPrefix: Type.Optional(
    Type.String({ pattern: '^[A-Z][A-Z0-9-]{0,30}$', maxLength: 31, description: 'Prefix of the own advisory ids, e.g. "OKLANT"' }),
  ),
  gcve: Type.Optional(
    strictObject({
      gna: Type.Integer({ minimum: 1, maximum: 999_999_999, description: 'The GCVE numbering authority id of the organization' }),
    }),
  ),
})
