import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'

/** A small valid policy; each broken fixture below changes one thing, so the line numbers are easy to check. */
const minimal = [
  'version: 1', //                        1
  'organization:', //                     2
  '  name: Example', //                   3
  '  slug: example', //                   4
  'contacts:', //                         5
  '  - id: ceo', //                       6
  '    kind: person', //                  7
  '    name: The CEO', //                 8
  '    email: ceo@example.org', //        9
  'channels:', //                         10
  '  email:', //                          11
  '    - address: security@example.org', // 12
  'calendar:', //                         13
  '  timeZone: Europe/Vienna', //         14
  '  holidays: { country: AT }', //       15
  'clocks:', //                           16
  '  acknowledge: 3 business days', //    17
]

const withLines = (changes: Record<number, string | null>, extra: string[] = []): string =>
  [...minimal.map((line, i) => (i + 1 in changes ? changes[i + 1] : line)).filter((l): l is string => l !== null), ...extra].join('\n')

const problemsOf = (source: string): string[] => {
  const result = parsePolicy(source, 'policy.yaml')
  return result.ok ? [] : result.errors.map((e) => e.text)
}

describe('parsePolicy', () => {
  it('accepts the minimal policy', () => {
    expect(problemsOf(minimal.join('\n'))).toEqual([])
  })

  it('keeps "as soon as possible" and durations as written', () => {
    const result = parsePolicy(withLines({ 17: '  acknowledge: as soon as possible' }), 'policy.yaml')
    expect(result.ok && result.policy.clocks.acknowledge).toBe('as soon as possible')
  })

  describe('says what is wrong and on which line', () => {
    const cases: Array<[string, string, string[]]> = [
      [
        'a misspelt duration',
        withLines({ 17: '  acknowledge: 3 bussiness days' }),
        [
          'policy.yaml:17 clocks.acknowledge: "3 bussiness days" is not a duration (try "3 business days", "48 hours" or "90 calendar days")',
        ],
      ],
      [
        'a duration that is not one at all',
        withLines({}, ['  detailedResponse: soon-ish']),
        ['policy.yaml:18 clocks.detailedResponse: "soon-ish" is not a duration (try "3 business days", "48 hours" or "90 calendar days")'],
      ],
      [
        'a typo in a key',
        withLines({ 17: '  acknowlege: 3 business days' }),
        ['policy.yaml:17 clocks.acknowlege: unknown field "acknowlege" (did you mean "acknowledge"?)'],
      ],
      [
        'an unknown time zone',
        withLines({ 14: '  timeZone: Europe/Viena' }),
        ['policy.yaml:14 calendar.timeZone: "Europe/Viena" is not a known IANA time zone (did you mean "Europe/Vienna"?)'],
      ],
      [
        'an unknown holiday country',
        withLines({ 15: '  holidays: { country: XX }' }),
        ['policy.yaml:15 calendar.holidays.country: "XX" is not a country date-holidays knows'],
      ],
      [
        'an unknown holiday state',
        withLines({ 15: '  holidays: { country: DE, state: XY }' }),
        [
          'policy.yaml:15 calendar.holidays.state: "XY" is not a state of DE (known: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH)',
        ],
      ],
      [
        'an escalation chain naming an undefined contact',
        withLines({}, ['escalation:', '  chain:', '    - notify: assignee', '    - notify: contact', '      contact: cto']),
        ['policy.yaml:22 escalation.chain[1].contact: no contact has id "cto" (did you mean "ceo"?)'],
      ],
      [
        'a process step that must come before an unknown step',
        withLines({}, [
          'process:',
          '  - id: validate',
          '    title: Validate',
          '    before: [confrim]',
          '  - id: confirm',
          '    title: Confirm',
        ]),
        ['policy.yaml:21 process[0].before[0]: no step has id "confrim" (did you mean "confirm"?)'],
      ],
      [
        'process steps that must come before each other',
        withLines({}, [
          'process:',
          '  - id: patch',
          '    title: Patch',
          '    before: [release]',
          '  - id: release',
          '    title: Release',
          '    before: [patch]',
        ]),
        ['policy.yaml:21 process[0].before: steps must come before each other in a loop: patch → release → patch'],
      ],
      [
        'two programs with the same slug',
        withLines({}, [
          'programs:',
          '  - { slug: web, name: Web, kind: web-app, inScope: true }',
          '  - { slug: web, name: Other, kind: other, inScope: true }',
        ]),
        ['policy.yaml:20 programs[1].slug: program slug "web" is used twice'],
      ],
      [
        'an invalid e-mail address',
        withLines({ 12: '    - address: security@' }),
        ['policy.yaml:12 channels.email[0].address: "security@" is not an e-mail address'],
      ],
      ['a missing required section', withLines({ 13: null, 14: null, 15: null }), ['policy.yaml:1 calendar: is required but missing']],
      ['a missing required field inside a section', withLines({ 4: null }), ['policy.yaml:2 organization.slug: is required but missing']],
      [
        'a word outside a fixed list',
        withLines({}, ['programs:', '  - slug: web', '    name: Web', '    kind: webapp', '    inScope: true']),
        [
          'policy.yaml:21 programs[0].kind: "webapp" is not one of "open-source", "web-app", "other", "third-party" (did you mean "web-app"?)',
        ],
      ],
      [
        'a number where text is expected',
        withLines({ 15: '  holidays: { country: AT, state: 9 }' }),
        ['policy.yaml:15 calendar.holidays.state: expected text but found number 9 (put it in quotes: "9")'],
      ],
      ['a YAML syntax error', withLines({ 3: '  name: "Example' }), ['policy.yaml:3 YAML syntax: Missing closing "quote']],
      [
        'the same key twice',
        withLines({}, ['  acknowledge: 5 business days']),
        ['policy.yaml:18 YAML syntax: the same key appears twice in this section'],
      ],
      [
        'a closure that is not a real date',
        withLines({}, ['  detailedResponse: 7 business days']).replace('  holidays: { country: AT }', '  closures: [2026-02-30]'),
        ['policy.yaml:15 calendar.closures[0]: "2026-02-30" is not a date (write it as YYYY-MM-DD, e.g. "2026-12-24")'],
      ],
      [
        'a program handled like an unknown program',
        withLines({}, ['programs:', '  - { slug: other, name: Other, kind: other, inScope: true, handledLike: web }']),
        ['policy.yaml:19 programs[0].handledLike: no program has slug "web"'],
      ],
      [
        'a file that is not a set of keys',
        '- just\n- a list\n',
        ['policy.yaml:1 a policy file is a set of "key: value" lines, starting with "version: 1"'],
      ],
    ]
    it.each(cases)('%s', (_name, source, expected) => {
      expect(problemsOf(source)).toEqual(expected)
    })
  })

  it('reports several problems at once, in file order', () => {
    const source = withLines({ 9: '    email: ceo@', 17: '  acknowledge: soon', 4: '  slug: Example' })
    expect(problemsOf(source).map((p) => p.split(' ')[0])).toEqual(['policy.yaml:4', 'policy.yaml:9', 'policy.yaml:17'])
  })

  it('returns line and path as data, not only text', () => {
    const result = parsePolicy(withLines({ 17: '  acknowledge: 3 bussiness days' }), 'kumi.yaml')
    expect(result.ok ? undefined : result.errors[0]).toMatchObject({ file: 'kumi.yaml', line: 17, column: 3, path: 'clocks.acknowledge' })
  })
})
