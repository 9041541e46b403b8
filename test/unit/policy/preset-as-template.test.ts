/**
 * A preset used as a template (src/domain/policy/preset-template.ts): the new organization's
 * policy keeps the preset's commitments and layout, but never publishes the preset organization's
 * name, contacts, addresses, trackers, URLs or keys as its own.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { presetAsTemplate, presetMarkers, type TemplateOrganization } from '../../../src/domain/policy/preset-template.js'
import { presetNames, presetSource } from './presets.js'

const acme: TemplateOrganization = { name: 'Acme', slug: 'acme' }
const acmeWithMail: TemplateOrganization = { ...acme, securityAddress: 'security@acme.example' }
const acmeWithKey: TemplateOrganization = {
  ...acmeWithMail,
  key: { url: 'https://embargo.example/o/acme/openpgp.asc', fingerprint: '0123 4567 89AB CDEF 0123 4567 89AB CDEF' },
}

const foo = `version: 1
organization:
  name: Foo Labs
  slug: foo-labs
  website: https://foo.example
contacts:
  - id: security-team
    kind: team
    name: Foo Labs security team
    email: security@foo.example
    purpose: security
    openpgp: { url: https://foo.example/key.asc }
  - id: chief-officer
    kind: person
    name: Jane Doe
    role: CEO
    email: jane@foo.example
  - id: ops-team
    kind: team
    name: Ops
  - kind: team
    name: Nameless
team:
  name: Foo Labs security team
  contact: security-team
channels:
  email:
    - address: security@foo.example
      encryption: preferred
      private: true
      note: Write to security@foo.example or jane@foo.example.
  trackers:
    - { name: Forge, url: https://forge.foo.example/issues, programs: [foo-labs] }
  publicTracker: { url: https://forge.foo.example/public, use: never-for-security }
programs:
  - slug: foo-labs
    name: Foo Labs apps
    kind: web-app
    inScope: true
    description: Everything FOO LABS runs at https://app.foo.example (see also foo-labs).
securityTxt:
  canonical: [https://foo.example/.well-known/security.txt]
  policy: https://foo.example/security
  hiring: https://foo.example/jobs
  acknowledgments: https://foo.example/thanks
  encryption: https://foo.example/key.asc
recognition:
  hallOfFame: { enabled: true, url: https://foo.example/thanks }
disclosure:
  announcements:
    - { kind: blog, name: Blog, url: https://foo.example/blog }
    - { kind: chat, name: Chat }
comments: mail security@foo.example
`

describe('presetMarkers: what identifies the preset organization', () => {
  it('its name and slug, its mail domains and its URLs', () => {
    expect(presetMarkers(foo)).toEqual([
      'Foo Labs',
      'foo-labs',
      'https://foo.example',
      'foo.example',
      'https://foo.example/key.asc',
      'https://forge.foo.example/issues',
      'https://forge.foo.example/public',
      'https://app.foo.example',
      'https://foo.example/.well-known/security.txt',
      'https://foo.example/security',
      'https://foo.example/jobs',
      'https://foo.example/thanks',
      'https://foo.example/blog',
    ])
  })

  it('a blank or missing name or slug is no marker', () => {
    expect(presetMarkers('organization:\n  name: "  "\n  slug: 7\n')).toEqual([])
    expect(presetMarkers('version: 1\n')).toEqual([])
    expect(presetMarkers('organization:\n  name: " Foo "\n  slug: " foo "\n')).toEqual(['Foo', 'foo'])
  })
})

describe('presetAsTemplate', () => {
  it('with the organization’s address and key: they replace every address, key and URL of the preset', () => {
    expect(presetAsTemplate(foo, acmeWithKey)).toBe(`version: 1
organization:
  name: Acme
  slug: acme
contacts:
  - id: security-team
    kind: team
    name: Acme security team
    email: security@acme.example
    openpgp:
      url: https://embargo.example/o/acme/openpgp.asc
      fingerprint: 0123 4567 89AB CDEF 0123 4567 89AB CDEF
  - id: chief-officer
    kind: person
    name: Acme CEO
    role: CEO
  - id: ops-team
    kind: team
    name: Acme ops team
  - kind: team
    name: Acme contact
team:
  name: Acme security team
  contact: security-team
channels:
  email:
    - address: security@acme.example
      encryption: preferred
      openpgp:
        url: https://embargo.example/o/acme/openpgp.asc
        fingerprint: 0123 4567 89AB CDEF 0123 4567 89AB CDEF
      private: true
programs:
  - slug: acme
    name: Acme apps
    kind: web-app
    inScope: true
    description: Everything Acme runs at our website (see also Acme).
recognition:
  hallOfFame: {enabled: true}
disclosure:
  announcements:
    - {kind: blog, name: Blog}
    - {kind: chat, name: Chat}
comments: security@acme.example
`)
  })

  it('without an address or key: no e-mail channel, no contact addresses, and the instance’s own form', () => {
    expect(presetAsTemplate(foo, acme)).toBe(`version: 1
organization:
  name: Acme
  slug: acme
contacts:
  - id: security-team
    kind: team
    name: Acme security team
  - id: chief-officer
    kind: person
    name: Acme CEO
    role: CEO
  - id: ops-team
    kind: team
    name: Acme ops team
  - kind: team
    name: Acme contact
team:
  name: Acme security team
  contact: security-team
channels:
  webForm:
    enabled: true
programs:
  - slug: acme
    name: Acme apps
    kind: web-app
    inScope: true
    description: Everything Acme runs at our website (see also Acme).
recognition:
  hallOfFame: {enabled: true}
disclosure:
  announcements:
    - {kind: blog, name: Blog}
    - {kind: chat, name: Chat}
comments: our security team
`)
  })

  it('an address without a key: the address alone, the free text pointing to it', () => {
    const text = presetAsTemplate(foo, acmeWithMail)
    expect(text).toContain(`channels:
  email:
    - address: security@acme.example
      private: true
programs:`)
    expect(text).toContain('    email: security@acme.example\n  - id: chief-officer')
    expect(text).not.toContain('openpgp')
    expect(text).toContain('comments: security@acme.example\n')
  })

  it('keeps what the preset says of itself that is not an address: the form’s state, security.txt’s expiry, the clocks', () => {
    const source = `version: 1
organization:
  name: Foo Labs
  slug: foo-labs
channels:
  webForm: { enabled: false, note: Closed at Foo Labs }
  email:
    - address: security@foo.example
      encryption: required
securityTxt:
  expires: 2027-01-01T00:00:00Z
  hiring: https://foo.example/jobs
clocks: { acknowledge: 3 business days }
`
    expect(presetAsTemplate(source, acmeWithMail)).toBe(`version: 1
organization:
  name: Acme
  slug: acme
channels:
  webForm: {enabled: false, note: Closed at Acme}
  email:
    - address: security@acme.example
securityTxt:
  expires: 2027-01-01T00:00:00Z
clocks: {acknowledge: 3 business days}
`)
    // With a key, the channel keeps the preset's wish for encryption.
    expect(presetAsTemplate(source, acmeWithKey)).toContain('    - address: security@acme.example\n      encryption: required\n')
    // Without a way to write, the form is opened; an e-mail channel without encryption gets "optional" with the key.
    expect(presetAsTemplate(source, acme)).toContain('channels:\n  webForm:\n    enabled: true\nsecurityTxt:')
    expect(presetAsTemplate(source.replace('      encryption: required\n', ''), acmeWithKey)).toContain(
      '    - address: security@acme.example\n      encryption: optional\n      openpgp:\n',
    )
  })

  it('a preset with an open form and no address keeps its form as it was', () => {
    const source = 'version: 1\norganization: { name: Foo Labs, slug: foo-labs }\nchannels:\n  webForm: { enabled: true, note: Welcome }\n'
    expect(presetAsTemplate(source, acme)).toBe(
      'version: 1\norganization: {name: Acme, slug: acme}\nchannels:\n  webForm: {enabled: true, note: Welcome}\n',
    )
  })

  it('a mail address that is already the organization’s own stays; a short name is not replaced inside words', () => {
    const source = `version: 1
organization: { name: IO, slug: io }
programs:
  - { slug: io, name: IO radio, kind: other, inScope: true, description: "Write to security@acme.example about the radio." }
`
    expect(presetAsTemplate(source, acmeWithMail)).toBe(`version: 1
organization: {name: Acme, slug: acme}
programs:
  - {slug: acme, name: IO radio, kind: other, inScope: true, description: "Write to security@acme.example about the radio."}
channels:
  email:
    - address: security@acme.example
`)
  })

  it('a preset without a team or contacts gets none', () => {
    const text = presetAsTemplate('version: 1\norganization: { name: Foo Labs, slug: foo-labs }\n', acmeWithKey)
    expect(text).toBe(`version: 1
organization: {name: Acme, slug: acme}
channels:
  email:
    - address: security@acme.example
      encryption: optional
      openpgp:
        url: https://embargo.example/o/acme/openpgp.asc
        fingerprint: 0123 4567 89AB CDEF 0123 4567 89AB CDEF
`)
  })

  it('drops the comments that quote the preset organization, keeps the others', () => {
    const source = `# Foo Labs policy, from https://foo.example/security
version: 1
organization:
  name: Foo Labs
  slug: foo-labs
  website: https://foo.example
# Keep this: the clocks are ours too.
clocks:
  # "we answer at once" (Foo Labs)
  acknowledge: 3 business days # as FOO LABS says
  resolution: 90 days # a plain comment
contacts:
  # Jane, the foo-labs CEO
  - id: ceo
    kind: person
    name: Jane
  # An ordinary note
  - id: cto
    kind: person
    name: John
# End of the Foo Labs policy at https://foo.example/security.
`
    expect(presetAsTemplate(source, acme)).toBe(`version: 1
organization:
  name: Acme
  slug: acme
# Keep this: the clocks are ours too.
clocks:
  acknowledge: 3 business days
  resolution: 90 days # a plain comment
contacts:
  - id: ceo
    kind: person
    name: Acme ceo
  # An ordinary note
  - id: cto
    kind: person
    name: Acme cto
channels:
  webForm:
    enabled: true
`)
  })

  describe.each(presetNames)('the shipped preset %s', (name) => {
    it.each([
      ['without an address', acme],
      ['with an address and a key', acmeWithKey],
    ] as const)('%s: a valid policy with nothing of the preset organization left', (_how, org) => {
      const template = presetAsTemplate(presetSource(name), org)
      const parsed = parsePolicy(template, `${name}.yaml`)
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.text)).toEqual([])
      const lower = template.toLowerCase()
      expect(presetMarkers(presetSource(name)).filter((m) => lower.includes(m.toLowerCase()))).toEqual([])
      expect(template).toContain('  name: Acme\n  slug: acme\n')
    })
  })
})
