/**
 * What a new policy version changes, line by line, as the admin page shows it
 * (src/domain/policy/line-diff.ts): each line kept, added or removed with its line numbers in the
 * old and the new file, and only the changes with a little context around them.
 */
import { describe, expect, it } from 'vitest'
import { type DiffLine, diffHunks, lineDiff } from '../../../src/domain/policy/line-diff.js'

const same = (text: string, oldLine: number, newLine: number): DiffLine => ({ op: 'same', text, oldLine, newLine })
const add = (text: string, newLine: number): DiffLine => ({ op: 'add', text, newLine })
const remove = (text: string, oldLine: number): DiffLine => ({ op: 'remove', text, oldLine })

/** The diff as the page reads it: "  kept", "+ added", "- removed". */
const shown = (lines: readonly (DiffLine | null)[]) =>
  lines.map((l) => (l === null ? '…' : `${{ same: ' ', add: '+', remove: '-' }[l.op]} ${l.text}`))

describe('lineDiff', () => {
  it('an unchanged file is all kept lines, numbered in both files', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual([same('a', 1, 1), same('b', 2, 2)])
  })

  it('a first version is all added; an emptied file all removed', () => {
    expect(lineDiff('', 'version: 1\nclocks: {}')).toEqual([add('version: 1', 1), add('clocks: {}', 2)])
    expect(lineDiff('version: 1\nclocks: {}', '')).toEqual([remove('version: 1', 1), remove('clocks: {}', 2)])
    expect(lineDiff('', '')).toEqual([])
  })

  it('Windows line endings are not a change', () => {
    expect(lineDiff('a\r\nb\r\n', 'a\nb\n')).toEqual([same('a', 1, 1), same('b', 2, 2), same('', 3, 3)])
  })

  it('a changed line in the middle is added then removed (the new text first), with the lines around it numbered in each file', () => {
    const before = 'version: 1\nclocks:\n  acknowledge: 3 business days\n  resolution: 90 days\ncomments: none'
    const after = 'version: 1\nclocks:\n  acknowledge: 1 business day\n  resolution: 90 days\ncomments: none'
    expect(lineDiff(before, after)).toEqual([
      same('version: 1', 1, 1),
      same('clocks:', 2, 2),
      add('  acknowledge: 1 business day', 3),
      remove('  acknowledge: 3 business days', 3),
      same('  resolution: 90 days', 4, 4),
      same('comments: none', 5, 5),
    ])
  })

  it('lines added shift the numbers of the kept lines after them', () => {
    expect(lineDiff('a\nd', 'a\nb\nc\nd')).toEqual([same('a', 1, 1), add('b', 2), add('c', 3), same('d', 2, 4)])
    expect(lineDiff('a\nb\nc\nd', 'a\nd')).toEqual([same('a', 1, 1), remove('b', 2), remove('c', 3), same('d', 4, 2)])
  })

  it('keeps the longest run of common lines between changes', () => {
    expect(shown(lineDiff('x\na\nb\nc\ny', 'p\na\nq\nc\nr'))).toEqual(['+ p', '- x', '  a', '+ q', '- b', '  c', '+ r', '- y'])
    expect(lineDiff('a\nb\nc', 'c\nb\na')).toEqual([add('c', 1), add('b', 2), same('a', 1, 3), remove('b', 2), remove('c', 3)])
  })

  it('a line moved up: kept where most lines stay, and the numbers follow each file', () => {
    expect(lineDiff('one\ntwo\nthree\nfour', 'one\nthree\nfour\ntwo')).toEqual([
      same('one', 1, 1),
      remove('two', 2),
      same('three', 3, 2),
      same('four', 4, 3),
      add('two', 4),
    ])
  })

  it('a file too large to search shows its whole changed middle as removed then added', () => {
    // 2,001 × 2,001 changed lines between "top" and "bottom" is more than the 4,000,000 comparisons a diff may make.
    const middle = (word: string) => Array.from({ length: 2001 }, (_, i) => (i % 2 === 0 ? `${word} ${i}` : `keep ${i}`))
    const diff = lineDiff(['top', ...middle('old'), 'bottom'].join('\n'), ['top', ...middle('new'), 'bottom'].join('\n'))
    expect(diff).toEqual([
      same('top', 1, 1),
      ...middle('old').map((text, i) => remove(text, i + 2)),
      ...middle('new').map((text, i) => add(text, i + 2)),
      same('bottom', 2003, 2003),
    ])
  })
})

describe('diffHunks: the changes with three lines of context, gaps marked', () => {
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`)

  it('a change in the middle of a long file: three lines either side, a gap before and after', () => {
    const before = numbered(20)
    const after = before.map((l) => (l === 'line 10' ? 'line ten' : l))
    expect(shown(diffHunks(lineDiff(before.join('\n'), after.join('\n'))))).toEqual([
      '…',
      '  line 7',
      '  line 8',
      '  line 9',
      '+ line ten',
      '- line 10',
      '  line 11',
      '  line 12',
      '  line 13',
      '…',
    ])
  })

  it('a change at the very start or end has no gap on that side', () => {
    const before = numbered(8)
    expect(shown(diffHunks(lineDiff(before.join('\n'), ['first', ...before.slice(1)].join('\n'))))).toEqual([
      '+ first',
      '- line 1',
      '  line 2',
      '  line 3',
      '  line 4',
      '…',
    ])
    expect(shown(diffHunks(lineDiff(before.join('\n'), [...before.slice(0, -1), 'last'].join('\n'))))).toEqual([
      '…',
      '  line 5',
      '  line 6',
      '  line 7',
      '+ last',
      '- line 8',
    ])
  })

  it('changes whose context touches become one hunk; further apart, two', () => {
    const before = numbered(20)
    const close = before.map((l) => (l === 'line 5' || l === 'line 11' ? `${l}!` : l))
    expect(diffHunks(lineDiff(before.join('\n'), close.join('\n'))).filter((l) => l === null)).toHaveLength(2)
    const apart = before.map((l) => (l === 'line 4' || l === 'line 12' ? `${l}!` : l))
    const hunks = shown(diffHunks(lineDiff(before.join('\n'), apart.join('\n'))))
    expect(hunks).toEqual([
      '  line 1',
      '  line 2',
      '  line 3',
      '+ line 4!',
      '- line 4',
      '  line 5',
      '  line 6',
      '  line 7',
      '…',
      '  line 9',
      '  line 10',
      '  line 11',
      '+ line 12!',
      '- line 12',
      '  line 13',
      '  line 14',
      '  line 15',
      '…',
    ])
  })

  it('the amount of context can be chosen', () => {
    const before = numbered(9)
    const after = before.map((l) => (l === 'line 5' ? 'five' : l))
    expect(shown(diffHunks(lineDiff(before.join('\n'), after.join('\n')), 1))).toEqual([
      '…',
      '  line 4',
      '+ five',
      '- line 5',
      '  line 6',
      '…',
    ])
    expect(shown(diffHunks(lineDiff(before.join('\n'), after.join('\n')), 0))).toEqual(['…', '+ five', '- line 5', '…'])
  })

  it('no change shows nothing at all', () => {
    expect(diffHunks(lineDiff('a\nb', 'a\nb'))).toEqual([])
    expect(diffHunks([])).toEqual([])
  })
})
