import { type TProperties, type TSchema, Type } from '@sinclair/typebox'

/**
 * Schemas for HTML form bodies (`application/x-www-form-urlencoded`, parsed by @fastify/formbody).
 * Every form route declares one, so the handler gets exactly the fields it names, as strings of
 * bounded length, and a tampered form is refused before any use case runs.
 *
 * - Every form carries the CSRF token `_csrf` (checked by plugins/csrf.ts before validation).
 * - Unknown fields are refused (`additionalProperties: false`): a form never smuggles a value in.
 * - A field that repeats (checkboxes with one name) arrives as a string once and an array twice:
 *   `Form.list` accepts both, and `asList` reads either as an array.
 * - Lengths count code points, as everywhere (see docs/design.md). Field-level messages that a
 *   person can act on (e.g. "the description is too long") stay with the use case's validation;
 *   schema limits are the outer bound of what a browser form can send.
 */
export const Form = Object.assign(
  <P extends TProperties>(fields: P) =>
    Type.Object({ ...fields, _csrf: Type.Optional(Type.String({ maxLength: 512 })) }, { additionalProperties: false }),
  {
    /** A text field; browsers send an empty string for an empty field. */
    text: (maxLength: number) => Type.Optional(Type.String({ maxLength })),
    /** One of a fixed set of values (a select or radio group). */
    choice: <const T extends readonly string[]>(values: T) => Type.Optional(Type.Union(values.map((v) => Type.Literal(v)))),
    /** A checkbox: present with its value when ticked, absent otherwise. */
    checkbox: () => Type.Optional(Type.String({ maxLength: 16 })),
    /** A repeated field (checkboxes sharing a name). */
    list: (item: TSchema, maxItems: number) => Type.Optional(Type.Union([item, Type.Array(item, { maxItems })])),
  },
)

/** A form with no fields but the CSRF token (buttons such as "Claim"). */
export const EmptyForm = Form({})

/** Reads a repeated field as an array, whether it arrived once, several times or not at all. */
export const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])
