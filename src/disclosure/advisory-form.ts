/**
 * The advisory's forms. They work without JavaScript: repeatable groups (affected products,
 * references, credits) are numbered rows — the filled ones plus a few empty ones — and "Save and
 * add rows" saves and shows more empty rows. Every field is named in the schema (unknown fields
 * are refused), each row's fields by their number.
 */
import { type Static, Type } from '@sinclair/typebox'
import { type ContentInput, contentLimits } from '../domain/advisory/content.js'
import { Form } from '../http/form-body.js'

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
export const AdvisoryParams = Type.Object({
  org: Type.String({ maxLength: 64 }),
  id: Type.String({ maxLength: 64 }),
})
export type AdvisoryParams = Static<typeof AdvisoryParams>

export const affectedColumns = ['kind', 'ecosystem', 'name', 'vendor', 'product', 'introduced', 'fixed', 'lastAffected', 'status'] as const
export const referenceColumns = ['kind', 'url'] as const
export const creditColumns = ['name', 'role'] as const

/** Empty rows shown after the filled ones, and added by "Save and add rows". */
export const emptyRows = 2

const rowFields = (group: string, columns: readonly string[], max: number) =>
  Object.fromEntries(
    Array.from({ length: contentLimits.rows }, (_, i) => columns.map((c) => [`${group}-${i}-${c}`, Form.text(max)])).flat(),
  )

export const AdvisoryEditForm = Form({
  title: Form.text(contentLimits.title * 2),
  summary: Form.text(contentLimits.summary * 2),
  description: Form.text(contentLimits.text * 2),
  workarounds: Form.text(contentLimits.text * 2),
  cwes: Form.text(1_000),
  cvss31: Form.text(contentLimits.vector),
  cvss40: Form.text(contentLimits.vector),
  qualitative: Form.text(16),
  cve: Form.text(40),
  /** How many rows each group showed (so "add rows" shows more). */
  rows: Form.text(4),
  /** The "Save and add rows" button. */
  more: Form.choice(['rows'] as const),
  ...rowFields('affected', affectedColumns, contentLimits.version * 2),
  ...rowFields('reference', referenceColumns, contentLimits.url + 10),
  ...rowFields('credit', creditColumns, contentLimits.name * 2),
})
export type AdvisoryEditForm = Static<typeof AdvisoryEditForm>

export const NewAdvisoryForm = Form({ report: Form.text(40), title: Form.text(contentLimits.title * 2) })
export const NewAdvisoryQuery = Type.Object({ report: Type.Optional(Type.String({ maxLength: 40 })) })
export const LinkReportForm = Form({ report: Form.text(40) })
export const ScheduleForm = Form({ at: Form.text(40) })
export const WithdrawForm = Form({ reason: Form.text(10_000) })
export const CveServicesForm = Form({
  shortName: Form.text(1000),
  apiUser: Form.text(1000),
  apiKey: Form.text(2000),
  endpoint: Form.text(1000),
})
export const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 8 })) })
export const DiffQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 8, pattern: '^[0-9]+$' })),
  to: Type.Optional(Type.String({ maxLength: 8, pattern: '^[0-9]+$' })),
})
export const EditQuery = Type.Object({ rows: Type.Optional(Type.String({ maxLength: 4, pattern: '^[0-9]+$' })) })

const rowsOf = (body: Record<string, string | undefined>, group: string, columns: readonly string[]) => {
  const rows: Record<string, string>[] = []
  for (let i = 0; i < contentLimits.rows; i++) {
    const row = Object.fromEntries(columns.map((c) => [c, body[`${group}-${i}-${c}`] ?? '']))
    if (columns.some((c) => `${group}-${i}-${c}` in body)) rows.push(row)
  }
  return rows
}

/** What the edit form sent, as the content rules read it. */
export function contentInputOf(form: AdvisoryEditForm): ContentInput {
  const body = form as Record<string, string | undefined>
  return {
    title: form.title ?? '',
    summary: form.summary ?? '',
    description: form.description ?? '',
    workarounds: form.workarounds ?? '',
    cwes: form.cwes ?? '',
    cvss31: form.cvss31 ?? '',
    cvss40: form.cvss40 ?? '',
    qualitative: form.qualitative ?? '',
    cve: form.cve ?? '',
    affected: rowsOf(body, 'affected', affectedColumns) as unknown as ContentInput['affected'],
    references: rowsOf(body, 'reference', referenceColumns) as unknown as ContentInput['references'],
    credits: rowsOf(body, 'credit', creditColumns) as unknown as ContentInput['credits'],
  }
}

/**
 * A schedule time from the form: `YYYY-MM-DDTHH:MM` (a datetime-local field) read as UTC, or a
 * full ISO-8601 instant; undefined when it is neither.
 */
export function scheduleInstant(value: string): string | undefined {
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00.000Z` : value
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(local)) return undefined
  const ms = Date.parse(local)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}
