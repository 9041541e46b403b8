/**
 * A line diff of two policy files (longest common subsequence), for the admin page that shows
 * what a new version changes. Pure. Policy files are small; past `maxCells` the middle is shown
 * as removed-then-added instead of searching for common lines.
 */
export type DiffLine = { op: 'same' | 'add' | 'remove'; text: string; oldLine?: number; newLine?: number }

const maxCells = 4_000_000

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\r\n/g, '\n').split('\n')
  const b = after === '' ? [] : after.replace(/\r\n/g, '\n').split('\n')
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const out: DiffLine[] = []
  for (let i = 0; i < start; i++) out.push({ op: 'same', text: a[i] ?? '', oldLine: i + 1, newLine: i + 1 })
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const n = midA.length
  const m = midB.length
  if (n * m > maxCells) {
    midA.forEach((text, i) => {
      out.push({ op: 'remove', text, oldLine: start + i + 1 })
    })
    midB.forEach((text, j) => {
      out.push({ op: 'add', text, newLine: start + j + 1 })
    })
  } else {
    // lcs[i][j]: length of the LCS of midA[i..] and midB[j..], in one flat array.
    const lcs = new Uint32Array((n + 1) * (m + 1))
    const at = (i: number, j: number) => i * (m + 1) + j
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[at(i, j)] = midA[i] === midB[j] ? (lcs[at(i + 1, j + 1)] ?? 0) + 1 : Math.max(lcs[at(i + 1, j)] ?? 0, lcs[at(i, j + 1)] ?? 0)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        out.push({ op: 'same', text: midA[i] ?? '', oldLine: start + i + 1, newLine: start + j + 1 })
        i++
        j++
      } else if (j < m && (i === n || (lcs[at(i, j + 1)] ?? 0) >= (lcs[at(i + 1, j)] ?? 0))) {
        out.push({ op: 'add', text: midB[j] ?? '', newLine: start + j + 1 })
        j++
      } else {
        out.push({ op: 'remove', text: midA[i] ?? '', oldLine: start + i + 1 })
        i++
      }
    }
  }
  const shift = endB - endA
  for (let i = endA; i < a.length; i++) out.push({ op: 'same', text: a[i] ?? '', oldLine: i + 1, newLine: i + shift + 1 })
  return out
}

/** Only the changed lines with `context` unchanged lines around each; gaps become one `null`. */
export function diffHunks(lines: readonly DiffLine[], context = 3): (DiffLine | null)[] {
  const keep = new Set<number>()
  lines.forEach((l, i) => {
    if (l.op === 'same') return
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep.add(k)
  })
  const out: (DiffLine | null)[] = []
  let last = -1
  for (const i of [...keep].sort((x, y) => x - y)) {
    if (i !== last + 1) out.push(null)
    out.push(lines[i] ?? null)
    last = i
  }
  if (last !== -1 && last < lines.length - 1) out.push(null)
  return out
}
