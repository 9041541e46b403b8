/** What the policy covers: programs with their scope and the facts a report about each must carry. */
import { type Static, Type } from '@sinclair/typebox'
import { List, Name, oneOf, Slug, strictObject, Text, TextList } from './kit.js'

export const programKinds = ['open-source', 'web-app', 'other', 'third-party'] as const

export const ReportField = strictObject({
  key: Slug('Field id, e.g. "browser-version"'),
  label: Name('Question asked of the reporter'),
  type: Type.Optional(oneOf(['text', 'long-text', 'version', 'url', 'attachments'] as const)),
  required: Type.Optional(Type.Boolean({ description: 'Defaults to true' })),
})

export const Program = strictObject({
  slug: Slug(),
  name: Name(),
  kind: oneOf(programKinds),
  inScope: Type.Boolean(),
  description: Type.Optional(Text()),
  fields: Type.Optional(List(ReportField, { maxItems: 50 })),
  handledLike: Type.Optional(Slug('Another program whose fields and process this one follows')),
  thirdParty: Type.Optional(
    strictObject({
      handling: oneOf(
        ['coordinate', 'refer-to-maintainers'] as const,
        'We coordinate with the maintainers, or the reporter should go to them',
      ),
      note: Type.Optional(Text()),
    }),
  ),
})

export const Scope = strictObject({
  inScope: Type.Optional(TextList('What the policy covers, in words')),
  outOfScope: Type.Optional(TextList()),
})
export type Program = Static<typeof Program>
