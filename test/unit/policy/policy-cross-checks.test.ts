/**
 * What a policy author is told about values the schema cannot judge alone
 * (src/domain/policy/semantic-checks.ts): names that must exist elsewhere, values given twice,
 * steps that loop, and values that contradict each other — each with its line and the fix.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { findCycle } from '../../../src/domain/policy/semantic-checks.js'

/** Lines 1–8; every fixture appends from line 9. */
const base = [
  'version: 1',
  'organization: { name: Example, slug: example }',
  'contacts:',
  '  - { id: ceo, kind: person, name: The CEO, email: ceo@example.org }',
  '  - { id: legal, kind: team, name: Legal }',
  'channels: { webForm: { enabled: true } }',
  'calendar: { timeZone: Europe/Vienna }',
  'clocks: {}',
]

const problemsOf = (...extra: string[]): string[] => {
  const result = parsePolicy([...base, ...extra].join('\n'), 'policy.yaml')
  return result.ok ? [] : result.errors.map((e) => e.text)
}
const withCalendar = (calendar: string): string[] => {
  const result = parsePolicy(base.join('\n').replace('calendar: { timeZone: Europe/Vienna }', calendar), 'policy.yaml')
  return result.ok ? [] : result.errors.map((e) => e.text)
}

describe('the calendar', () => {
  it('a time zone nobody knows, without a close one, gets no guess', () => {
    expect(withCalendar('calendar: { timeZone: Nowhere/Atlantis }')).toEqual([
      'policy.yaml:7 calendar.timeZone: "Nowhere/Atlantis" is not a known IANA time zone',
    ])
  })

  it('a state of a country without states lists no known ones; a known country and state pass', () => {
    expect(withCalendar('calendar: { timeZone: Europe/Luxembourg, holidays: { country: LU, state: XX } }')).toEqual([
      'policy.yaml:7 calendar.holidays.state: "XX" is not a state of LU',
    ])
    expect(withCalendar('calendar: { timeZone: Europe/Berlin, holidays: { country: DE, state: BY } }')).toEqual([])
    expect(withCalendar('calendar: { timeZone: Europe/Berlin, holidays: { country: DE } }')).toEqual([])
  })

  it('an unknown country is said once, not again for its state', () => {
    expect(withCalendar('calendar: { timeZone: Europe/Berlin, holidays: { country: XX, state: BY } }')).toEqual([
      'policy.yaml:7 calendar.holidays.country: "XX" is not a country date-holidays knows',
    ])
  })
})

describe('names given twice', () => {
  it('contact ids, labels and severity levels, at the second occurrence', () => {
    expect(
      problemsOf(
        'team: { name: Team, members: [ceo] }',
        'labels:',
        '  - { name: wontfix, description: Will not fix }',
        '  - { name: wontfix, description: Again }',
        'severity:',
        '  scoring: qualitative',
        '  levels:',
        '    - { level: high, definition: Bad }',
        '    - { level: low, definition: Mild }',
        '    - { level: high, definition: Worse }',
      ),
    ).toEqual([
      'policy.yaml:12 labels[1].name: label "wontfix" is used twice',
      'policy.yaml:18 severity.levels[2].level: severity level "high" is used twice',
    ])
    const twice = [...base]
    twice.splice(5, 0, '  - { id: ceo, kind: person, name: Another CEO }')
    const result = parsePolicy(twice.join('\n'), 'policy.yaml')
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual(['policy.yaml:6 contacts[2].id: contact id "ceo" is used twice'])
  })

  it('a third occurrence is reported too', () => {
    expect(
      problemsOf(
        'labels:',
        '  - { name: dup, description: One }',
        '  - { name: dup, description: Two }',
        '  - { name: dup, description: Three }',
      ),
    ).toEqual(['policy.yaml:11 labels[1].name: label "dup" is used twice', 'policy.yaml:12 labels[2].name: label "dup" is used twice'])
  })
})

