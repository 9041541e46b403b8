/**
 * Reads a policy file: YAML → schema → cross-references, and says what is wrong with the file
 * name and line of each problem (`policy.yaml:14 clocks.acknowledge: "3 bussiness days" is not a
 * duration …`). Pure: the caller reads the file and passes its text in.
 */
import { Value } from '@sinclair/typebox/value'
import { type Document, isMap, LineCounter, parseDocument, visit } from 'yaml'
import { Policy } from './schema.js'
import { firstProblems, type PathProblem, schemaProblems } from './schema-problems.js'
import { semanticProblems } from './semantic-checks.js'
import { formatPath, locate } from './source-lines.js'

export interface PolicyProblem {
  file: string
  line: number
  column: number
  /** Where in the policy, e.g. "clocks.acknowledge"; empty for the whole file. */
  path: string
  message: string
  /** The whole sentence: `policy.yaml:14 clocks.acknowledge: … `. */
  text: string
}

export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyProblem[] }

const problem = (file: string, line: number, column: number, path: string, message: string): PolicyProblem => ({
  file,
  line,
  column,
  path,
  message,
  text: `${file}:${line} ${path ? `${path}: ` : ''}${message}`,
})

/**
 * YAML's own complaint, in plainer words where it helps. With `prettyErrors: false` it is one line
 * with no "at line N, column M" tail: we say the line ourselves.
 */
const yamlMessage = (message: string): string =>
  message === 'Map keys must be unique' ? 'the same key appears twice in this section' : message

/**
 * YAML reports an unclosed quote where the file ends; the author needs the line where it opened.
 * No quote of that kind can follow an unclosed opening one, so the last one before the end is it.
 */
function syntaxErrorOffset(source: string, code: string, message: string, offset: number): number {
  if (code !== 'MISSING_CHAR') return offset
  const quote = message.includes('"quote') ? '"' : message.includes("'quote") ? "'" : undefined
  const opening = quote ? source.lastIndexOf(quote, offset - 1) : -1
  return opening >= 0 ? opening : offset
}

/** How often an alias may be expanded (yaml's own default); a policy rarely uses aliases at all. */
const maxAliasCount = 100

/** Where the first alias (`*name`) in the file is, to point the author at it. */
function firstAliasOffset(doc: Document): number {
  let offset = 0
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0
      return visit.BREAK
    },
  })
  return offset
}

/** Parses and validates a policy file; every problem found is returned at once, in file order. */
export function parsePolicy(source: string, fileName: string): ParsePolicyResult {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(syntaxErrorOffset(source, error.code, error.message, error.pos[0]))
        return problem(fileName, line, col, '', `YAML syntax: ${yamlMessage(error.message)}`)
      }),
    }
  }
  if (!isMap(doc.contents)) {
    return { ok: false, errors: [problem(fileName, 1, 1, '', 'a policy file is a set of "key: value" lines, starting with "version: 1"')] }
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount })
  } catch (error) {
    // yaml refuses to expand aliases past maxAliasCount (a "billion laughs" file); that is a problem in the file, not a crash.
    if (!(error instanceof ReferenceError)) throw error
    const { line, col } = lineCounter.linePos(firstAliasOffset(doc))
    return {
      ok: false,
      errors: [
        problem(
          fileName,
          line,
          col,
          '',
          `too many aliases (*name): expanding them would repeat sections more than ${maxAliasCount} times; write the sections out instead`,
        ),
      ],
    }
  }
  const located = (found: PathProblem[]): PolicyProblem[] =>
    // Schema problems come capped with their note; a policy can also break more than fifty cross-checks.
    firstProblems(found)
      .map((p) => {
        const { line, column } = locate(doc, lineCounter, p.segments)
        return { last: p.last === true, problem: problem(fileName, line, column, formatPath(p.segments), p.message) }
      })
      .sort((a, b) => Number(a.last) - Number(b.last) || a.problem.line - b.problem.line || a.problem.column - b.problem.column)
      .map((p) => p.problem)

  const fromSchema = schemaProblems(Value.Errors(Policy, value))
  if (fromSchema.length > 0) return { ok: false, errors: located(fromSchema) }
  const policy = value as Policy
  const fromMeaning = semanticProblems(policy)
  if (fromMeaning.length > 0) return { ok: false, errors: located(fromMeaning) }
  return { ok: true, policy }
}

/** All problems as the lines a terminal or a web page shows. */
export const formatProblems = (problems: readonly PolicyProblem[]): string => problems.map((p) => p.text).join('\n')
