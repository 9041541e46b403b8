/**
 * SECURITY.md as a reader sees it (src/domain/policy/render-security-md.ts and its sections):
 * every commitment of a policy that uses every key, word for word, and the sentences each
 * alternative value turns into. No value may break out of its line.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { renderSecurityMd } from '../../../src/domain/policy/render-security-md.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

/** A policy that sets (nearly) every key SECURITY.md says something about. */
const everyKey = String.raw`version: 1
organization:
  name: Acme
  slug: acme
  website: https://acme.example
  languages: [en, nl-BE, de]
contacts:
  - { id: sec, kind: team, name: Acme security, email: security@acme.example, purpose: security reports }
  - { id: ceo, kind: person, name: Ann Example, role: CEO, email: ann@acme.example, openpgp: { url: "https://acme.example/ann.asc" } }
  - { id: cto, kind: person, name: Bob Example, openpgp: { fingerprint: "0123 4567 89AB CDEF 0123 4567 89AB CDEF" } }
  - { id: list, kind: mailing-list, name: "Ops\nlist", email: ops@acme.example, purpose: "anything\nelse" }
  - id: keyed
    kind: person
    name: Kay
    openpgp:
      publicKey: "-----BEGIN PGP PUBLIC KEY BLOCK-----\r\n\r\nmQINBF\r\n-----END PGP PUBLIC KEY BLOCK-----"
team:
  name: Acme security team
  contact: sec
  members: [ceo, cto]
  size: 3
  assignment: on-receipt
  watchesInbox: always
  prioritizeReports: true
channels:
  webForm: { enabled: true, note: "no account\nneeded" }
  trackers:
    - { name: Forge, url: "https://forge.acme.example", confidentialIssues: true, programs: [web, lib] }
    - { name: Public forge, url: "https://forge.acme.example/public" }
  email:
    - { address: security@acme.example, private: true, encryption: required, openpgp: { url: "https://acme.example/key.asc" }, note: We answer in English. }
    - { address: pgp@acme.example, encryption: preferred, openpgp: { fingerprint: "0123 4567 89AB CDEF 0123 4567 89AB CDEF" } }
    - { address: maybe@acme.example, openpgp: { publicKey: "KEY" } }
    - { address: plain@acme.example, encryption: none }
  fallback: "Call us.\n# Not a heading"
  publicTracker: { url: "https://forge.acme.example/issues", use: never-for-security, guidance: It is public. }
reporter:
  asked: [name, company]
  pseudonymAllowed: true
  requestedContent: [Steps, Impact]
programs:
  - slug: web
    name: Web
    kind: web-app
    inScope: true
    description: Our sites.
    fields:
      - { key: url, label: The URL, type: url }
      - { key: ver, label: The version, type: version, required: false }
      - { key: text, label: Anything, type: text }
      - { key: long, label: Story, type: long-text, required: true }
      - { key: files, label: Screenshots, type: attachments }
      - { key: plain, label: Plain }
  - { slug: old, name: Old, kind: other, inScope: false, handledLike: web }
  - { slug: lib, name: Library, kind: third-party, inScope: true, thirdParty: { handling: coordinate, note: We help. } }
  - { slug: deps, name: Deps, kind: third-party, inScope: false, thirdParty: { handling: refer-to-maintainers } }
scope:
  inScope: [acme.example]
  outOfScope: [Partners]
researcherRules:
  do: [Be kind]
  dont: [Be rude]
  whenToReport: [Always]
  whenNotToReport: [Never]
calendar:
  timeZone: Europe/Berlin
  workingDays: [mon, tue, wed, thu]
  holidays: { country: DE, state: BY }
  closures: [2026-12-24, 2026-12-31]
clocks:
  acknowledge: 2 business days
  detailedResponse: within 5 days
  reporterUpdate: one week
  resolution: 90 days
  disclosure: 120 days
  reporterMayEscalateAfter: 10 business days
  bySeverity:
    - { severity: [critical], actImmediately: true, alert: team, clocks: { acknowledge: immediately }, note: "We page\nsomeone." }
    - { severity: [high, medium], clocks: { resolution: 30 days } }
responses:
  detailed: [evaluation, next-steps]
  informReporter: every-step
  mayRequestMoreInformation: true
escalation:
  reporterMayEscalate: true
  chain:
    - { notify: assignee }
    - { notify: team }
    - { notify: contact, contact: ceo }
    - { notify: contact, contact: cto }
    - { notify: contact, contact: list }
process:
  - { id: check, title: Check it, description: "We look.", visibleTo: [reporter, public] }
  - { id: cve, title: Ask for a CVE, optional: true, external: GitHub }
  - { id: cve2, title: Ask for a CVE if appropriate, optional: true }
severity:
  scoring: cvss3.1
confidentiality:
  markConfidentialWhen: [personal-data, sensitive-information]
  sharedWith: security-team
  needToKnow: true
  reporterDetails: internal
  statement: We keep quiet.
disclosure:
  reporterMayDisclose: coordinated
  advisory: optional
  cve: if-appropriate
  fixIn: the next release
  statement: "We disclose\nsoon."
  reporterObjection: 7 days
  earlyDisclosure: { audience: organizations, channel: partner list, note: Ask to join. }
  releaseWindows: { partnerNotice: 5 days }
  steps: [Publish, Tweet]
  announcements:
    - { kind: mailing-list, name: Announce list, url: "https://lists.acme.example" }
    - { kind: website, name: Website }
    - { kind: advisory, name: GitHub advisories }
recognition:
  bounty: true
  creditInAdvisory: on-request
  hallOfFame: { enabled: true, onRequest: true, url: "https://acme.example/thanks" }
  rewards:
    - { kind: money, description: Cash., conditions: [first-reporter, by-severity], amounts: { currency: EUR, critical: 1000, low: 50 } }
    - { kind: t-shirt, description: A shirt, conditions: [non-trivial] }
    - { kind: swag, description: Stickers }
    - { kind: money, description: Bonus, amounts: { currency: USD } }
safeHarbor:
  statement: We will not sue.
  conditions: [Act in good faith]
  exclusions: [Not for crimes]
labels:
  - { name: info, description: "Just\ninfo" }
comments: Write to security@acme.example.
regulation:
  cra: { manufacturer: true, memberState: GR }
`

