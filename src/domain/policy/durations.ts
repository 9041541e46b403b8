/**
 * Durations as policies write them: "3 business days", "one working day", "48 hours",
 * "90 days", "90 calendar days", "immediately". Policies are read by people first, so the
 * policy file keeps the words and this module turns them into something a clock can count.
 *
 * Plain "days" means calendar days: that is how the seed policies use it ("every 5 days",
 * "within 90 days"), and a policy that means working days says so ("business", "working", "work").
 */

export type DurationUnit = 'business-days' | 'calendar-days' | 'hours'

export interface Duration {
  amount: number
  unit: DurationUnit
}

/**
 * The longest duration a policy may promise, per unit (docs/policy.md, "Limits"). No real policy
 * comes near: ten years of calendar days (520 weeks fit), ten years of five-day weeks, ten years
 * of hours. Longer amounts are refused when the policy is read, and the clock engine refuses
 * to count them (a clock it cannot compute shows an error instead of stopping the server).
 */
export const durationLimits: Readonly<Record<DurationUnit, number>> = {
  'business-days': 2_600,
  'calendar-days': 3_650,
  hours: 87_600,
}

/** Whether a duration is within the limits above (a whole, non-negative amount). */
export const withinLimits = (duration: Duration): boolean =>
  Number.isSafeInteger(duration.amount) && duration.amount >= 0 && duration.amount <= durationLimits[duration.unit]

/** A clock target: a countable duration, or a promise without a fixed deadline ("as soon as possible"). */
export type ClockTarget = { kind: 'duration'; duration: Duration } | { kind: 'as-soon-as-possible' }

const numberWords: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
}

/** Unit words, each with what it counts and how many of that a single one is worth. */
const unitWords: Readonly<Record<string, { unit: DurationUnit; factor: number }>> = {
  'business day': { unit: 'business-days', factor: 1 },
  'working day': { unit: 'business-days', factor: 1 },
  'work day': { unit: 'business-days', factor: 1 },
  workday: { unit: 'business-days', factor: 1 },
  'calendar day': { unit: 'calendar-days', factor: 1 },
  day: { unit: 'calendar-days', factor: 1 },
  week: { unit: 'calendar-days', factor: 7 },
  'calendar week': { unit: 'calendar-days', factor: 7 },
  hour: { unit: 'hours', factor: 1 },
}

const immediate = new Set(['immediately', 'at once', 'now'])
const asap = new Set(['as soon as possible', 'asap'])

/** Policy text longer than this is never a duration (and is never offered a correction). */
export const maxDurationTextLength = 60

/** The examples every "not a duration" message offers, so the fix is one copy-paste away. */
export const durationExamples = ['3 business days', '48 hours', '90 calendar days'] as const

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/-/g, ' ')

function parseAmount(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word)
  return numberWords[word]
}

function parseUnit(words: string): { unit: DurationUnit; factor: number } | undefined {
  const singular = words.endsWith('s') ? words.slice(0, -1) : words
  return unitWords[singular] ?? unitWords[words]
}

/**
 * Reads a duration in policy words; `undefined` when the words are not one.
 *
 * @example parseDuration('3 business days') // { amount: 3, unit: 'business-days' }
 * @example parseDuration('immediately')     // { amount: 0, unit: 'hours' }
 */
export function parseDuration(text: string): Duration | undefined {
  const words = normalise(text).replace(/^within /, '')
  if (immediate.has(words)) return { amount: 0, unit: 'hours' }
  const match = /^(\S+) (.+)$/.exec(words)
  if (!match) return undefined
  const amount = parseAmount(match[1] ?? '')
  const unit = parseUnit(match[2] ?? '')
  if (amount === undefined || unit === undefined) return undefined
  return { amount: amount * unit.factor, unit: unit.unit }
}

/** Reads what a clock entry promises: a duration, or "as soon as possible" (tracked, never breached). */
export function parseClockTarget(text: string): ClockTarget | undefined {
  if (asap.has(normalise(text))) return { kind: 'as-soon-as-possible' }
  const duration = parseDuration(text)
  return duration ? { kind: 'duration', duration } : undefined
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length] ?? 0
}

