/**
 * The advisory's forms. They work without JavaScript: repeatable groups (affected products,
 * references, credits) are numbered rows — the filled ones plus a few empty ones — and "Save and
 * add rows" saves and shows more empty rows. Every field is named in the schema (unknown fields
 * are refused), each row's fields by their number.
 */
import { type Static, Type } from '@sinclair/typebox'
import { type ContentInput, contentLimits } from '../domain/advisory/content.js'
import { type CvssFormVectors, cvssFieldName } from '../domain/severity/cvss-form.js'
import { type CvssVersion, cvssMetrics, cvssVersions } from '../domain/severity/cvss-metrics.js'
import { cvssFormBodyFields } from '../http/cvss-form-body.js'
import { asList, Form } from '../http/form-body.js'

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
  /** The weaknesses kept: one checkbox per CWE id already chosen (untick to remove). */
  cwes: Form.list(Type.String({ maxLength: 1_000 }), contentLimits.cwes + 1),
  /** The CWE picker: an id typed (or words searched for), and a weakness picked from the search results. */
  cwe: Form.text(200),
  'cwe-pick': Form.text(20),
  /** The stored vectors; the calculators' metrics replace those of the versions the policy scores. */
  cvss31: Form.text(contentLimits.vector),
  cvss40: Form.text(contentLimits.vector),
  ...cvssFormBodyFields,
  qualitative: Form.text(16),
  cve: Form.text(40),
  /** How many rows each group showed (so "add rows" shows more). */
  rows: Form.text(4),
  /** The "Save and add rows" button. */
  more: Form.choice(['rows'] as const),
  /** "Score" (show the calculators' score, save nothing) and the CWE picker's "Search". */
  intent: Form.choice(['score', 'cwe-search'] as const),
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

/** The CWE ids the form keeps (ticked boxes), as one list. */
export const keptCwes = (form: AdvisoryEditForm): string[] =>
  asList(form.cwes)
    .flatMap((c) => c.split(/[\s,;]+/))
    .filter((c) => c !== '')

/** The weakness the picker adds: the one picked from the search results, else the id typed (empty: none). */
export const pickedCwe = (form: AdvisoryEditForm): string => (form['cwe-pick'] ?? '').trim() || (form.cwe ?? '').trim()

/** The form posted calculator metrics (a browser always posts the base metrics' radio groups once any is chosen). */
export function postedCvssMetrics(form: AdvisoryEditForm, version: CvssVersion): Record<string, string> {
  const body = form as Record<string, unknown>
  const out: Record<string, string> = {}
  for (const metric of cvssMetrics(version)) {
    const value = body[cvssFieldName(version, metric.key)]
    if (typeof value === 'string' && value !== '' && value !== 'X') out[metric.key] = value
  }
  return out
}

/** Whether the form carried any calculator field at all (older clients post vectors as text). */
export const postedCalculator = (form: AdvisoryEditForm): boolean =>
  cvssVersions.some((version) => cvssMetrics(version).some((metric) => cvssFieldName(version, metric.key) in form))

/**
 * What the edit form sent, as the content rules read it. `vectors` are the calculators' vectors
 * (a version cleared is null); a version without a calculator keeps the vector the form carried.
 */
export function contentInputOf(form: AdvisoryEditForm, vectors: CvssFormVectors = {}): ContentInput {
  const body = form as Record<string, string | undefined>
  const picked = pickedCwe(form)
  const vector = (key: 'cvss31' | 'cvss40') => {
    const v = vectors[key]
    return v === undefined ? (form[key] ?? '') : (v ?? '')
  }
  return {
    title: form.title ?? '',
    summary: form.summary ?? '',
    description: form.description ?? '',
    workarounds: form.workarounds ?? '',
    cwes: [...keptCwes(form), ...(picked ? [picked] : [])].join(', '),
    cvss31: vector('cvss31'),
    cvss40: vector('cvss40'),
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