describe('the escalation chain and the team name contacts that exist', () => {
  it('a contact step without a contact, a contact on another step, an unknown contact', () => {
    expect(
      problemsOf(
        'escalation:',
        '  chain:',
        '    - notify: contact',
        '    - { notify: team, contact: ceo }',
        '    - { notify: contact, contact: legl }',
        '    - { notify: contact, contact: ceo }',
        '    - { notify: assignee }',
      ),
    ).toEqual([
      'policy.yaml:11 escalation.chain[0]: names no contact (add contact: <id>, e.g. contact: ceo)',
      'policy.yaml:12 escalation.chain[1].contact: only a step with notify: contact names a contact (this one notifies the team)',
      'policy.yaml:13 escalation.chain[2].contact: no contact has id "legl" (did you mean "legal"?)',
    ])
  })

  it('the team’s contact and members', () => {
    expect(problemsOf('team: { name: Team, contact: seo, members: [ceo, lawyer, legal] }')).toEqual([
      'policy.yaml:9 team.contact: no contact has id "seo" (did you mean "ceo"?)',
      'policy.yaml:9 team.members[1]: no contact has id "lawyer"',
    ])
    expect(problemsOf('team: { name: Team, contact: legal }')).toEqual([])
  })

  it('a policy without contacts knows no contact', () => {
    const result = parsePolicy(
      [
        'version: 1',
        'organization: { name: Example, slug: example }',
        'channels: {}',
        'calendar: { timeZone: UTC }',
        'clocks: {}',
        'team: { name: Team, contact: ceo }',
      ].join('\n'),
      'policy.yaml',
    )
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual(['policy.yaml:6 team.contact: no contact has id "ceo"'])
  })
})

describe('programs and trackers', () => {
  it('a program handled like itself is refused; one handled like another program is not', () => {
    expect(
      problemsOf(
        'programs:',
        '  - { slug: web, name: Web, kind: web-app, inScope: true, handledLike: web }',
        '  - { slug: mobile, name: Mobile, kind: other, inScope: true, handledLike: web }',
      ),
    ).toEqual(['policy.yaml:10 programs[0].handledLike: a program cannot be handled like itself'])
  })

  it('a tracker must name programs the policy has', () => {
    const result = parsePolicy(
      [
        ...base.map((l) =>
          l.startsWith('channels:')
            ? 'channels: { trackers: [{ name: Forge, url: "https://forge.example.org", programs: [web, wbe, api] }] }'
            : l,
        ),
        'programs:',
        '  - { slug: web, name: Web, kind: web-app, inScope: true }',
      ].join('\n'),
      'policy.yaml',
    )
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([
      'policy.yaml:6 channels.trackers[0].programs[1]: no program has slug "wbe" (did you mean "web"?)',
      'policy.yaml:6 channels.trackers[0].programs[2]: no program has slug "api"',
    ])
  })

  it('a third-party block on a third-party program is fine', () => {
    expect(
      problemsOf(
        'programs:',
        '  - { slug: deps, name: Dependencies, kind: third-party, inScope: true, thirdParty: { handling: coordinate } }',
      ),
    ).toEqual([])
  })
})