const parsed = (source: string): Policy => {
  const result = parsePolicy(source, 'policy.yaml')
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'))
  return result.policy
}

describe('SECURITY.md of a policy that uses every key', () => {
  it('says every commitment, in order, in the policy’s own words', () => {
    expect(renderSecurityMd(parsed(everyKey), { reportUrl: 'https://embargo.example/acme/report' }).split('\n')).toEqual([
      '# Security policy of Acme',
      '',
      'Website: https://acme.example',
      '',
      '## Reporting a vulnerability',
      '',
      '- Use our reporting form: https://embargo.example/acme/report (no account needed)',
      '- Open a confidential issue on Forge for Web and Library: https://forge.acme.example',
      '- Open an issue on Public forge: https://forge.acme.example/public',
      '- E-mail security@acme.example (a private address). Encrypt your e-mail with our OpenPGP key: https://acme.example/key.asc. We answer in English.',
      '- E-mail pgp@acme.example. Please encrypt your e-mail with our OpenPGP key: 0123 4567 89AB CDEF 0123 4567 89AB CDEF.',
      '- E-mail maybe@acme.example. You may encrypt your e-mail with our OpenPGP key: see "OpenPGP keys" below.',
      '- E-mail plain@acme.example.',
      '',
      'Call us. # Not a heading',
      '',
      '**Never report a security issue on the public issue tracker** (https://forge.acme.example/issues). It is public.',
      '',
      'Please tell us who you are: name and company.',
      'You may also report under a pseudonym.',
      '',
      'Please include:',
      '',
      '- Steps',
      '- Impact',
      '',
      '## What to include in your report',
      '',
      '### Web',
      '',
      'In scope.',
      '',
      'Our sites.',
      '',
      'Please include:',
      '',
      '- The URL: a URL',
      '- The version (if you can): a version',
      '- Anything',
      '- Story',
      '- Screenshots: attachments welcome',
      '- Plain',
      '',
      '### Old',
      '',
      'Out of scope.',
      '',
      'Please follow the process for Web.',
      '',
      '### Library',
      '',
      'In scope.',
      '',
      'Fixing is the responsibility of the maintainers of the third-party product; we coordinate with them on your behalf and work with you to make sure they know.',
      'We help.',
      '',
      '### Deps',
      '',
      'Out of scope.',
      '',
      'Report the issue to the maintainers of that project: it is theirs to fix.',
      '',
      '## Scope',
      '',
      'In scope:',
      '',
      '- acme.example',
      '',
      'Out of scope:',
      '',
      '- Partners',
      '',
      '## When to report',
      '',
      '- Always',
      '',
      '## When not to report',
      '',
      '- Never',
      '',
      '## What happens after you report',
      '',
      '- We assign your report to one member of the Acme security team when we receive it.',
      '- The Acme security team is made up of 3 people.',
      '- The Acme security team members are Ann Example and Bob Example.',
      '- Handling reports comes before other work.',
      '- We acknowledge your report within 2 business days.',
      '- You receive a detailed response within 5 days, with our evaluation of the report and the next steps.',
      '- After that we keep you informed of our progress, at least every week.',
      '- We may ask you for more information.',
      '- If the issue is not resolved within 90 days, we tell you why.',
      '- For critical severity reports we act immediately, alert the whole team and acknowledge immediately. We page someone.',
      '- For high or medium severity reports resolution within 30 days.',
      '- We fix the vulnerability in the next release.',
      '',
      'Business days are Monday, Tuesday, Wednesday and Thursday in the Europe/Berlin time zone, except public holidays in DE-BY and on 2026-12-24 and 2026-12-31. A deadline in business days ends at midnight at the end of the last business day.',
      '',
      '## If you do not hear from us',
      '',
      'If you have not received a reply within 10 business days, you may escalate, in this order:',
      '',
      '1. Contact the security team member assigned to your report.',
      '2. Contact the whole Acme security team at security@acme.example.',
      '3. Contact CEO (Ann Example) at ann@acme.example, OpenPGP key: https://acme.example/ann.asc.',
      '4. Contact Bob Example, OpenPGP fingerprint 0123 4567 89AB CDEF 0123 4567 89AB CDEF.',
      '5. Contact Ops list at ops@acme.example.',
      '',
      '## How we handle a report',
      '',
      '1. Check it. We look. Visible to you and everyone.',
      '2. Ask for a CVE (if appropriate). Done in GitHub.',
      '3. Ask for a CVE if appropriate.',
      '',
      '## How we rate severity',
      '',
      'We score each vulnerability with CVSS 3.1, and publish the vector with the score; its rating (Low, Medium, High or Critical) is the severity.',
      '',
      '## Confidentiality',
      '',
      '- If the vulnerability gives access to personal data or other sensitive information, mark your report as confidential.',
      '- What you tell us stays with the security team and is shared only as needed to fix the issue.',
      '- Your personal details stay inside our organization.',
      '- We keep quiet.',
      '',
      '## Disclosure',
      '',
      'We aim to disclose within 120 days of your report, in coordination with you.',
      '',
      'We disclose soon.',
      '',
      'We may publish a security advisory for a fixed vulnerability.',
      'We request a CVE identifier when appropriate.',
      '',
      'Before we make a report public, its reporter sees the redacted text we propose and may object within 7 days; a report its reporter objected to is not published.',
      '',
      'Close partners receive actionable information before public disclosure, through our partner list. These are organizations, not individuals. Ask to join.',
      '',
      'When a release date is planned:',
      '',
      '- partners are told no earlier than 5 days before the release;',
      '',
      'On the day of disclosure:',
      '',
      '- Publish',
      '- Tweet',
      '',
      'We announce fixes on:',
      '',
      '- Announce list: https://lists.acme.example (mailing list)',
      '- Website (website)',
      '- GitHub advisories (security advisory)',
      '',
      '## EU Cyber Resilience Act',
      '',
      'We are a manufacturer of products with digital elements under the EU Cyber Resilience Act (Regulation (EU) 2024/2847). Our main establishment is in Greece.',
      'When we become aware of an actively exploited vulnerability or a severe incident in one of our products, we notify the coordinating CSIRT and ENISA through the single reporting platform: an early warning within 24 hours, a notification within 72 hours, and a final report (for a vulnerability, within 14 days after a fix or mitigation is available; for an incident, within one month of the notification).',
      'We inform affected users, with a machine-readable advisory (CSAF) where we publish one.',
      '',
      '## Recognition and rewards',
      '',
      '- We offer a monetary bug bounty.',
      '- We credit you publicly if you ask us to.',
      '- Hall of fame (on request): https://acme.example/thanks.',
      '- Cash (to the first reporter of a given vulnerability and depending on the severity).',
      '  Amounts by severity: low: 50 EUR, critical: 1000 EUR.',
      '- A shirt (for non-trivial vulnerabilities).',
      '- Stickers.',
      '- Bonus.',
      '',
      '## Safe harbor',
      '',
      'We will not sue.',
      '',
      'We ask that you:',
      '',
      '- Act in good faith',
      '',
      '- Not for crimes',
      '',
      '## Do',
      '',
      '- Be kind',
      '',
      "## Don't",
      '',
      '- Be rude',
      '',
      '## Labels',
      '',
      '- `info`: Just info',
      '',
      '## Languages',
      '',
      'You can write to us in English, Flemish or German.',
      '',
      '## Contact',
      '',
      '- Acme security (a team): security@acme.example (security reports)',
      '- Ops list (a mailing list): ops@acme.example (anything else)',
      '- Comments on this policy: Write to security@acme.example.',
      '',
      '## OpenPGP keys',
      '',
      'maybe@acme.example:',
      '',
      '    KEY',
      '',
      'Kay:',
      '',
      '    -----BEGIN PGP PUBLIC KEY BLOCK-----',
      '    ',
      '    mQINBF',
      '    -----END PGP PUBLIC KEY BLOCK-----',
      '',
    ])
  })
})

