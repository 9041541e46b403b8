/**
 * Building blocks for the policy schema. Every object refuses unknown keys, because a typo in a
 * policy ("acknowlege: 3 business days") must fail loudly instead of silently dropping a promise.
 */
import { type TLiteral, type TProperties, type TUnion, Type } from '@sinclair/typebox'
import '../policy-formats.js'

/** An object that rejects keys it does not define. */
export const strictObject = <T extends TProperties>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) })

/** One of a fixed list of words; the parser lists them back when a value is not one. */
export const oneOf = <const T extends readonly string[]>(values: T, description?: string): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(
    values.map((v: T[number]) => Type.Literal(v)),
    description ? { description } : {},
  )

const formatted = (format: string) => (description?: string) => Type.String({ format, ...(description ? { description } : {}) })

export const Email = formatted('policy-email')
export const Url = formatted('policy-url')
export const CalendarDate = formatted('policy-date')
export const DateTime = formatted('policy-date-time')
/** A duration in words ("3 business days"); see durations.ts. */
export const DurationText = formatted('policy-duration')
/** A duration in words or "as soon as possible". */
export const ClockTargetText = formatted('policy-clock-target')
export const LanguageTag = formatted('policy-language-tag')
export const Slug = formatted('policy-slug')
export const Text = (description?: string) => Type.String({ minLength: 1, ...(description ? { description } : {}) })
export const TextList = (description?: string) => Type.Array(Text(), description ? { description } : {})
