/**
 * #10 items 1 and 6: the disclosure values the issue found doing nothing now say something, the
 * release windows count back from a planned release in the organization's zone, and values that
 * only make sense together are refused together, with the line of the one to change.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { plannedReleaseAt, releaseWindows } from '../../../src/domain/policy/release-windows.js'
import { renderSecurityMd } from '../../../src/domain/policy/render-security-md.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const base = [
  'version: 1', //                          1
  'organization: { name: Example, slug: example }', // 2
  'channels: { webForm: { enabled: true } }', // 3
  'calendar: { timeZone: Europe/Vienna }', // 4
  'clocks: {}', //                          5
]

const parse = (...extra: string[]) => parsePolicy([...base, ...extra].join('\n'), 'policy.yaml')
const policyOf = (...extra: string[]): Policy => {
  const result = parse(...extra)
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'))
  return result.policy
}
const problemsOf = (...extra: string[]): string[] => {
  const result = parse(...extra)
  return result.ok ? [] : result.errors.map((e) => e.text)
}

describe('disclosure rules a reader of SECURITY.md can hold the organization to', () => {
  it('cve: always, cve: never and advisory: never are said, not silently dropped', () => {
    expect(renderSecurityMd(policyOf('disclosure: { cve: always }'))).toContain(
      'We request a CVE identifier for every confirmed vulnerability.',
    )
    expect(renderSecurityMd(policyOf('disclosure: { cve: never }'))).toContain('We do not request CVE identifiers.')
    expect(renderSecurityMd(policyOf('disclosure: { advisory: never }'))).toContain('We do not publish security advisories.')
  })

  it('markConfidentialWhen: [always] tells the reporter every report is confidential', () => {
    const text = renderSecurityMd(policyOf('confidentiality: { markConfidentialWhen: [always] }'))
    expect(text).toContain('we treat every report as confidential')
  })

  it('early disclosure says how long before public disclosure partners hear, and that they are organizations', () => {
    const text = renderSecurityMd(
      policyOf('disclosure:', '  earlyDisclosure: { audience: organizations, channel: partner list, leadTime: 5 days }'),
    )
    expect(text).toContain(
      'Close partners receive actionable information 5 days before public disclosure, through our partner list. These are organizations, not individuals.',
    )
  })

  it('publishAllReports promises every report public after the fix, whatever its outcome', () => {
    const text = renderSecurityMd(policyOf('disclosure: { publishAllReports: true }'))
    expect(text).toContain('we make every report public, redacted, whatever its outcome: accepted, rejected or duplicate')
  })

  it('release windows appear in SECURITY.md in the policy’s words', () => {
    const text = renderSecurityMd(
      policyOf(
        'disclosure:',
        '  earlyDisclosure: { audience: organizations, channel: partner list }',
        '  releaseWindows: { partnerNotice: 7 days, publicMerge: 24 hours }',
      ),
    )
    expect(text).toContain('- partners are told no earlier than 7 days before the release;')
    expect(text).toContain(
      '- the fix merged publicly no earlier than 24 hours before the release.'.replace('the fix merged', 'the fix is merged'),
    )
  })

  it('a step done in an outside system says where', () => {
    const text = renderSecurityMd(policyOf('process:', '  - { id: patch, title: Patch, external: private GitHub fork }'))
    expect(text).toContain('1. Patch. Done in private GitHub fork.')
  })

  it('a key given as text is printed as an indented block that cannot break out', () => {
    const text = renderSecurityMd(
      policyOf(
        'contacts:',
        '  - id: sec',
        '    kind: team',
        '    name: Security',
        '    email: sec@example.org',
        '    purpose: security',
        '    openpgp: { publicKey: "-----BEGIN PGP PUBLIC KEY BLOCK-----\\n# not a heading\\n-----END PGP PUBLIC KEY BLOCK-----" }',
      ),
    )
    expect(text).toContain('- Security (a team): sec@example.org (security)')
    expect(text).toContain('## OpenPGP keys')
    expect(text).toContain('\n    # not a heading\n')
    expect(text).not.toMatch(/^# not a heading/m)
  })
})

describe('release windows counted back from a planned release', () => {
  const policy = policyOf(
    'disclosure:',
    '  earlyDisclosure: { audience: organizations, channel: partner list }',
    '  releaseWindows: { partnerNotice: 7 days, publicMerge: 24 hours }',
  )

  it('partners from seven days before at the same wall time, the merge from 24 hours before', () => {
    const release = plannedReleaseAt('2026-12-15T10:00', 'Europe/Vienna') ?? Number.NaN
    expect(new Date(release).toISOString()).toBe('2026-12-15T09:00:00.000Z')
    const windows = releaseWindows(policy, release)
    expect(new Date(windows.partnerNoticeFrom ?? 0).toISOString()).toBe('2026-12-08T09:00:00.000Z')
    expect(new Date(windows.publicMergeFrom ?? 0).toISOString()).toBe('2026-12-14T09:00:00.000Z')
  })

  it('days keep the wall time across a DST change; hours are elapsed time', () => {
    // Vienna moves to summer time on Sunday 28 March 2027.
    const release = plannedReleaseAt('2027-03-31T10:00', 'Europe/Vienna') ?? Number.NaN
    const windows = releaseWindows(policy, release)
    expect(new Date(windows.partnerNoticeFrom ?? 0).toISOString()).toBe('2027-03-24T09:00:00.000Z') // 10:00 CET
    expect(new Date(windows.publicMergeFrom ?? 0).toISOString()).toBe('2027-03-30T08:00:00.000Z') // 10:00 CEST
  })

  it('a policy without windows gives none; a malformed date is no release', () => {
    expect(releaseWindows(policyOf(), Date.parse('2026-12-15T09:00:00Z'))).toEqual({})
    expect(plannedReleaseAt('15.12.2026', 'Europe/Vienna')).toBeUndefined()
    expect(plannedReleaseAt('2026-13-01', 'Europe/Vienna')).toBeUndefined()
  })
})

describe('values that only make sense together are refused together, with the line', () => {
  it('a release window in business days', () => {
    expect(
      problemsOf(
        'disclosure:',
        '  earlyDisclosure: { audience: organizations, channel: list }',
        '  releaseWindows:',
        '    partnerNotice: 5 business days',
      ),
    ).toEqual([
      'policy.yaml:9 disclosure.releaseWindows.partnerNotice: a release window is counted back from the release in days or hours, not business days (e.g. "7 days", "24 hours")',
    ])
  })

  it('a partner window without partners', () => {
    expect(problemsOf('disclosure:', '  releaseWindows:', '    partnerNotice: 7 days')).toEqual([
      'policy.yaml:8 disclosure.releaseWindows.partnerNotice: partners are given a notice window, but disclosure.earlyDisclosure names no partners or channel to tell them through',
    ])
  })

  it('a public merge allowed before partners may be told, and a lead time longer than the partner window', () => {
    expect(
      problemsOf(
        'disclosure:',
        '  earlyDisclosure: { audience: organizations, channel: list, leadTime: 14 days }',
        '  releaseWindows:',
        '    partnerNotice: 7 days',
        '    publicMerge: 10 days',
      ),
    ).toEqual([
      'policy.yaml:7 disclosure.earlyDisclosure.leadTime: partners are promised 14 days of notice, but releaseWindows.partnerNotice allows at most 7 days',
      'policy.yaml:10 disclosure.releaseWindows.publicMerge: the fix could be merged publicly (10 days before the release) before partners may be told (7 days before it)',
    ])
  })

  it('every report public, or a CVE for each, while no advisory is ever published', () => {
    expect(problemsOf('disclosure:', '  advisory: never', '  cve: always', '  publishAllReports: true')).toEqual([
      'policy.yaml:8 disclosure.cve: a CVE record is public and points to an advisory, but advisory: never publishes none (choose one)',
      'policy.yaml:9 disclosure.publishAllReports: every report is to be made public, but advisory: never publishes nothing (choose one)',
    ])
  })

  it('"always" listed with other cases, a money reward with no bounty, a third-party block on an own program, a field key twice', () => {
    expect(
      problemsOf(
        'confidentiality: { markConfidentialWhen: [always, personal-data] }',
        'recognition:',
        '  bounty: false',
        '  rewards: [{ kind: money, description: Cash }]',
        'programs:',
        '  - slug: app',
        '    name: App',
        '    kind: web-app',
        '    inScope: true',
        '    thirdParty: { handling: coordinate }',
        '    fields: [{ key: url, label: URL }, { key: url, label: Again }]',
      ),
    ).toEqual([
      'policy.yaml:6 confidentiality.markConfidentialWhen: "always" already covers every other case; list it alone',
      'policy.yaml:9 recognition.rewards[0].kind: a money reward, but bounty: false says there is no monetary bug bounty (choose one)',
      'policy.yaml:15 programs[0].thirdParty: only a program of kind third-party says how third-party reports are handled (this one is web-app)',
      'policy.yaml:16 programs[0].fields[1].key: field key "url" is used twice',
    ])
  })
})