const base: Policy = {
  version: 1,
  organization: { name: 'Acme', slug: 'acme' },
  channels: {},
  calendar: { timeZone: 'UTC' },
  clocks: {},
}

/** The lines of one section, from its heading to the next heading (blank lines dropped). */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n')
  const start = lines.indexOf(heading)
  if (start < 0) return []
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '))
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l !== '')
}
const md = (policy: Partial<Policy>, reportUrl?: string) => renderSecurityMd({ ...base, ...policy }, { reportUrl })

describe('a policy that says little', () => {
  it('says where to report and that disclosure is coordinated, nothing more', () => {
    expect(md({})).toBe(
      [
        '# Security policy of Acme',
        '',
        '## Reporting a vulnerability',
        '',
        '## What happens after you report',
        '',
        '## Disclosure',
        '',
        'We coordinate the date of public disclosure with you.',
        '',
      ].join('\n'),
    )
  })

  it('an open form without an address to show is not listed', () => {
    expect(section(md({ channels: { webForm: { enabled: true } } }), '## Reporting a vulnerability')).toEqual([])
    expect(section(md({ channels: { webForm: { enabled: false } } }, 'https://x.example/report'), '## Reporting a vulnerability')).toEqual(
      [],
    )
    expect(section(md({ channels: { webForm: { enabled: true } } }, 'https://x.example/report'), '## Reporting a vulnerability')).toEqual([
      '- Use our reporting form: https://x.example/report',
    ])
  })
})