describe('the process', () => {
  it('a step before itself, a step id twice', () => {
    expect(
      problemsOf(
        'process:',
        '  - { id: patch, title: Patch, before: [patch] }',
        '  - { id: release, title: Release }',
        '  - { id: patch, title: Patch again }',
      ),
    ).toEqual([
      'policy.yaml:10 process[0].before[0]: a step cannot come before itself',
      'policy.yaml:12 process[2].id: step id "patch" is used twice',
    ])
  })

  it('a loop is named from the step where it is found, only once the steps themselves are right', () => {
    expect(
      problemsOf(
        'process:',
        '  - { id: intake, title: Intake, before: [triage] }',
        '  - { id: triage, title: Triage, before: [fix] }',
        '  - { id: fix, title: Fix, before: [verify] }',
        '  - { id: verify, title: Verify, before: [triage] }',
      ),
    ).toEqual(['policy.yaml:11 process[1].before: steps must come before each other in a loop: triage → fix → verify → triage'])
    expect(problemsOf('process:', '  - { id: a, title: A, before: [b, nowhere] }', '  - { id: b, title: B, before: [a] }')).toEqual([
      'policy.yaml:10 process[0].before[1]: no step has id "nowhere"',
    ])
  })

  it('steps in a straight line, or sharing a successor, are fine', () => {
    expect(
      problemsOf('process:', '  - { id: a, title: A, before: [c] }', '  - { id: b, title: B, before: [c] }', '  - { id: c, title: C }'),
    ).toEqual([])
  })
})

describe('findCycle', () => {
  it('finds no loop where there is none, however the steps are ordered', () => {
    expect(findCycle([])).toBeUndefined()
    expect(
      findCycle([
        { id: 'c', next: [] },
        { id: 'a', next: ['b', 'c'] },
        { id: 'b', next: ['c'] },
      ]),
    ).toBeUndefined()
  })

  it('names the loop from where it starts, ending where it started', () => {
    expect(findCycle([{ id: 'a', next: ['a'] }])).toEqual(['a', 'a'])
    expect(
      findCycle([
        { id: 'start', next: ['x'] },
        { id: 'x', next: ['y'] },
        { id: 'y', next: ['x'] },
      ]),
    ).toEqual(['x', 'y', 'x'])
  })

  it('a loop reached only from a later step, after a finished branch', () => {
    expect(
      findCycle([
        { id: 'done', next: ['leaf'] },
        { id: 'leaf', next: [] },
        { id: 'p', next: ['leaf', 'q'] },
        { id: 'q', next: ['p'] },
      ]),
    ).toEqual(['p', 'q', 'p'])
  })

  it('a step named but not listed ends a path', () => {
    expect(findCycle([{ id: 'a', next: ['ghost'] }])).toBeUndefined()
  })
})

describe('OpenPGP keys and encryption', () => {
  it('a key that gives none of fingerprint, url or publicKey; encryption required with no key', () => {
    const result = parsePolicy(
      [
        'version: 1',
        'organization: { name: Example, slug: example }',
        'contacts:',
        '  - { id: ceo, kind: person, name: The CEO, openpgp: {} }',
        'channels:',
        '  email:',
        '    - { address: security@example.org, encryption: required }',
        '    - { address: pgp@example.org, encryption: required, openpgp: {} }',
        '    - { address: ok@example.org, encryption: required, openpgp: { url: "https://example.org/key" } }',
        'calendar: { timeZone: UTC }',
        'clocks: {}',
      ].join('\n'),
      'policy.yaml',
    )
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([
      'policy.yaml:4 contacts[0].openpgp: give the key as fingerprint, url or publicKey',
      'policy.yaml:7 channels.email[0].encryption: encryption is required but no OpenPGP key is given for this address',
      'policy.yaml:8 channels.email[1].openpgp: give the key as fingerprint, url or publicKey',
    ])
  })

  it('any one of fingerprint, url or publicKey is a key', () => {
    for (const key of ['fingerprint: "0123456789ABCDEF0123456789ABCDEF"', 'url: "https://example.org/key"', 'publicKey: "-----BEGIN…"']) {
      const result = parsePolicy(
        [
          'version: 1',
          'organization: { name: Example, slug: example }',
          `contacts: [{ id: ceo, kind: person, name: The CEO, openpgp: { ${key} } }]`,
          'channels: {}',
          'calendar: { timeZone: UTC }',
          'clocks: {}',
        ].join('\n'),
        'policy.yaml',
      )
      expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([])
    }
  })
})

