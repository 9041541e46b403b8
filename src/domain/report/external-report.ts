/**
 * A report the team registers after receiving it elsewhere (a bug-bounty platform, a forge's
 * private reporting): which platform, its reference and address there, when it was received (so
 * the clocks start then), and the report's title and text as the platform shows them. Pure: the
 * caller passes the policy's platforms and programs, the organization's zone and the time now.
 */
import { instantAt, type WallTime } from '../calendar/zoned-time.js'
import { fail, ok, type Result } from '../result.js'
import { type ProgramQuestions, type Submission, validateSubmission } from './submission.js'

export const externalLimits = { platformName: 200, reference: 200, url: 2_048 } as const

/** The platform the team picks when the policy does not list it. */
export const otherPlatform = 'other'

export interface ExternalReportInput {
  platform?: unknown
  /** The platform's name, when `platform` is "other". */
  platformName?: unknown
  reference?: unknown
  url?: unknown
  /** `YYYY-MM-DDTHH:MM` (a datetime-local field), read in the organization's zone. */
  receivedAt?: unknown
  title?: unknown
  text?: unknown
  program?: unknown
}

export type ExternalReportField = 'platform' | 'platformName' | 'reference' | 'url' | 'receivedAt' | 'title' | 'text' | 'program'
export type ExternalReportProblem =
  | 'required'
  | 'too-long'
  | 'not-text'
  | 'control-characters'
  | 'malformed-unicode'
  | 'invalid-choice'
  | 'unknown-program'
  | 'not-web-address'
  | 'invalid-date'
  | 'future-date'
export type ExternalReportErrors = Partial<Record<ExternalReportField, ExternalReportProblem>>

export interface ExternalReport {
  /** The policy's platform id, or "other". */
  platformId: string
  /** The platform's name as shown on the report page. */
  platform: string
  reference: string
  url: string
  /** ISO instant. */
  receivedAt: string
  submission: Submission
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const singleLineControls = /[\u0000-\u0008\u000a-\u001f\u007f]/
const localDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

function line(value: unknown, max: number): { value: string; problem?: ExternalReportProblem } {
  if (value === undefined || value === null) return { value: '', problem: 'required' }
  if (typeof value !== 'string') return { value: '', problem: 'not-text' }
  if (value.trim() === '') return { value, problem: 'required' }
  if (value.length > max) return { value, problem: 'too-long' }
  if (!value.isWellFormed()) return { value, problem: 'malformed-unicode' }
  if (singleLineControls.test(value)) return { value, problem: 'control-characters' }
  return { value }
}

const webAddress = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** The instant a wall-clock time in `timeZone` names, or null when it is not a real date and time. */
export function instantOfLocal(value: string, timeZone: string): number | null {
  const m = localDateTime.exec(value)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => Number(p ?? 0)) as number[]
  const wall: WallTime = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second!, millisecond: 0 }
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second))
  if (probe.getUTCMonth() !== wall.month - 1 || probe.getUTCDate() !== wall.day || wall.hour > 23 || wall.minute > 59) return null
  return instantAt(wall, timeZone)
}

/**
 * Checks what the team typed. Every problem is named at once, by field. The platform is one the
 * policy lists, or "other" with its name; the address is http(s) only; the received time is a real
 * time in the organization's zone and not in the future.
 */
export function validateExternalReport(
  input: ExternalReportInput,
  context: { platforms: ReadonlyArray<{ id: string; name: string }>; programs: readonly ProgramQuestions[]; timeZone: string; now: Date },
): Result<ExternalReport, ExternalReportErrors> {
  const errors: ExternalReportErrors = {}
  const platformId = typeof input.platform === 'string' ? input.platform : ''
  const listed = context.platforms.find((p) => p.id === platformId)
  let platform = listed?.name ?? ''
  if (platformId === '') errors.platform = 'required'
  else if (!listed && platformId !== otherPlatform) errors.platform = 'invalid-choice'
  else if (platformId === otherPlatform) {
    const name = line(input.platformName, externalLimits.platformName)
    if (name.problem) errors.platformName = name.problem
    platform = name.value
  }
  const reference = line(input.reference, externalLimits.reference)
  if (reference.problem) errors.reference = reference.problem
  const url = line(input.url, externalLimits.url)
  if (url.problem) errors.url = url.problem
  else if (!webAddress(url.value)) errors.url = 'not-web-address'
  let receivedAt = ''
  const when = line(input.receivedAt, 40)
  if (when.problem) errors.receivedAt = when.problem === 'required' ? 'required' : 'invalid-date'
  else {
    const instant = instantOfLocal(when.value, context.timeZone)
    if (instant === null) errors.receivedAt = 'invalid-date'
    else if (instant > context.now.getTime()) errors.receivedAt = 'future-date'
    else receivedAt = new Date(instant).toISOString()
  }
  // Title, text and program are checked as the report form checks them; the platform asked its own questions.
  const checked = validateSubmission(
    { title: input.title, description: input.text, program: input.program, creditPreference: 'anonymous' },
    context.programs.map((p) => ({ slug: p.slug, fields: [] })),
  )
  if (!checked.ok) {
    const e = checked.error
    if (e.title) errors.title = e.title as ExternalReportProblem
    if (e.description) errors.text = e.description as ExternalReportProblem
    if (e.program) errors.program = e.program as ExternalReportProblem
  }
  if (!checked.ok || Object.keys(errors).length > 0) return fail(errors)
  return ok({ platformId, platform, reference: reference.value, url: url.value, receivedAt, submission: checked.value })
}