describe('reporting channels', () => {
  it('e-mail with optional encryption and a key, with none, and a key without a place to fetch it', () => {
    const channels: Policy['channels'] = {
      email: [
        { address: 'a@acme.example', encryption: 'optional', openpgp: { url: 'https://acme.example/a.asc' } },
        { address: 'b@acme.example', encryption: 'optional' },
        { address: 'c@acme.example', encryption: 'required', openpgp: {} },
      ],
      publicTracker: { url: 'https://forge.acme.example/issues', use: 'non-security-bugs' },
    }
    expect(section(md({ channels }), '## Reporting a vulnerability')).toEqual([
      '- E-mail a@acme.example. You may encrypt your e-mail with our OpenPGP key: https://acme.example/a.asc.',
      '- E-mail b@acme.example.',
      '- E-mail c@acme.example. Encrypt your e-mail with our OpenPGP key.',
      'Bugs that are not security issues go to the public issue tracker: https://forge.acme.example/issues.',
    ])
  })

  it('the public tracker with guidance; a public tracker for security without guidance', () => {
    expect(
      section(
        md({ channels: { publicTracker: { url: 'https://f.example', use: 'non-security-bugs', guidance: 'Use labels.' } } }),
        '## Reporting a vulnerability',
      ),
    ).toEqual(['Bugs that are not security issues go to the public issue tracker: https://f.example. Use labels.'])
    expect(
      section(md({ channels: { publicTracker: { url: 'https://f.example', use: 'never-for-security' } } }), '## Reporting a vulnerability'),
    ).toEqual(['**Never report a security issue on the public issue tracker** (https://f.example).'])
  })

  it('who the reporter may be: anonymous only, or nothing said', () => {
    expect(section(md({ reporter: { anonymousAllowed: true } }), '## Reporting a vulnerability')).toEqual([
      'You may also report anonymously.',
    ])
    expect(
      section(md({ reporter: { anonymousAllowed: false, pseudonymAllowed: false, asked: [] } }), '## Reporting a vulnerability'),
    ).toEqual([])
  })
})

