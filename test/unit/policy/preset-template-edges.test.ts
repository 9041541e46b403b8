/**
 * A preset used as a template, at its edges (src/domain/policy/preset-template.ts): a name with a
 * "+" in it, a name that is also a policy key, an address in free text when the organization has
 * none, a team name that does not carry the original name, comments at the very top and bottom of
 * the file, and lists written as plain words.
 */
import { describe, expect, it } from 'vitest'
import { presetAsTemplate, presetMarkers, type TemplateOrganization } from '../../../src/domain/policy/preset-template.js'

const acme: TemplateOrganization = { name: 'Acme', slug: 'acme' }

describe('the original name is replaced in free text', () => {
  it('also a name with a "+" in it', () => {
    const source = ['version: 1', 'organization:', '  name: Foo+Bar', '  slug: foo-bar', 'comments: Write to Foo+Bar first.'].join('\n')
    const text = presetAsTemplate(source.replace('comments', 'disclosure:\n  statement'), acme)
    expect(text).toContain('statement: Write to Acme first.')
    expect(text).not.toContain('Foo+Bar')
  })
})

describe('keys are never rewritten', () => {
  it('an organization called "Scope" keeps the policy’s scope section', () => {
    const source = ['version: 1', 'organization:', '  name: Scope', '  slug: scope', 'scope:', '  inScope: [The Scope app]'].join('\n')
    expect(presetAsTemplate(source, acme)).toBe(
      [
        'version: 1',
        'organization:',
        '  name: Acme',
        '  slug: acme',
        'scope:',
        '  inScope: [The Acme app]',
        'channels:',
        '  webForm:',
        '    enabled: true',
        '',
      ].join('\n'),
    )
  })
})

describe('addresses in free text', () => {
  it('with no security address of its own, an address becomes "our security team"', () => {
    const source = [
      'version: 1',
      'organization: { name: Foo, slug: foo }',
      'disclosure:',
      '  statement: Mail press@foo.example for statements.',
    ].join('\n')
    expect(presetAsTemplate(source, acme)).toContain('statement: Mail our security team for statements.')
  })
})

describe('the team', () => {
  it('a team name of its own becomes "<organization> security team"', () => {
    const source = ['version: 1', 'organization: { name: Foo, slug: foo }', 'team:', '  name: PSIRT'].join('\n')
    expect(presetAsTemplate(source, acme)).toContain('team:\n  name: Acme security team\n')
  })
})

describe('comments at the top and the bottom of the file', () => {
  it('kept when they do not quote the original organization', () => {
    const source = [
      '# A policy for open-source projects',
      '',
      'version: 1',
      'organization: { name: Foo, slug: foo }',
      '',
      '# End of the policy',
    ].join('\n')
    const text = presetAsTemplate(source, acme)
    expect(text.startsWith('# A policy for open-source projects\n')).toBe(true)
    expect(text.trimEnd().endsWith('# End of the policy')).toBe(true)
  })

  it('dropped when they do', () => {
    const source = [
      '# The policy of Foo',
      '',
      'version: 1',
      'organization: { name: Foo, slug: foo }',
      '',
      '# Questions: mail foo.example',
    ].join('\n')
    const text = presetAsTemplate(source, acme)
    expect(text).not.toContain('#')
    expect(text).not.toMatch(/foo/i)
  })
})

describe('sections written in an unexpected shape', () => {
  it('announcements and contacts written as plain words are left as they are', () => {
    const source = [
      'version: 1',
      'organization: { name: Foo, slug: foo }',
      'contacts: [someone]',
      'disclosure:',
      '  announcements: [mailing list]',
    ].join('\n')
    const text = presetAsTemplate(source, acme)
    expect(text).toContain('contacts: [someone]')
    expect(text).toContain('announcements: [mailing list]')
  })
})

describe('the markers of the original organization', () => {
  it('a quoted slug with spaces around it counts without them', () => {
    expect(presetMarkers('organization:\n  name: Foo Labs\n  slug: " foo-labs "\n')).toEqual(['Foo Labs', 'foo-labs'])
  })

  it('a blank slug is no marker, so comments are not all taken for the original organization’s', () => {
    const source = ['# Adapted from a well-known template', '', 'version: 1', 'organization:', '  name: Foo', '  slug: "  "'].join('\n')
    expect(presetMarkers(source)).toEqual(['Foo'])
    expect(presetAsTemplate(source, acme).startsWith('# Adapted from a well-known template\n')).toBe(true)
  })
})
