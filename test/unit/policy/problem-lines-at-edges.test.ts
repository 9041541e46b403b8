/**
 * The line a policy problem is reported on, at the edges (src/domain/policy/parse-policy.ts,
 * source-lines.ts): a YAML mistake in a file that also holds an apostrophe, a quote left open on
 * the very first character, a file that starts with a comment, a list reused through an alias.
 */
import { describe, expect, it } from 'vitest'
import { LineCounter, parseDocument } from 'yaml'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { locate } from '../../../src/domain/policy/source-lines.js'

const minimal = [
  'version: 1',
  'organization:',
  '  name: Example',
  '  slug: example',
  'channels:',
  '  email:',
  '    - address: security@example.org',
  'calendar:',
  '  timeZone: Europe/Vienna',
  'clocks:',
  '  acknowledge: 3 business days',
]

const problemsOf = (lines: string[]): string[] => {
  const result = parsePolicy(lines.join('\n'), 'policy.yaml')
  return result.ok ? [] : result.errors.map((e) => `${e.text} (column ${e.column})`)
}

describe('YAML mistakes are reported where they are', () => {
  it('a key without its colon, below a name with an apostrophe: the line of the key, not of the apostrophe', () => {
    expect(problemsOf(['version: 1', 'organization:', `  name: "Acme's team"`, '  slug example'])).toEqual([
      'policy.yaml:4 YAML syntax: Implicit map keys need to be followed by map values (column 3)',
    ])
  })

  it('a quote opened on the very first character of the file and never closed: line 1, column 1', () => {
    expect(problemsOf(['"version: 1', 'organization: x'])).toEqual(['policy.yaml:1 YAML syntax: Missing closing "quote (column 1)'])
  })
})

describe('problems with no place of their own', () => {
  it('in a file that starts with a comment, a missing section is reported where the settings start', () => {
    expect(
      problemsOf(['# Our policy', '', 'version: 1', 'organization: { name: Example, slug: example }', 'channels: {}', 'clocks: {}']),
    ).toEqual(['policy.yaml:3 calendar: is required but missing (column 1)'])
  })

  it('a list reused through an alias: the problem in the reuse is reported at the key that reuses it', () => {
    const process = [
      'process:',
      '  - id: validate',
      '    title: Validate',
      '    before: &next [confrim]',
      '  - id: fix',
      '    title: Fix',
      '    before: *next',
    ]
    expect(problemsOf([...minimal, ...process])).toEqual([
      'policy.yaml:15 process[0].before[0]: no step has id "confrim" (column 20)',
      'policy.yaml:18 process[1].before[0]: no step has id "confrim" (column 5)',
    ])
  })
})

describe('locate', () => {
  const at = (source: string, segments: (string | number)[]) => {
    const lineCounter = new LineCounter()
    return locate(parseDocument(source, { lineCounter }), lineCounter, segments)
  }

  it('an empty file: line 1, column 1', () => {
    expect(at('', ['calendar'])).toEqual({ line: 1, column: 1 })
    expect(at('', [])).toEqual({ line: 1, column: 1 })
  })

  it('a path that stops matching stays at the last part that matched, even when a later part would match something', () => {
    const source = 'version: 1\nprograms:\n  - slug: web\n  - slug: api'
    expect(at(source, ['programs', 'web', 0])).toEqual({ line: 2, column: 1 })
    expect(at(source, ['programs', 1])).toEqual({ line: 4, column: 5 })
  })
})