describe('what happens after a report', () => {
  const whatHappens = (policy: Partial<Policy>) => section(md(policy), '## What happens after you report')

  it('a team that claims reports, watches the inbox on working days and avoids double handling', () => {
    expect(whatHappens({ team: { name: 'Crew', assignment: 'claim', size: 1, watchesInbox: 'working-days' } })).toEqual([
      '- The Crew is made up of 1 people who watch the inbox on working days.',
    ])
    expect(whatHappens({ team: { name: 'Crew', size: 2, avoidDoubleHandling: true, watchesInbox: 'always' } })).toEqual([
      '- The Crew is made up of 2 people and coordinate so that no report is handled twice.',
    ])
    expect(whatHappens({ team: { name: 'Crew', members: [] } })).toEqual([])
  })

  it('updates "every day" for one day; progress or every step when no cadence is set', () => {
    expect(whatHappens({ clocks: { reporterUpdate: '1 day' } })).toEqual([
      '- After that we keep you informed of our progress, at least every day.',
    ])
    expect(whatHappens({ clocks: { reporterUpdate: 'one week' }, responses: { informReporter: 'every-step' } })).toEqual([
      '- After that we keep you informed of our progress, at least every week.',
    ])
    expect(whatHappens({ clocks: { reporterUpdate: '10 days' } })).toEqual([
      '- After that we keep you informed of our progress, at least every 10 days.',
    ])
    expect(whatHappens({ responses: { informReporter: 'progress' } })).toEqual([
      '- We keep you informed of our progress towards resolving the issue.',
    ])
    expect(whatHappens({ responses: { informReporter: 'on-request', mayRequestMoreInformation: false } })).toEqual([])
  })

  it('a detailed response without listed contents; a final update when unresolved', () => {
    expect(
      whatHappens({
        clocks: { detailedResponse: 'as soon as possible', resolution: '30 days' },
        responses: { detailed: [], finalUpdateWhenUnresolved: true },
      }),
    ).toEqual([
      '- You receive a detailed response as soon as possible.',
      '- If the issue is not resolved within 30 days, we send you a final update saying that progress towards a fix has halted.',
    ])
  })

  it('an override that only changes clocks; business days explained with the default week, no holidays, no closures', () => {
    expect(
      whatHappens({ clocks: { acknowledge: 'asap', bySeverity: [{ severity: ['low'], clocks: { acknowledge: '5 business days' } }] } }),
    ).toEqual(['- We acknowledge your report as soon as possible.', '- For low severity reports acknowledge within 5 business days.'])
    expect(
      whatHappens({ clocks: { acknowledge: '1 business day' }, calendar: { timeZone: 'Europe/Vienna', holidays: { country: 'AT' } } }),
    ).toEqual([
      '- We acknowledge your report within 1 business day.',
      'Business days are Monday, Tuesday, Wednesday, Thursday and Friday in the Europe/Vienna time zone, except public holidays in AT. A deadline in business days ends at midnight at the end of the last business day.',
    ])
    expect(whatHappens({ clocks: { acknowledge: '2 days', resolution: '48 hours' } }).join('\n')).not.toContain('Business days are')
  })

  it('escalation: with no wait named, to the whole team without a team or an address', () => {
    expect(
      section(md({ escalation: { reporterMayEscalate: true, chain: [{ notify: 'team' }] } }), '## If you do not hear from us'),
    ).toEqual(['If you have not received a reply, you may escalate, in this order:', '1. Contact the whole security team.'])
    expect(
      section(
        md({
          team: { name: 'Crew', contact: 'crew' },
          contacts: [{ id: 'crew', kind: 'team', name: 'Crew' }],
          escalation: { reporterMayEscalate: true, chain: [{ notify: 'team' }] },
        }),
        '## If you do not hear from us',
      ),
    ).toEqual(['If you have not received a reply, you may escalate, in this order:', '1. Contact the whole Crew.'])
    expect(md({ escalation: { reporterMayEscalate: false, chain: [{ notify: 'team' }] } })).not.toContain('If you do not hear from us')
  })
})

