/**
 * Turns TypeBox's schema errors into sentences a policy author can act on:
 * "unknown field "acknowlege" (did you mean "acknowledge"?)" rather than "Unexpected property".
 */
import type { TSchema } from '@sinclair/typebox'
import { type ValueError, ValueErrorType } from '@sinclair/typebox/value'
import { closestWord, quoted } from './durations.js'
import { describeFormatProblem } from './policy-formats.js'
import { type PathSegment, pointerSegments } from './source-lines.js'

/** At most this many problems are reported for one file. */
export const maxProblems = 50
/** At most this many "did you mean" searches are made for one file. */
export const maxSuggestions = 20

/** `closestWord` with a budget: after `maxSuggestions` searches it suggests nothing (a flood of typos is not a typo). */
export type Suggest = (word: string, known: readonly string[]) => string | undefined
export function suggester(budget = maxSuggestions): Suggest {
  let left = budget
  return (word, known) => {
    if (left <= 0) return undefined
    left--
    return closestWord(word, known)
  }
}

export interface PathProblem {
  segments: PathSegment[]
  message: string
  /** Said after every located problem (the "more problems" note). */
  last?: true
}

const kindNames: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'text',
  [ValueErrorType.Boolean]: 'true or false',
  [ValueErrorType.Number]: 'a number',
  [ValueErrorType.Integer]: 'a whole number',
  [ValueErrorType.Array]: 'a list',
  [ValueErrorType.Object]: 'a section of "key: value" lines',
}

function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a section'
  if (typeof value === 'string') return `text ${quoted(value)}`
  return `${typeof value} ${JSON.stringify(value)}`
}

const constsOf = (schema: TSchema): unknown[] | undefined => {
  const options = (schema as { anyOf?: TSchema[] }).anyOf
  if (!options?.every((o) => 'const' in o)) return undefined
  return options.map((o) => (o as unknown as { const: unknown }).const)
}

function describeChoice(schema: TSchema, value: unknown, suggest: Suggest): string {
  const choices = constsOf(schema)
  if (!choices) return `${describeFound(value)} does not fit here`
  const words = choices.map(String)
  const guess = typeof value === 'string' ? suggest(value.trim(), words) : undefined
  const hint = guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''
  return `${typeof value === 'string' ? quoted(value) : JSON.stringify(value)} is not one of ${words.map((w) => JSON.stringify(w)).join(', ')}${hint}`
}

function describe(error: ValueError, suggest: Suggest): string {
  const { type, schema, value } = error
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required but missing'
    case ValueErrorType.ObjectAdditionalProperties: {
      const segments = pointerSegments(error.path)
      const key = String(segments.at(-1))
      const known = Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {})
      const guess = suggest(key, known)
      return `unknown field ${quoted(key)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ` (known fields: ${known.join(', ')})`}`
    }
    case ValueErrorType.StringFormat:
      return describeFormatProblem(String(schema.format), String(value))
    case ValueErrorType.StringPattern:
      return `${quoted(String(value))} is not valid here (${schema.description ?? `pattern ${schema.pattern}`})`
    case ValueErrorType.StringMinLength:
      return 'must not be empty'
    case ValueErrorType.StringMaxLength:
      return `is too long: ${String(value).length} characters, at most ${schema.maxLength} are allowed here`
    case ValueErrorType.ArrayMaxItems:
      return `has too many entries: ${Array.isArray(value) ? value.length : '?'}, at most ${schema.maxItems} are allowed here`
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `${quoted(String(value))} must be at most ${schema.maximum}`
    case ValueErrorType.Union:
      return describeChoice(schema, value, suggest)
    case ValueErrorType.Literal:
      return `must be ${JSON.stringify(schema.const)}, found ${describeFound(value)}`
    case ValueErrorType.ArrayMinItems:
      return `needs at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}`
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.NumberExclusiveMaximum:
      return `${JSON.stringify(value)} must be more than ${schema.exclusiveMinimum} and less than ${schema.exclusiveMaximum}`
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `${JSON.stringify(value)} must be at least ${schema.minimum}`
    default: {
      const expected = kindNames[type]
      if (expected) {
        const quoteHint =
          type === ValueErrorType.String && (typeof value === 'number' || typeof value === 'boolean')
            ? ` (put it in quotes: "${value}")`
            : ''
        return `expected ${expected} but found ${describeFound(value)}${quoteHint}`
      }
      return error.message
    }
  }
}

/** Said after the first `maxProblems` problems of a file that has more. */
const moreProblems: PathProblem = {
  segments: [],
  message: `more problems than shown here (the first ${maxProblems}); fix these first`,
  last: true,
}

/** The first `maxProblems` problems, and the "more problems" note when there are more. */
export function firstProblems(problems: readonly PathProblem[]): PathProblem[] {
  return problems.length > maxProblems ? [...problems.slice(0, maxProblems), moreProblems] : [...problems]
}

/**
 * One problem per path, the first TypeBox reports there (a missing field is also "not a string";
 * saying it is missing is enough). For an unknown key the path is the key itself.
 */
export function schemaProblems(errors: Iterable<ValueError>, suggest: Suggest = suggester()): PathProblem[] {
  const seen = new Set<string>()
  const problems: PathProblem[] = []
  for (const error of errors) {
    if (seen.has(error.path)) continue
    seen.add(error.path)
    // A file with thousands of problems gets the first ones; fixing those usually fixes the rest.
    if (problems.length === maxProblems) {
      problems.push(moreProblems)
      break
    }
    problems.push({ segments: pointerSegments(error.path), message: describe(error, suggest) })
  }
  return problems
}
