/**
 * What a policy author reads when a value has the wrong shape (src/domain/policy/schema-problems.ts,
 * through parsePolicy): the sentence for each kind of schema problem, the line it is reported on,
 * and the order of several problems on one line.
 */
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { schemaProblems } from '../../../src/domain/policy/schema-problems.js'

/** A small valid policy (11 lines); each case appends to it or replaces it. */
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
  return result.ok ? [] : result.errors.map((e) => e.text)
}
const withLines = (...extra: string[]) => problemsOf([...minimal, ...extra])

describe('a value of the wrong kind says what was found', () => {
  it('a section left empty, written as a list, or written as a word', () => {
    expect(problemsOf(['version: 1', 'organization:', 'channels: [email]', 'calendar: Vienna', 'clocks: {}'])).toEqual([
      'policy.yaml:2 organization: expected a section of "key: value" lines but found nothing',
      'policy.yaml:3 channels: expected a section of "key: value" lines but found a list',
      'policy.yaml:4 calendar: expected a section of "key: value" lines but found text "Vienna"',
    ])
  })

  it('a section where text belongs, a number where true or false belongs (no hint to quote it: it is not text that is wanted)', () => {
    expect(withLines('team:', '  name: { first: Security }', '  prioritizeReports: 5', '  avoidDoubleHandling: "yes"')).toEqual([
      'policy.yaml:13 team.name: expected text but found a section',
      'policy.yaml:14 team.prioritizeReports: expected true or false but found number 5',
      'policy.yaml:15 team.avoidDoubleHandling: expected true or false but found text "yes"',
    ])
  })

  it('true or false where text belongs: put it in quotes', () => {
    expect(withLines('team:', '  name: true')).toEqual([
      'policy.yaml:13 team.name: expected text but found boolean true (put it in quotes: "true")',
    ])
  })

  it('a list where true or false belongs', () => {
    expect(withLines('responses:', '  mayRequestMoreInformation: [yes]')).toEqual([
      'policy.yaml:13 responses.mayRequestMoreInformation: expected true or false but found a list',
    ])
  })
})

describe('a value outside its limits says the limit', () => {
  it('empty text, a number too small or too large', () => {
    expect(withLines('team:', '  name: ""', '  size: 0')).toEqual([
      'policy.yaml:13 team.name: must not be empty',
      'policy.yaml:14 team.size: 0 must be at least 1',
    ])
    expect(withLines('team:', '  name: Security', '  size: 100001')).toEqual(['policy.yaml:14 team.size: "100001" must be at most 100000'])
  })

  it('a fraction that must lie strictly between 0 and 1, and a list that must not be empty', () => {
    expect(withLines('escalation:', '  remindAt: 1', '  chain: []')).toEqual([
      'policy.yaml:13 escalation.remindAt: 1 must be more than 0 and less than 1',
      'policy.yaml:14 escalation.chain: needs at least 1 entry',
    ])
  })

  it('a code that does not fit its pattern is explained by the field’s description', () => {
    expect(
      withLines(
        'recognition:',
        '  rewards:',
        '    - kind: money',
        '      description: Cash',
        '      amounts: { currency: eur, high: 20000000, low: -1 }',
      ),
    ).toEqual([
      'policy.yaml:16 recognition.rewards[0].amounts.currency: "eur" is not valid here (ISO 4217 code, e.g. EUR)',
      'policy.yaml:16 recognition.rewards[0].amounts.high: "20000000" must be at most 10000000',
      'policy.yaml:16 recognition.rewards[0].amounts.low: -1 must be at least 0',
    ])
  })
})

describe('a word outside a fixed list', () => {
  it('a value that is not text is shown as written, with no guess', () => {
    expect(withLines('team:', '  name: Security', '  watchesInbox: 5', '  assignment: false')).toEqual([
      'policy.yaml:14 team.watchesInbox: 5 is not one of "working-days", "always"',
      'policy.yaml:15 team.assignment: false is not one of "on-receipt", "claim"',
    ])
    expect(withLines('responses:', '  informReporter: null')).toEqual([
      'policy.yaml:13 responses.informReporter: null is not one of "every-step", "progress", "on-request"',
    ])
  })

  it('spaces around the word do not stop the guess', () => {
    expect(withLines('team:', '  name: Security', '  watchesInbox: "  always  "')).toEqual([
      'policy.yaml:14 team.watchesInbox: "  always  " is not one of "working-days", "always" (did you mean "always"?)',
    ])
  })

  it('a very long word is quoted cut short', () => {
    expect(withLines('team:', '  name: Security', `  watchesInbox: ${'w'.repeat(100)}`)).toEqual([
      `policy.yaml:14 team.watchesInbox: "${'w'.repeat(80)}…" is not one of "working-days", "always"`,
    ])
  })
})