describe('confidentiality', () => {
  const confidentiality = (rules: Policy['confidentiality']) => section(md({ confidentiality: rules }), '## Confidentiality')

  it('each case that asks the reporter to mark a report confidential', () => {
    expect(confidentiality({ markConfidentialWhen: ['always', 'personal-data'] })).toEqual([
      '- Mark every report as confidential: we treat every report as confidential.',
    ])
    expect(confidentiality({ markConfidentialWhen: ['personal-data'] })).toEqual([
      '- If the vulnerability gives access to personal data, mark your report as confidential.',
    ])
    expect(confidentiality({ markConfidentialWhen: ['sensitive-information'] })).toEqual([
      '- If the vulnerability gives access to sensitive information, mark your report as confidential.',
    ])
    expect(confidentiality({})).toEqual([])
    expect(md({})).not.toContain('## Confidentiality')
  })

  it('who sees the report, and the reporter’s details', () => {
    expect(confidentiality({ sharedWith: 'assigned-team', reporterDetails: 'never-without-permission' })).toEqual([
      '- What you tell us stays with the team assigned to fix it.',
      '- We never pass on your personal details to third parties without your permission.',
    ])
    expect(confidentiality({ sharedWith: 'project' })).toEqual(['- What you tell us stays with the project.'])
  })
})

