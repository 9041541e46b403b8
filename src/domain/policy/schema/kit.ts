/**
 * Building blocks for the policy schema. Every object refuses unknown keys, because a typo in a
 * policy ("acknowlege: 3 business days") must fail loudly instead of silently dropping a promise.
 *
 * Every string has a `maxLength` and every list a `maxItems` (docs/policy.md, "Limits"): a policy
 * is rendered on public pages and read on every submission, so no value in it may be unbounded.
 * The limits are far beyond what a real policy needs; a test walks the schema to keep it so.
 */
import { type TLiteral, type TProperties, type TSchema, type TUnion, Type } from '@sinclair/typebox'
import '../policy-formats.js'

/** The longest string of each kind, and the most entries of each kind of list. */
export const policyLimits = {
  /** Names, titles, roles, labels: one line. */
  name: 200,
  /** Paragraphs: statements, descriptions, notes, guidance. */
  text: 10_000,
  /** An ASCII-armored OpenPGP public key with its subkeys and user IDs. */
  publicKey: 50_000,
  url: 2_048,
  /** RFC 5321: a path is at most 256 octets, the address inside it 254. */
  email: 254,
  slug: 64,
  languageTag: 35,
  date: 10,
  dateTime: 40,
  /** "within 10 business days" and the like; see durations.ts `maxDurationTextLength`. */
  duration: 60,
  timeZone: 64,
  holidayState: 16,
  fingerprint: 100,
  /** Most lists: contacts, programs, steps, rules, labels. */
  list: 200,
  /** Short lists: channels, trackers, escalation steps, severity overrides, rewards, languages. */
  shortList: 20,
  /** Closed days (closures): more than ten years of them. */
  closures: 5_000,
} as const

const described = (description?: string) => (description ? { description } : {})

/** An object that rejects keys it does not define. */
export const strictObject = <T extends TProperties>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...described(description) })

/** One of a fixed list of words; the parser lists them back when a value is not one. */
export const oneOf = <const T extends readonly string[]>(values: T, description?: string): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(
    values.map((v: T[number]) => Type.Literal(v)),
    described(description),
  )

/** A list of at most `maxItems` entries (default `policyLimits.list`). */
export const List = <T extends TSchema>(items: T, options: { description?: string; minItems?: number; maxItems?: number } = {}) =>
  Type.Array(items, { maxItems: policyLimits.list, ...options })

const formatted = (format: string, maxLength: number) => (description?: string) =>
  Type.String({ format, maxLength, ...described(description) })

export const Email = formatted('policy-email', policyLimits.email)
export const Url = formatted('policy-url', policyLimits.url)
export const CalendarDate = formatted('policy-date', policyLimits.date)
export const DateTime = formatted('policy-date-time', policyLimits.dateTime)
/** A duration in words ("3 business days"); see durations.ts. */
export const DurationText = formatted('policy-duration', policyLimits.duration)
/** A duration in words or "as soon as possible". */
export const ClockTargetText = formatted('policy-clock-target', policyLimits.duration)
export const LanguageTag = formatted('policy-language-tag', policyLimits.languageTag)
export const Slug = formatted('policy-slug', policyLimits.slug)
/** A paragraph of policy text. */
export const Text = (description?: string, maxLength: number = policyLimits.text) =>
  Type.String({ minLength: 1, maxLength, ...described(description) })
/** A name, title or role: one line. */
export const Name = (description?: string) => Text(description, policyLimits.name)
export const TextList = (description?: string) => List(Text(), described(description))
