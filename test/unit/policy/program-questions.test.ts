/**
 * The programs a reporter may choose and the questions the intake form asks about each
 * (src/domain/policy/programs.ts).
 */
import { describe, expect, it } from 'vitest'
import { intakePrograms, policyPrograms } from '../../../src/domain/policy/programs.js'
import type { Policy, Program } from '../../../src/domain/policy/schema.js'
import { loadPreset } from './presets.js'

const withPrograms = (programs: Program[] | undefined): Policy => ({
  version: 1,
  organization: { name: 'Example', slug: 'example' },
  channels: {},
  calendar: { timeZone: 'UTC' },
  clocks: {},
  ...(programs ? { programs } : {}),
})

describe('policyPrograms', () => {
  it('no policy, or one without programs, offers none', () => {
    expect(policyPrograms(undefined)).toEqual([])
    expect(policyPrograms(withPrograms(undefined))).toEqual([])
    expect(intakePrograms(undefined)).toEqual([])
  })

  it('each program with its questions: plain text and required unless the policy says otherwise', () => {
    const programs = policyPrograms(
      withPrograms([
        {
          slug: 'web',
          name: 'Web applications',
          kind: 'web-app',
          inScope: true,
          description: 'Our hosted services.',
          fields: [
            { key: 'url', label: 'The URL', type: 'url' },
            { key: 'browser', label: 'Your browser' },
            { key: 'poc', label: 'Proof of concept', type: 'long-text', required: false },
            { key: 'files', label: 'Screenshots', type: 'attachments' },
            { key: 'version', label: 'Version', type: 'version', required: true },
          ],
        },
        { slug: 'legacy', name: 'Legacy', kind: 'other', inScope: false },
      ]),
    )
    expect(programs).toEqual([
      {
        slug: 'web',
        name: 'Web applications',
        kind: 'web-app',
        description: 'Our hosted services.',
        inScope: true,
        // A field of type attachments is the form's file input (issue 14), not a text question.
        attachments: { key: 'files', label: 'Screenshots', required: true },
        fields: [
          { key: 'url', label: 'The URL', type: 'url', required: true },
          { key: 'browser', label: 'Your browser', type: 'text', required: true },
          { key: 'poc', label: 'Proof of concept', type: 'long-text', required: false },
          { key: 'version', label: 'Version', type: 'version', required: true },
        ],
      },
      { slug: 'legacy', name: 'Legacy', kind: 'other', description: null, inScope: false, attachments: null, fields: [] },
    ])
  })

  it('a program handled like another asks that program’s questions, unless it has its own', () => {
    const web: Program = { slug: 'web', name: 'Web', kind: 'web-app', inScope: true, fields: [{ key: 'url', label: 'The URL' }] }
    const programs = policyPrograms(
      withPrograms([
        web,
        { slug: 'other', name: 'Other', kind: 'other', inScope: true, handledLike: 'web' },
        { slug: 'own', name: 'Own', kind: 'other', inScope: true, handledLike: 'web', fields: [{ key: 'what', label: 'What' }] },
        { slug: 'lost', name: 'Lost', kind: 'other', inScope: true, handledLike: 'gone' },
      ]),
    )
    expect(programs.map((p) => [p.slug, p.fields.map((f) => f.key)])).toEqual([
      ['web', ['url']],
      ['other', ['url']],
      ['own', ['what']],
      ['lost', []],
    ])
  })

  it("Kumi's other products ask the web applications' questions", () => {
    const kumi = policyPrograms(loadPreset('kumi-systems'))
    const web = kumi.find((p) => p.slug === 'web-applications')
    expect(kumi.find((p) => p.slug === 'other-products')?.fields).toEqual(web?.fields)
    expect(web?.fields.length).toBeGreaterThan(0)
  })
})

describe('intakePrograms', () => {
  it('only programs in scope, without the scope flag', () => {
    const programs = intakePrograms(
      withPrograms([
        { slug: 'web', name: 'Web', kind: 'web-app', inScope: true },
        { slug: 'legacy', name: 'Legacy', kind: 'other', inScope: false },
        { slug: 'lib', name: 'Library', kind: 'open-source', inScope: true, description: 'The library.' },
      ]),
    )
    expect(programs).toEqual([
      { slug: 'web', name: 'Web', kind: 'web-app', description: null, attachments: null, fields: [] },
      { slug: 'lib', name: 'Library', kind: 'open-source', description: 'The library.', attachments: null, fields: [] },
    ])
  })
})
