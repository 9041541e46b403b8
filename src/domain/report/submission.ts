/**
 * What a reporter sends, checked field by field. Text is kept exactly as typed (no trimming, no
 * normalization) so the team reads what the reporter wrote; only what cannot be stored or shown
 * faithfully is refused, each with a message naming the field.
 */
import { fail, ok, type Result } from '../result.js'

/** A question the policy asks about a program (src/domain/policy/programs.ts builds these from the policy). */
export interface ProgramField {
  key: string
  label: string
  type: 'text' | 'long-text' | 'version' | 'url'
  required: boolean
}

/** A program a report may be about: its slug and its questions. */
export interface ProgramQuestions {
  slug: string
  fields: readonly ProgramField[]
}

export const creditPreferences = ['name', 'pseudonym', 'anonymous'] as const
export type CreditPreference = (typeof creditPreferences)[number]

export const submissionLimits = {
  title: 200,
  description: 50_000,
  steps: 50_000,
  impact: 20_000,
  affectedVersion: 200,
  reporterName: 200,
  reporterEmail: 254,
  /** An armored public key with a few subkeys and user IDs fits easily; more is not a key we want. */
  reporterPublicKey: 20_000,
  /** A program's own questions (the policy's `programs[].fields`), by type. */
  programField: { text: 1_000, 'long-text': 20_000, version: 200, url: 2_048 },
  programFields: 50,
} as const

export interface SubmissionInput {
  title?: unknown
  /** The program's slug (never an internal id). */
  program?: unknown
  /** Answers to the program's questions, by field key. */
  programFields?: unknown
  description?: unknown
  steps?: unknown
  impact?: unknown
  affectedVersion?: unknown
  reporterName?: unknown
  reporterEmail?: unknown
  reporterPublicKey?: unknown
  creditPreference?: unknown
}

export interface Submission {
  title: string
  /** The chosen program's slug; null when the policy lists none. */
  program: string | null
  /** The program's questions with their answers, as asked (label kept, so later policy changes do not rename them). */
  programFields: Array<{ key: string; label: string; value: string }>
  description: string
  steps: string
  impact: string
  affectedVersion: string
  reporterName: string | null
  reporterEmail: string | null
  /**
   * The reporter's armored OpenPGP public key as given; only its text is checked here. The intake
   * service validates the key itself (src/mail/openpgp-keys.ts `importPublicKey`), which is async.
   */
  reporterPublicKey: string | null
  creditPreference: CreditPreference
}

/** A submission's fields, and a program's own questions as `field.<key>`. */
export type SubmissionField = keyof Submission | `field.${string}`
/** Error codes per field; the message catalogue turns them into sentences. */
export type FieldProblem =
  | 'required'
  | 'too-long'
  | 'not-text'
  | 'control-characters'
  | 'malformed-unicode'
  | 'invalid-email'
  | 'unknown-program'
  | 'invalid-url'
  | 'invalid-choice'
  | 'name-required-for-credit'
  /** Files came with a report about a program whose policy fields have no `attachments` field (or with no program). */
  | 'files-not-accepted'
  | ReporterKeyProblem
/** Why a reporter's OpenPGP public key was refused (from `KeyImportError.problem`). */
export type ReporterKeyProblem =
  | 'key-unreadable'
  | 'key-private-key'
  | 'key-expired'
  | 'key-revoked'
  | 'key-invalid'
  | 'key-no-encryption-key'
  | 'key-multiple-keys'
export type FieldErrors = Partial<Record<SubmissionField, FieldProblem>>