/** Longer words get no "did you mean": nothing a policy names is that long, and the cost grows with length × candidates. */
export const maxSuggestionInput = 64
/** At most this many candidates are compared (the IANA time zones, ~600, are the largest list). */
export const maxSuggestionCandidates = 1_000

/** How far a candidate may be from the word to count as a typo of it. */
const typoDistance = (candidate: string): number => Math.max(2, Math.floor(candidate.length / 4))

/**
 * The closest known word to a misspelt one, if it is close enough to be a typo. Bounded work:
 * words longer than `maxSuggestionInput` get no suggestion, only the first
 * `maxSuggestionCandidates` candidates are looked at, and a candidate whose length alone puts it
 * out of typo distance is skipped without computing the edit distance.
 */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  if (word.length > maxSuggestionInput) return undefined
  const lower = word.toLowerCase()
  let best: { word: string; distance: number } | undefined
  for (const candidate of known.slice(0, maxSuggestionCandidates)) {
    if (candidate.length > maxSuggestionInput || Math.abs(candidate.length - word.length) > typoDistance(candidate)) continue
    const distance = editDistance(lower, candidate.toLowerCase())
    if (!best || distance < best.distance) best = { word: candidate, distance }
  }
  return best && best.distance <= typoDistance(best.word) ? best.word : undefined
}

/** A corrected spelling of a near-miss duration such as "3 bussiness days", when one is obvious. */
export function suggestDuration(text: string): string | undefined {
  if (text.length > maxDurationTextLength) return undefined
  const match = /^(\S+) (.+)$/.exec(normalise(text))
  if (!match) return undefined
  const amount = parseAmount(match[1] ?? '')
  const rest = match[2] ?? ''
  const plural = rest.endsWith('s')
  const known = Object.keys(unitWords)
  const unit = closestWord(plural ? rest.slice(0, -1) : rest, known)
  if (amount === undefined || unit === undefined) return undefined
  return `${match[1]} ${unit}${amount === 1 ? '' : 's'}`
}

/** A value as a message quotes it: JSON-quoted, and cut short when long (the author knows the rest). */
export function quoted(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value)
}

/** The plain-language complaint about a string that is not a duration, with what to write instead. */
export function describeBadDuration(text: string): string {
  const parsed = text.length > maxDurationTextLength ? undefined : parseDuration(text)
  if (parsed && !withinLimits(parsed)) return describeTooLong(text, parsed)
  const tries = [suggestDuration(text), ...durationExamples].filter((t, i, all): t is string => !!t && all.indexOf(t) === i)
  return `${quoted(text)} is not a duration (try ${tries
    .slice(0, -1)
    .map((t) => JSON.stringify(t))
    .join(', ')} or ${JSON.stringify(tries.at(-1))})`
}

const limitWords: Readonly<Record<DurationUnit, string>> = {
  'business-days': `${durationLimits['business-days']} business days`,
  'calendar-days': `${durationLimits['calendar-days']} days or 521 weeks`,
  hours: `${durationLimits.hours} hours`,
}

function describeTooLong(text: string, duration: Duration): string {
  return `${quoted(text)} is longer than a policy may promise (at most ${limitWords[duration.unit]})`
}

/** The duration in the words a reader expects: "3 business days", "48 hours", "immediately". */
export function formatDuration(duration: Duration): string {
  if (duration.amount === 0) return 'immediately'
  const one = duration.amount === 1
  switch (duration.unit) {
    case 'business-days':
      return `${duration.amount} business ${one ? 'day' : 'days'}`
    case 'calendar-days':
      return `${duration.amount} ${one ? 'day' : 'days'}`
    case 'hours':
      return `${duration.amount} ${one ? 'hour' : 'hours'}`
  }
}

/** How long a reporter may object to the public version of their report when `disclosure.reporterObjection` names no time. */
export const defaultReporterObjection = '14 days'