describe('disclosure', () => {
  const disclosure = (policy: Partial<Policy>) => section(md(policy), '## Disclosure')

  it('who may disclose when', () => {
    expect(disclosure({ clocks: { disclosure: '90 days' }, disclosure: { reporterMayDisclose: 'after-deadline' } })).toEqual([
      'Do not disclose the issue publicly until it is fully resolved. If you have not received a full update within 90 days, you may disclose it publicly.',
    ])
    expect(disclosure({ disclosure: { reporterMayDisclose: 'after-deadline' } })).toEqual([
      'We coordinate the date of public disclosure with you.',
    ])
    expect(disclosure({ clocks: { disclosure: '90 days' }, disclosure: { reporterMayDisclose: 'after-fix' } })).toEqual([
      'Do not reveal the vulnerability to others until it is resolved.',
    ])
    expect(disclosure({ clocks: { disclosure: '90 days' } })).toEqual([
      'We aim to disclose within 90 days of your report, in coordination with you.',
    ])
  })

  it('advisories and CVEs always; every report public with the default objection period', () => {
    expect(disclosure({ disclosure: { advisory: 'always', cve: 'always', publishAllReports: true } })).toEqual([
      'We coordinate the date of public disclosure with you.',
      'We publish a security advisory for every confirmed vulnerability.',
      'We request a CVE identifier for every confirmed vulnerability.',
      'Once the fix is published, we make every report public, redacted, whatever its outcome: accepted, rejected or duplicate.',
      'Before we make a report public, its reporter sees the redacted text we propose and may object within 14 days; a report its reporter objected to is not published.',
    ])
  })

  it('early disclosure with a lead time; a merge window alone; announcements with mitigations', () => {
    expect(
      disclosure({
        disclosure: {
          earlyDisclosure: { audience: 'organizations', channel: 'list', leadTime: '3 days' },
          releaseWindows: { publicMerge: '24 hours' },
          announcements: [{ kind: 'social', name: 'Mastodon' }],
          includeMitigations: true,
        },
      }),
    ).toEqual([
      'We coordinate the date of public disclosure with you.',
      'Close partners receive actionable information 3 days before public disclosure, through our list. These are organizations, not individuals.',
      'When a release date is planned:',
      '- the fix is merged publicly no earlier than 24 hours before the release.',
      'We announce fixes on:',
      '- Mastodon (social media)',
      'Announcements say which mitigating steps you can take before upgrading.',
    ])
    expect(disclosure({ disclosure: { includeMitigations: true, announcements: [], steps: [], releaseWindows: {} } })).toEqual([
      'We coordinate the date of public disclosure with you.',
    ])
  })
})

describe('recognition, harbor, rules, labels, languages and contacts', () => {
  it('no bounty, credit unless declined, a hall of fame without address, two conditions', () => {
    expect(
      section(
        md({
          recognition: {
            bounty: false,
            creditInAdvisory: 'unless-declined',
            hallOfFame: { enabled: true },
            rewards: [{ kind: 'swag', description: 'Swag', conditions: ['own-products-only', 'non-trivial'] }],
          },
        }),
        '## Recognition and rewards',
      ),
    ).toEqual([
      '- We do not offer a monetary bug bounty.',
      '- We name you as the discoverer in the public advisory, unless you tell us otherwise.',
      '- Hall of fame.',
      '- Swag (for our own products only and for non-trivial vulnerabilities).',
    ])
    expect(
      section(
        md({ recognition: { creditInAdvisory: 'never', hallOfFame: { enabled: false, url: 'https://x.example' } } }),
        '## Recognition and rewards',
      ),
    ).toEqual([])
  })

  it('amounts by severity, in severity order', () => {
    expect(
      section(
        md({
          recognition: {
            rewards: [{ kind: 'money', description: 'Cash', amounts: { currency: 'EUR', high: 500, low: 0, medium: 100, critical: 2000 } }],
          },
        }),
        '## Recognition and rewards',
      ),
    ).toEqual(['- Cash.', '  Amounts by severity: low: 0 EUR, medium: 100 EUR, high: 500 EUR, critical: 2000 EUR.'])
  })

  it('a harbor with exclusions only; rules with only what not to do', () => {
    expect(section(md({ safeHarbor: { statement: 'Safe.', exclusions: ['Crimes'] } }), '## Safe harbor')).toEqual(['Safe.', '- Crimes'])
    expect(section(md({ safeHarbor: { statement: 'Safe.', conditions: [], exclusions: [] } }), '## Safe harbor')).toEqual(['Safe.'])
    const rules = md({ researcherRules: { dont: ['Spam'], do: [], whenToReport: [], whenNotToReport: [] } })
    expect(rules).not.toContain('## Do\n')
    expect(section(rules, "## Don't")).toEqual(['- Spam'])
    expect(rules).not.toContain('When to report')
  })

  it('scope with only what is out of it', () => {
    expect(section(md({ scope: { outOfScope: ['Partners'] } }), '## Scope')).toEqual(['Out of scope:', '- Partners'])
    expect(md({ scope: { inScope: [], outOfScope: [] } })).not.toContain('## Scope')
  })

  it('comments alone make a contact section; contacts without an address or purpose are not listed', () => {
    expect(
      section(
        md({
          comments: 'Mail us.',
          contacts: [
            { id: 'a', kind: 'person', name: 'Ann', email: 'ann@acme.example' },
            { id: 'b', kind: 'person', name: 'Bob', purpose: 'Press' },
            { id: 'c', kind: 'person', name: 'Cy', email: 'cy@acme.example', purpose: 'Press' },
          ],
        }),
        '## Contact',
      ),
    ).toEqual(['- Cy: cy@acme.example (Press)', '- Comments on this policy: Mail us.'])
    expect(md({ contacts: [{ id: 'a', kind: 'person', name: 'Ann', email: 'ann@acme.example' }] })).not.toContain('## Contact')
    expect(md({ organization: { name: 'Acme', slug: 'acme', languages: [] } })).not.toContain('## Languages')
  })

  it('a language tag no name is known for is shown as written', () => {
    expect(section(md({ organization: { name: 'Acme', slug: 'acme', languages: ['en', 'not a tag!'] } }), '## Languages')).toEqual([
      'You can write to us in English or not a tag!.',
    ])
  })
})

