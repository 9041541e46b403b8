/**
 * The policy page's diff at its edges (src/domain/policy/line-diff.ts): a new file saved with
 * Windows line endings, a change that leaves only the first line, a line that appears at the start
 * and the end, and which lines count as kept
 * when several choices look alike. What the page shows: "  kept", "+ added", "- removed", with the
 * line numbers of the old and the new file.
 */
import { describe, expect, it } from 'vitest'
import { type DiffLine, lineDiff } from '../../../src/domain/policy/line-diff.js'

const same = (text: string, oldLine: number, newLine: number): DiffLine => ({ op: 'same', text, oldLine, newLine })
const add = (text: string, newLine: number): DiffLine => ({ op: 'add', text, newLine })
const remove = (text: string, oldLine: number): DiffLine => ({ op: 'remove', text, oldLine })

const shown = (lines: readonly DiffLine[]) => lines.map((l) => `${{ same: ' ', add: '+', remove: '-' }[l.op]} ${l.text}`)
const kept = (lines: readonly DiffLine[]) => lines.filter((l) => l.op === 'same').length

describe('the policy diff at its edges', () => {
  it('a new version saved with Windows line endings changes nothing against the old one', () => {
    expect(lineDiff('version: 1\nclocks: {}\n', 'version: 1\r\nclocks: {}\r\n')).toEqual([
      same('version: 1', 1, 1),
      same('clocks: {}', 2, 2),
      same('', 3, 3),
    ])
  })

  it('a file cut down to its first line: the first line kept, everything after it removed, even a line equal to the first', () => {
    expect(lineDiff('version: 1\nclocks: {}\nversion: 1', 'version: 1')).toEqual([
      same('version: 1', 1, 1),
      remove('clocks: {}', 2),
      remove('version: 1', 3),
    ])
  })

  it('lines added after the first line, the last of them equal to the first, are all added', () => {
    expect(lineDiff('version: 1', 'version: 1\nclocks: {}\nversion: 1')).toEqual([
      same('version: 1', 1, 1),
      add('clocks: {}', 2),
      add('version: 1', 3),
    ])
  })

  it('keeps as many lines as can be kept, whichever way the changes run', () => {
    const dropped = lineDiff('retest\nretest\nfixed\ntriage', 'fixed')
    expect(shown(dropped)).toEqual(['- retest', '- retest', '  fixed', '- triage'])
    expect(kept(dropped)).toBe(1)

    const reordered = lineDiff('review\nreview\npublish', 'publish\ndraft\nreview\nreview')
    expect(shown(reordered)).toEqual(['+ publish', '+ draft', '  review', '  review', '- publish'])
    expect(kept(reordered)).toBe(2)
    expect(reordered).toEqual([add('publish', 1), add('draft', 2), same('review', 1, 3), same('review', 2, 4), remove('publish', 3)])
  })
})