// Single-line fields refuse all C0 controls but tab; multi-line text refuses only NUL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const singleLineControls = /[\u0000-\u0008\u000a-\u001f\u007f]/
const nul = '\u0000'
// Linear-time shape check; the address is also length-capped, so no pathological backtracking.
const emailShape = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(\.[^\s@<>()[\],;:".]+)+$/

/** Length in Unicode code points, as the API's JSON Schema counts it (an emoji is one, not two). */
const codePoints = (value: string): number => value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)

function text(
  value: unknown,
  field: SubmissionField,
  max: number,
  errors: FieldErrors,
  opts: { required: boolean; singleLine: boolean },
): string {
  if (value === undefined || value === null) value = ''
  if (typeof value !== 'string') {
    errors[field] = 'not-text'
    return ''
  }
  if (opts.required && value.trim() === '') errors[field] = 'required'
  else if (codePoints(value) > max) errors[field] = 'too-long'
  else if (!value.isWellFormed()) errors[field] = 'malformed-unicode'
  else if (opts.singleLine ? singleLineControls.test(value) : value.includes(nul)) errors[field] = 'control-characters'
  return value
}

const webAddress = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** The answers to a program's questions: each checked by its type, required ones required. */
function programAnswers(input: unknown, fields: readonly ProgramField[], errors: FieldErrors): Submission['programFields'] {
  const given = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {}
  return fields.map((f) => {
    const name = `field.${f.key}` as const
    const multiLine = f.type === 'long-text'
    const value = text(given[f.key], name, submissionLimits.programField[f.type], errors, { required: f.required, singleLine: !multiLine })
    if (!errors[name] && f.type === 'url' && value !== '' && !webAddress(value)) errors[name] = 'invalid-url'
    return { key: f.key, label: f.label, value }
  })
}

/**
 * Checks a submission against the organization's programs (from its policy). `programs` empty
 * means the policy lists none and the field is not asked; otherwise the program is named by its
 * slug and its own questions are asked too.
 */
export function validateSubmission(input: SubmissionInput, programs: readonly ProgramQuestions[]): Result<Submission, FieldErrors> {
  const errors: FieldErrors = {}
  const title = text(input.title, 'title', submissionLimits.title, errors, { required: true, singleLine: true })
  const description = text(input.description, 'description', submissionLimits.description, errors, { required: true, singleLine: false })
  const steps = text(input.steps, 'steps', submissionLimits.steps, errors, { required: false, singleLine: false })
  const impact = text(input.impact, 'impact', submissionLimits.impact, errors, { required: false, singleLine: false })
  const affectedVersion = text(input.affectedVersion, 'affectedVersion', submissionLimits.affectedVersion, errors, {
    required: false,
    singleLine: true,
  })
  const reporterName = text(input.reporterName, 'reporterName', submissionLimits.reporterName, errors, {
    required: false,
    singleLine: true,
  })
  const reporterEmail = text(input.reporterEmail, 'reporterEmail', submissionLimits.reporterEmail, errors, {
    required: false,
    singleLine: true,
  })
  if (!errors.reporterEmail && reporterEmail !== '' && !emailShape.test(reporterEmail)) errors.reporterEmail = 'invalid-email'
  const reporterPublicKey = text(input.reporterPublicKey, 'reporterPublicKey', submissionLimits.reporterPublicKey, errors, {
    required: false,
    singleLine: false,
  })

  let program: string | null = null
  let programFields: Submission['programFields'] = []
  if (programs.length > 0) {
    const chosen = typeof input.program === 'string' ? programs.find((p) => p.slug === input.program) : undefined
    if (input.program === undefined || input.program === '' || input.program === null) errors.program = 'required'
    else if (!chosen) errors.program = 'unknown-program'
    else {
      program = chosen.slug
      programFields = programAnswers(input.programFields, chosen.fields, errors)
    }
  }

  const credit = input.creditPreference ?? 'anonymous'
  let creditPreference: CreditPreference = 'anonymous'
  if (typeof credit !== 'string' || !(creditPreferences as readonly string[]).includes(credit)) errors.creditPreference = 'invalid-choice'
  else creditPreference = credit as CreditPreference
  if (!errors.creditPreference && creditPreference !== 'anonymous' && reporterName.trim() === '' && !errors.reporterName) {
    errors.reporterName = 'name-required-for-credit'
  }

  if (Object.keys(errors).length > 0) return fail(errors)
  return ok({
    title,
    program,
    programFields,
    description,
    steps,
    impact,
    affectedVersion,
    reporterName: reporterName.trim() === '' ? null : reporterName,
    reporterEmail: reporterEmail === '' ? null : reporterEmail,
    reporterPublicKey: reporterPublicKey.trim() === '' ? null : reporterPublicKey,
    creditPreference,
  })
}

/** `ACME-2026-0042`: prefix, year of receipt, number within the year (at least four digits). */
export const formatReference = (prefix: string, year: number, n: number): string => `${prefix}-${year}-${String(n).padStart(4, '0')}`

/** A reference prefix from an organization's slug: letters and digits, upper case, at most 10. */
export const referencePrefix = (slug: string): string =>
  slug
    .replace(/[^a-z0-9]/gi, '')
    .toUpperCase()
    .slice(0, 10) || 'REPORT'