describe('severity', () => {
  it('the levels, in severity order, under their own line', () => {
    const text = md({
      severity: {
        scoring: 'cvss4',
        levels: [
          { level: 'high', definition: 'Data of many users.' },
          { level: 'low', definition: 'Hardly any harm.' },
        ],
      },
    })
    expect(text).toContain(
      [
        '## How we rate severity',
        '',
        'We score each vulnerability with CVSS 4.0, and publish the vector with the score; its rating (Low, Medium, High or Critical) is the severity.',
        '',
        'What each level means to us:',
        '',
        '- **Low**: Hardly any harm.',
        '- **High**: Data of many users.',
        '',
      ].join('\n'),
    )
  })
})

describe('no value breaks out of its line', () => {
  it('names, titles and answers with line breaks stay on one line', () => {
    const hostile = '\n# Injected'
    const text = md({
      organization: { name: `Acme${hostile}`, slug: 'acme' },
      team: { name: `Crew${hostile}`, assignment: 'on-receipt', size: 2, members: ['ceo'], contact: 'ceo' },
      contacts: [{ id: 'ceo', kind: 'person', name: `Ann${hostile}`, role: `CEO${hostile}`, email: 'ann@acme.example' }],
      channels: { trackers: [{ name: 'Forge', url: 'https://f.example', programs: ['web'] }] },
      programs: [
        { slug: 'web', name: `Web${hostile}`, kind: 'web-app', inScope: true },
        { slug: 'old', name: 'Old', kind: 'other', inScope: false, handledLike: 'web' },
      ],
      reporter: { asked: [`name${hostile}`] },
      escalation: { reporterMayEscalate: true, chain: [{ notify: 'team' }, { notify: 'contact', contact: 'ceo' }] },
    })
    expect(text).not.toMatch(/^# Injected/m)
    expect(text.split('\n').filter((l) => l.includes('Injected'))).toEqual([
      '# Security policy of Acme # Injected',
      '- Open an issue on Forge for Web # Injected: https://f.example',
      'Please tell us who you are: name # Injected.',
      '### Web # Injected',
      'Please follow the process for Web # Injected.',
      '- We assign your report to one member of the Crew # Injected when we receive it.',
      '- The Crew # Injected is made up of 2 people.',
      '- The Crew # Injected members are Ann # Injected.',
      '1. Contact the whole Crew # Injected at ann@acme.example.',
      '2. Contact CEO # Injected (Ann # Injected) at ann@acme.example.',
    ])
  })
})
