/**
 * Turns TypeBox's schema errors into sentences a policy author can act on:
 * "unknown field "acknowlege" (did you mean "acknowledge"?)" rather than "Unexpected property".
 */
import type { TSchema } from '@sinclair/typebox'
import { type ValueError, ValueErrorType } from '@sinclair/typebox/value'
import { closestWord } from './durations.js'
import { describeFormatProblem } from './policy-formats.js'
import { type PathSegment, pointerSegments } from './source-lines.js'

export interface PathProblem {
  segments: PathSegment[]
  message: string
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
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`
  return `${typeof value} ${JSON.stringify(value)}`
}

const constsOf = (schema: TSchema): unknown[] | undefined => {
  const options = (schema as { anyOf?: TSchema[] }).anyOf
  if (!options?.every((o) => 'const' in o)) return undefined
  return options.map((o) => (o as unknown as { const: unknown }).const)
}

function describeChoice(schema: TSchema, value: unknown): string {
  const choices = constsOf(schema)
  if (!choices) return `${describeFound(value)} does not fit here`
  const words = choices.map(String)
  const guess = typeof value === 'string' ? closestWord(value.trim(), words) : undefined
  const hint = guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''
  return `${JSON.stringify(value)} is not one of ${words.map((w) => JSON.stringify(w)).join(', ')}${hint}`
}

function describe(error: ValueError): string {
  const { type, schema, value } = error
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required but missing'
    case ValueErrorType.ObjectAdditionalProperties: {
      const segments = pointerSegments(error.path)
      const key = String(segments.at(-1))
      const known = Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {})
      const guess = closestWord(key, known)
      return `unknown field ${JSON.stringify(key)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ` (known fields: ${known.join(', ')})`}`
    }
    case ValueErrorType.StringFormat:
      return describeFormatProblem(String(schema.format), String(value))
    case ValueErrorType.StringPattern:
      return `${JSON.stringify(value)} is not valid here (${schema.description ?? `pattern ${schema.pattern}`})`
    case ValueErrorType.StringMinLength:
      return 'must not be empty'
    case ValueErrorType.Union:
      return describeChoice(schema, value)
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

/**
 * One problem per path, the first TypeBox reports there (a missing field is also "not a string";
 * saying it is missing is enough). For an unknown key the path is the key itself.
 */
export function schemaProblems(errors: Iterable<ValueError>): PathProblem[] {
  const seen = new Set<string>()
  const problems: PathProblem[] = []
  for (const error of errors) {
    if (seen.has(error.path)) continue
    seen.add(error.path)
    problems.push({ segments: pointerSegments(error.path), message: describe(error) })
  }
  return problems
}
