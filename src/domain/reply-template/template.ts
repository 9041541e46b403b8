import { fail, ok, type Result } from '../result.js'
import { unknownPlaceholders } from './placeholders.js'

/** A reply template as a team writes it: a name for the list, a Markdown body with placeholders. */
export interface ReplyTemplateInput {
  name: string
  body: string
  /** Inserting it ticks "this is the detailed response" on the reply form (the member can untick it). */
  detailed: boolean
}

export interface ReplyTemplate extends ReplyTemplateInput {
  id: string
}

export const templateNameMax = 100
/** As long as a reply may be (src/workspace: a message of at most 50 000 characters). */
export const templateBodyMax = 50_000

export type ReplyTemplateProblem = {
  code: 'REPLY_TEMPLATE_INVALID'
  name?: 'required' | 'too-long'
  body?: 'required' | 'too-long' | 'unknown-placeholder'
  /** The unknown placeholders, as written. */
  unknown: string[]
}

// One line, no controls or bidirectional overrides: the name is shown in lists and a select.
const oneLine = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u

/** The template as it may be stored, or what is wrong with it (every field at once). */
export function checkReplyTemplate(input: ReplyTemplateInput): Result<ReplyTemplateInput, ReplyTemplateProblem> {
  const name = input.name.trim()
  const body = input.body.replace(/\r\n?/g, '\n').trim()
  const problem: ReplyTemplateProblem = { code: 'REPLY_TEMPLATE_INVALID', unknown: [] }
  if (name === '' || !oneLine.test(name)) problem.name = 'required'
  else if ([...name].length > templateNameMax) problem.name = 'too-long'
  if (body === '') problem.body = 'required'
  else if (body.length > templateBodyMax) problem.body = 'too-long'
  else {
    problem.unknown = unknownPlaceholders(body)
    if (problem.unknown.length > 0) problem.body = 'unknown-placeholder'
  }
  if (problem.name || problem.body) return fail(problem)
  return ok({ name, body, detailed: input.detailed })
}
