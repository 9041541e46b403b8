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
/**
 * The report page's own query: `?template=<id>` fills the reply box with that reply template
 * (src/reply-templates); `?thread=all` and `?timeline=all` show the whole thread or timeline instead
 * of the newest (`threadShown`, `timelineShown`).
 */
export const ReportPageQuery = Type.Object({
  template: Type.Optional(Type.String({ maxLength: 80 })),
  thread: Type.Optional(Type.Literal('all')),
  timeline: Type.Optional(Type.Literal('all')),
})
/** Messages and timeline entries the report page shows before "show all": the newest. */
export const threadShown = 50
export const timelineShown = 50
export type ReportPageQuery = Static<typeof ReportPageQuery>
