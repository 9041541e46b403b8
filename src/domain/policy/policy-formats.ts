/**
 * The string formats a policy file uses, registered once with TypeBox so the schema itself
 * rejects "security@" or "3 bussiness days", and `describeFormatProblem` can say why in plain words.
 */
import { FormatRegistry } from '@sinclair/typebox'
import { describeBadDuration, maxDurationTextLength, parseClockTarget, parseDuration, quoted, withinLimits } from './durations.js'

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/

function isUrl(text: string): boolean {
  if (/\s/.test(text)) return false
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function isLanguageTag(text: string): boolean {
  try {
    return Intl.getCanonicalLocales(text).length === 1
  } catch {
    return false
  }
}

/** A duration in words, within the limits a policy may promise (durations.ts `durationLimits`). */
function isDuration(text: string): boolean {
  if (text.length > maxDurationTextLength) return false
  const duration = parseDuration(text)
  return duration !== undefined && withinLimits(duration)
}

function isClockTarget(text: string): boolean {
  if (text.length > maxDurationTextLength) return false
  const target = parseClockTarget(text)
  return target !== undefined && (target.kind !== 'duration' || withinLimits(target.duration))
}

/** Each format with its check and the complaint shown when a value fails it. */
export const policyFormats = {
  'policy-email': { check: (v: string) => emailPattern.test(v), problem: (v: string) => `${quoted(v)} is not an e-mail address` },
  'policy-url': {
    check: isUrl,
    problem: (v: string) => `${quoted(v)} is not a web address (write it in full, starting with https://)`,
  },
  'policy-date': {
    check: isCalendarDate,
    problem: (v: string) => `${quoted(v)} is not a date (write it as YYYY-MM-DD, e.g. "2026-12-24")`,
  },
  'policy-date-time': {
    check: (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)),
    problem: (v: string) => `${quoted(v)} is not a date and time (write it as "2027-06-30T00:00:00Z")`,
  },
  'policy-duration': { check: (v: string) => isDuration(v), problem: describeBadDuration },
  'policy-clock-target': { check: (v: string) => isClockTarget(v), problem: describeBadDuration },
  'policy-language-tag': {
    check: isLanguageTag,
    problem: (v: string) => `${quoted(v)} is not a language tag (write e.g. "en", "de" or "nl")`,
  },
  'policy-slug': {
    check: (v: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v),
    problem: (v: string) => `${quoted(v)} is not a slug (use lower-case letters, digits and single hyphens, e.g. "web-apps")`,
  },
} as const satisfies Record<string, { check: (v: string) => boolean; problem: (v: string) => string }>

export type PolicyFormat = keyof typeof policyFormats

// Names carry a `policy-` prefix so another module's `email` or `date` format can never replace ours.
for (const [name, format] of Object.entries(policyFormats)) FormatRegistry.Set(name, format.check)

/** The plain-language complaint for a value that fails a policy format. */
export function describeFormatProblem(format: string, value: string): string {
  const known = (policyFormats as Record<string, { problem: (v: string) => string }>)[format]
  return known ? known.problem(value) : `${quoted(value)} is not a valid ${format}`
}
