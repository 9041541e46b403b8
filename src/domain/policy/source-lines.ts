/**
 * Finds where a value lives in the YAML source, so every problem can say "policy.yaml:14".
 * A path that does not exist (a missing required field) points at the nearest section that does.
 */
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml'

export type PathSegment = string | number

export interface SourcePosition {
  line: number
  column: number
}

/** Splits a JSON pointer ("/programs/0/fields") as TypeBox reports it into segments. */
export function pointerSegments(pointer: string): PathSegment[] {
  if (pointer === '' || pointer === '/') return []
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
}

/** How a path reads in a message: `programs[1].fields[0].key`. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`
    // A key is the author's text and may be anything; a message names only its start.
    const key = segment.length > 80 ? `${segment.slice(0, 80)}…` : segment
    return text === '' ? key : `${text}.${key}`
  }, '')
}

/** The line and column (1-based) of the key (or list item) at `segments`, or of its nearest existing ancestor. */
export function locate(doc: Document, lineCounter: LineCounter, segments: readonly PathSegment[]): SourcePosition {
  let node: unknown = doc.contents
  let offset = startOf(node) ?? 0
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
      if (!pair) break
      offset = startOf(pair.key) ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (item === undefined) break
      offset = startOf(item) ?? offset
      node = item
    } else {
      break
    }
  }
  const { line, col } = lineCounter.linePos(offset)
  return { line, column: col }
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range
  return range ? range[0] : undefined
}