describe('several problems', () => {
  it('on one line are listed left to right, whatever order the schema checks them in', () => {
    expect(withLines('team: { watchesInbox: 5, avoidDoubleHandling: "yes", size: 100001, name: "" }')).toEqual([
      'policy.yaml:12 team.watchesInbox: 5 is not one of "working-days", "always"',
      'policy.yaml:12 team.avoidDoubleHandling: expected true or false but found text "yes"',
      'policy.yaml:12 team.size: "100001" must be at most 100000',
      'policy.yaml:12 team.name: must not be empty',
    ])
  })

  it('past fifty, the first fifty in file order and then one note for the whole file', () => {
    // The schema reports the unknown keys at the end of the file before the bad addresses near its top.
    const contacts = Array.from({ length: 20 }, (_, i) => `  - { id: c${i}, kind: person, name: C, email: c${i}@ }`)
    const typos = Array.from({ length: 40 }, (_, i) => `tpyo${i}: 1`)
    const problems = problemsOf([...minimal, 'contacts:', ...contacts, ...typos])
    expect(problems).toHaveLength(51)
    expect(problems[0]).toBe('policy.yaml:13 contacts[0].email: "c0@" is not an e-mail address')
    expect(problems[9]).toBe('policy.yaml:22 contacts[9].email: "c9@" is not an e-mail address')
    expect(problems[10]).toMatch(/^policy\.yaml:33 tpyo0: unknown field "tpyo0" \(known fields: version, organization, /)
    expect(problems.slice(10, 50).map((p) => p.split(' ')[0])).toEqual(Array.from({ length: 40 }, (_, i) => `policy.yaml:${i + 33}`))
    expect(problems[50]).toBe('policy.yaml:1 more problems than shown here (the first 50); fix these first')
  })
})

describe('past fifty cross-check problems', () => {
  it('the first fifty and the note, as for problems of shape', () => {
    const members = Array.from({ length: 60 }, (_, i) => `    - m${i}`)
    const problems = withLines('team:', '  name: Security', '  members:', ...members)
    expect(problems).toHaveLength(51)
    expect(problems[0]).toBe('policy.yaml:15 team.members[0]: no contact has id "m0"')
    expect(problems[49]).toBe('policy.yaml:64 team.members[49]: no contact has id "m49"')
    expect(problems[50]).toBe('policy.yaml:1 more problems than shown here (the first 50); fix these first')
  })

  it('exactly fifty: all of them and no note', () => {
    const members = Array.from({ length: 50 }, (_, i) => `    - m${i}`)
    const problems = withLines('team:', '  name: Security', '  members:', ...members)
    expect(problems).toHaveLength(50)
    expect(problems.at(-1)).toBe('policy.yaml:64 team.members[49]: no contact has id "m49"')
  })
})

describe('problems no policy field produces today keep a plain sentence (schemaProblems on its own)', () => {
  const sentences = (schema: Parameters<typeof Value.Errors>[0], value: unknown) =>
    schemaProblems(Value.Errors(schema, value)).map((p) => p.message)

  it('a pattern with no description names the pattern', () => {
    expect(sentences(Type.String({ pattern: '^[a-z]+$' }), 'X')).toEqual(['"X" is not valid here (pattern ^[a-z]+$)'])
  })

  it('a list needing two entries says "entries"', () => {
    expect(sentences(Type.Array(Type.String(), { minItems: 2 }), ['a'])).toEqual(['needs at least 2 entries'])
  })

  it('a choice that is not a fixed list of words says the value does not fit', () => {
    expect(sentences(Type.Union([Type.String(), Type.Literal(1)]), 2)).toEqual(['number 2 does not fit here'])
    expect(sentences(Type.Union([Type.Literal('a'), Type.Number()]), 'b')).toEqual(['text "b" does not fit here'])
  })

  it('a value that is not there at all is "nothing"', () => {
    expect(sentences(Type.String(), undefined)).toEqual(['expected text but found nothing'])
  })

  it('a problem with no sentence of its own keeps the schema’s words', () => {
    expect(sentences(Type.Array(Type.Number(), { uniqueItems: true }), [1, 1])).toEqual(['Expected array elements to be unique'])
  })
})
