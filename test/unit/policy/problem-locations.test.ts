/**
 * Where a policy problem is said to be, and how its value is judged
 * (src/domain/policy/source-lines.ts, policy-formats.ts, schema-problems.ts, parse-policy.ts):
 * the line and column an author jumps to, the path as they read it, and the sentence for a value
 * that is not a date, an address, a language or a slug.
 */

import { describe, expect, it } from 'vitest'
import { LineCounter, parseDocument } from 'yaml'
import { formatProblems, parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { describeFormatProblem, isCalendarDate, policyFormats } from '../../../src/domain/policy/policy-formats.js'
import { suggester } from '../../../src/domain/policy/schema-problems.js'
import { formatPath, locate, pointerSegments } from '../../../src/domain/policy/source-lines.js'

describe('pointerSegments and formatPath', () => {
  it('a JSON pointer becomes keys and list positions, with ~1 and ~0 unescaped', () => {
    expect(pointerSegments('')).toEqual([])
    expect(pointerSegments('/')).toEqual([])
    expect(pointerSegments('/programs/0/fields/12/key')).toEqual(['programs', 0, 'fields', 12, 'key'])
    expect(pointerSegments('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1'])
    expect(pointerSegments('/x1/1x')).toEqual(['x1', '1x'])
  })

  it('a path reads programs[1].fields[0].key; a key longer than 80 characters is cut', () => {
    expect(formatPath(['programs', 1, 'fields', 0, 'key'])).toBe('programs[1].fields[0].key')
    expect(formatPath([])).toBe('')
    expect(formatPath([0, 'a'])).toBe('[0].a')
    expect(formatPath(['k'.repeat(80)])).toBe('k'.repeat(80))
    expect(formatPath(['a', 'k'.repeat(81)])).toBe(`a.${'k'.repeat(80)}…`)
  })
})

describe('locate: the line and column of a path in the file', () => {
  const source = ['version: 1', 'programs:', '  - slug: web', '    fields:', '      - key: url', '  - slug: api', 'clocks: {}'].join('\n')
  const at = (segments: (string | number)[]) => {
    const lineCounter = new LineCounter()
    const doc = parseDocument(source, { lineCounter })
    return locate(doc, lineCounter, segments)
  }

  it('a key, a list item, a nested key', () => {
    expect(at([])).toEqual({ line: 1, column: 1 })
    expect(at(['clocks'])).toEqual({ line: 7, column: 1 })
    expect(at(['programs', 1])).toEqual({ line: 6, column: 5 })
    expect(at(['programs', 0, 'fields', 0, 'key'])).toEqual({ line: 5, column: 9 })
  })

  it('a path that does not exist points at the nearest part that does', () => {
    expect(at(['programs', 5, 'slug'])).toEqual({ line: 2, column: 1 })
    expect(at(['programs', 1, 'name'])).toEqual({ line: 6, column: 5 })
    expect(at(['programs', 'web'])).toEqual({ line: 2, column: 1 })
    expect(at(['version', 'x'])).toEqual({ line: 1, column: 1 })
    expect(at(['nothing'])).toEqual({ line: 1, column: 1 })
  })
})

describe('policy formats', () => {
  it('a calendar date is a real day written YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    for (const text of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-01', '2026-04-01T00:00', ' 2026-04-01'])
      expect(isCalendarDate(text), text).toBe(false)
  })

  it.each([
    ['policy-email', 'security@acme.example', true],
    ['policy-email', 'security@acme', false],
    ['policy-email', 'sec urity@acme.example', false],
    ['policy-email', 'security@-acme.example', false],
    ['policy-url', 'https://acme.example/x', true],
    ['policy-url', 'http://acme.example', true],
    ['policy-url', 'ftp://acme.example', false],
    ['policy-url', 'https://acme.example/a b', false],
    ['policy-url', 'acme.example', false],
    ['policy-date-time', '2027-06-30T00:00:00Z', true],
    ['policy-date-time', '2027-06-30T00:00+02:00', true],
    ['policy-date-time', '2027-06-30t00:00:00.5z', true],
    ['policy-date-time', '2027-06-30T25:00:00Z', false],
    ['policy-date-time', '2027-06-30T00:00:00', false],
    ['policy-date-time', '2027-06-30', false],
    ['policy-date-time', 'x2027-06-30T00:00:00Z', false],
    ['policy-language-tag', 'en', true],
    ['policy-language-tag', 'pt-BR', true],
    ['policy-language-tag', 'english!', false],
    ['policy-slug', 'web-apps2', true],
    ['policy-slug', 'web--apps', false],
    ['policy-slug', 'Web', false],
    ['policy-slug', '-web', false],
    ['policy-slug', 'web-', false],
    ['policy-duration', '3 business days', true],
    ['policy-duration', '3000 business days', false],
    ['policy-duration', 'as soon as possible', false],
    ['policy-duration', `3 business days${' '.repeat(50)}`, false],
    ['policy-clock-target', 'as soon as possible', true],
    ['policy-clock-target', '48 hours', true],
    ['policy-clock-target', '90000 hours', false],
    ['policy-clock-target', 'soon', false],
    ['policy-clock-target', `asap${' '.repeat(60)}`, false],
  ] as const)('%s: %j is %s', (format, value, ok) => {
    expect(policyFormats[format].check(value)).toBe(ok)
  })

  it('says in plain words what each format wants', () => {
    expect(describeFormatProblem('policy-url', 'acme.example')).toBe(
      '"acme.example" is not a web address (write it in full, starting with https://)',
    )
    expect(describeFormatProblem('policy-date-time', 'tomorrow')).toBe(
      '"tomorrow" is not a date and time (write it as "2027-06-30T00:00:00Z")',
    )
    expect(describeFormatProblem('policy-language-tag', 'english!')).toBe(
      '"english!" is not a language tag (write e.g. "en", "de" or "nl")',
    )
    expect(describeFormatProblem('policy-slug', 'Web')).toBe(
      '"Web" is not a slug (use lower-case letters, digits and single hyphens, e.g. "web-apps")',
    )
    expect(describeFormatProblem('policy-email', 'x')).toBe('"x" is not an e-mail address')
    expect(describeFormatProblem('policy-clock-target', 'soon')).toBe(
      '"soon" is not a duration (try "3 business days", "48 hours" or "90 calendar days")',
    )
    expect(describeFormatProblem('colour', 'blue')).toBe('"blue" is not a valid colour')
  })
})

