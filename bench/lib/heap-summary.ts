/**
 * What a V8 heap snapshot (`.heapsnapshot`, written by `node --heapsnapshot-signal`) holds, by kind
 * of object, and what grew between two of them: the soak's evidence that nothing grows with
 * requests. The format is V8's (snapshot.meta names the fields of the flat `nodes` array); only
 * nodes are read, not edges, so "size" is each object's own (shallow) size.
 */
import fs from 'node:fs'

export interface HeapGroup {
  /** V8's node type and, for objects, closures and arrays, the constructor or function name. */
  kind: string
  count: number
  bytes: number
}

export interface HeapSummary {
  file: string
  fileBytes: number
  nodes: number
  bytes: number
  groups: Map<string, HeapGroup>
}

interface SnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

const named = new Set(['object', 'closure', 'array', 'native', 'regexp', 'hidden', 'object shape'])
const strings = new Set(['string', 'concatenated string', 'sliced string'])

/** Reads a snapshot and adds up its nodes by kind. */
export function summarizeHeap(file: string): HeapSummary {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SnapshotFile
  const fields = parsed.snapshot.meta.node_fields
  const types = parsed.snapshot.meta.node_types[0]
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const groups = new Map<string, HeapGroup>()
  let bytes = 0
  const { nodes } = parsed
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt] as number] ?? 'unknown'
    const size = nodes[i + sizeAt] as number
    let kind = type
    if (strings.has(type)) kind = 'string'
    else if (named.has(type)) {
      const name = parsed.strings[nodes[i + nameAt] as number] ?? ''
      // Long names are text (a string used as a name, a source position): keep the kind readable.
      kind = `${type} ${name.length > 60 ? `${name.slice(0, 57)}…` : name}`
    }
    const group = groups.get(kind) ?? { kind, count: 0, bytes: 0 }
    group.count++
    group.bytes += size
    groups.set(kind, group)
    bytes += size
  }
  return { file, fileBytes: fs.statSync(file).size, nodes: nodes.length / width, bytes, groups }
}

export interface HeapChange {
  kind: string
  countBefore: number
  countAfter: number
  bytesBefore: number
  bytesAfter: number
}

/** What changed between two snapshots, largest growth in bytes first (then largest shrink). */
export function diffHeaps(before: HeapSummary, after: HeapSummary, top = 15): { grew: HeapChange[]; shrank: HeapChange[] } {
  const kinds = new Set([...before.groups.keys(), ...after.groups.keys()])
  const changes: HeapChange[] = []
  for (const kind of kinds) {
    const b = before.groups.get(kind)
    const a = after.groups.get(kind)
    changes.push({ kind, countBefore: b?.count ?? 0, countAfter: a?.count ?? 0, bytesBefore: b?.bytes ?? 0, bytesAfter: a?.bytes ?? 0 })
  }
  const delta = (c: HeapChange) => c.bytesAfter - c.bytesBefore
  return {
    grew: changes
      .filter((c) => delta(c) > 0)
      .sort((x, y) => delta(y) - delta(x))
      .slice(0, top),
    shrank: changes
      .filter((c) => delta(c) < 0)
      .sort((x, y) => delta(x) - delta(y))
      .slice(0, top),
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(n < 10_240 ? 1 : 0)} KB`

/** A Markdown table of the changes, for the bench's notes and bench/README.md. */
export function heapChangeTable(changes: HeapChange[]): string {
  const lines = ['| kind | count before → after | own size before → after | change |', '| --- | --- | --- | --- |']
  for (const c of changes)
    lines.push(
      `| \`${c.kind.replaceAll('|', '\\|')}\` | ${c.countBefore} → ${c.countAfter} | ${kb(c.bytesBefore)} → ${kb(c.bytesAfter)} | ${c.bytesAfter >= c.bytesBefore ? '+' : '−'}${kb(Math.abs(c.bytesAfter - c.bytesBefore))} |`,
    )
  return lines.join('\n')
}
