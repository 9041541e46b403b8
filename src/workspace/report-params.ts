import { type Static, Type } from '@sinclair/typebox'

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
export const ReportParams = Type.Object({ org: Type.String({ maxLength: 64 }), ref: Type.String({ maxLength: 40 }) })
export type ReportParams = Static<typeof ReportParams>
export const FileParams = Type.Object({
  org: Type.String({ maxLength: 64 }),
  ref: Type.String({ maxLength: 40 }),
  id: Type.String({ maxLength: 40, pattern: '^[0-9a-f-]+$' }),
})
export type FileParams = Static<typeof FileParams>