describe('disclosure windows compared across units', () => {
  const windows = (partnerNotice: string, publicMerge: string, leadTime?: string) =>
    problemsOf(
      'disclosure:',
      `  earlyDisclosure: { audience: organizations, channel: list${leadTime ? `, leadTime: ${leadTime}` : ''} }`,
      `  releaseWindows: { partnerNotice: ${partnerNotice}, publicMerge: ${publicMerge} }`,
    )

  it('hours and days are compared as hours: 3 days is later than 48 hours', () => {
    expect(windows('48 hours', '3 days')).toEqual([
      'policy.yaml:11 disclosure.releaseWindows.publicMerge: the fix could be merged publicly (3 days before the release) before partners may be told (48 hours before it)',
    ])
    expect(windows('3 days', '72 hours')).toEqual([])
    expect(windows('3 days', '71 hours')).toEqual([])
    expect(windows('1 week', '7 days', '168 hours')).toEqual([])
    expect(windows('1 week', '1 day', '169 hours')).toEqual([
      'policy.yaml:10 disclosure.earlyDisclosure.leadTime: partners are promised 169 hours of notice, but releaseWindows.partnerNotice allows at most 1 week',
    ])
  })

  it('a merge window in business days is refused on its own', () => {
    expect(windows('7 days', '2 business days')).toEqual([
      'policy.yaml:11 disclosure.releaseWindows.publicMerge: a release window is counted back from the release in days or hours, not business days (e.g. "7 days", "24 hours")',
    ])
  })

  it('a lead time alone, or a merge window alone, needs no partner window', () => {
    expect(problemsOf('disclosure:', '  earlyDisclosure: { audience: organizations, channel: list, leadTime: 30 days }')).toEqual([])
    expect(problemsOf('disclosure:', '  releaseWindows: { publicMerge: 30 days }')).toEqual([])
  })

  it('advisory: never with cve or publishAllReports is refused; other combinations are not', () => {
    expect(problemsOf('disclosure: { advisory: never, cve: never, publishAllReports: false }')).toEqual([])
    expect(problemsOf('disclosure: { advisory: optional, cve: always, publishAllReports: true }')).toEqual([])
  })
})

describe('promises that contradict each other', () => {
  it('a money reward is fine with a bounty, or when bounty is not said', () => {
    expect(problemsOf('recognition: { bounty: true, rewards: [{ kind: money, description: Cash }] }')).toEqual([])
    expect(problemsOf('recognition: { rewards: [{ kind: money, description: Cash }] }')).toEqual([])
    expect(problemsOf('recognition: { bounty: false, rewards: [{ kind: swag, description: A t-shirt }] }')).toEqual([])
  })

  it('"always" alone is fine, as are other cases together', () => {
    expect(problemsOf('confidentiality: { markConfidentialWhen: [always] }')).toEqual([])
    expect(problemsOf('confidentiality: { markConfidentialWhen: [personal-data, sensitive-information] }')).toEqual([])
  })
})

describe('the Cyber Resilience Act section', () => {
  it('every notified contact must exist and have an address; one without a close match gets no guess', () => {
    expect(problemsOf('regulation:', '  cra: { manufacturer: true, memberState: AT, notify: [ceo, legal, auditor] }')).toEqual([
      'policy.yaml:10 regulation.cra.notify[1]: contact "legal" has no email to be told at',
      'policy.yaml:10 regulation.cra.notify[2]: no contact has id "auditor"',
    ])
  })

  it('an organization that is no manufacturer needs no Member State', () => {
    expect(problemsOf('regulation:', '  cra: { manufacturer: false }')).toEqual([])
    expect(problemsOf('regulation: {}')).toEqual([])
  })

  it('the manufacturer without a Member State is pointed at the section', () => {
    expect(problemsOf('regulation:', '  cra:', '    manufacturer: true')).toEqual([
      'policy.yaml:10 regulation.cra: a manufacturer names the Member State of its main establishment (memberState: NL, …): its CSIRT coordinates the notifications',
    ])
  })
})