describe('suggester: "did you mean" has a budget per file', () => {
  it('suggests until the budget is spent, then nothing', () => {
    const suggest = suggester(2)
    expect(suggest('acknowlege', ['acknowledge'])).toBe('acknowledge')
    expect(suggest('acknowlege', ['acknowledge'])).toBe('acknowledge')
    expect(suggest('acknowlege', ['acknowledge'])).toBeUndefined()
    expect(suggester(0)('acknowlege', ['acknowledge'])).toBeUndefined()
  })

  it('a file with more than twenty typos gets suggestions for the first twenty only', () => {
    const programs = Array.from({ length: 21 }, (_, i) => `  - { slug: p${i}, name: P, kind: other, inScope: true, handledLike: webb }`)
    const source = [
      'version: 1',
      'organization: { name: Acme, slug: acme }',
      'channels: {}',
      'calendar: { timeZone: UTC }',
      'clocks: {}',
      'programs:',
      '  - { slug: web, name: Web, kind: web-app, inScope: true }',
      ...programs,
    ].join('\n')
    const result = parsePolicy(source, 'policy.yaml')
    const texts = result.ok ? [] : result.errors.map((e) => e.text)
    expect(texts).toHaveLength(21)
    expect(texts.filter((t) => t.endsWith('(did you mean "web"?)'))).toHaveLength(20)
    expect(texts.at(-1)).toBe('policy.yaml:28 programs[21].handledLike: no program has slug "webb"')
  })
})

describe('parsePolicy: what the author is told about the file itself', () => {
  it('an unclosed single quote is reported where it opens', () => {
    const result = parsePolicy("version: 1\norganization:\n  name: 'Acme\n  slug: acme\n", 'policy.yaml')
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual(["policy.yaml:3 YAML syntax: Missing closing 'quote"])
  })

  it('an alias bomb is refused at the first alias, without expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 6; i++)
      lines.push(
        `${'b'.repeat(i)}: &${'a'.repeat(i + 1)} [${Array(10)
          .fill(`*${'a'.repeat(i)}`)
          .join(', ')}]`,
      )
    const result = parsePolicy(lines.join('\n'), 'bomb.yaml')
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([
      'bomb.yaml:2 too many aliases (*name): expanding them would repeat sections more than 100 times; write the sections out instead',
    ])
  })

  it('an empty file is not a set of keys', () => {
    const result = parsePolicy('', 'policy.yaml')
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([
      'policy.yaml:1 a policy file is a set of "key: value" lines, starting with "version: 1"',
    ])
  })

  it('formatProblems: one line per problem', () => {
    const result = parsePolicy('version: 2\n', 'p.yaml')
    const lines = result.ok ? [] : formatProblems(result.errors).split('\n')
    expect(lines).toContain('p.yaml:1 version: must be 1, found number 2')
    expect(lines).toContain('p.yaml:1 organization: is required but missing')
    expect(lines).toHaveLength(result.ok ? 0 : result.errors.length)
  })
})
