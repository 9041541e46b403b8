/**
 * A program's `type: attachments` field acts (issue 14, item 1): it becomes the form's file input
 * (label, required) and decides whether files are taken for that program at all.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { attachmentsProblem, intakePrograms } from '../../../src/domain/policy/programs.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const policy = (programs: string): Policy => {
  const source = [
    'version: 1',
    'organization: { name: Example, slug: example }',
    'channels: { webForm: { enabled: true } }',
    'calendar: { timeZone: Europe/Vienna }',
    'clocks: {}',
    programs,
  ].join('\n')
  const result = parsePolicy(source, 'policy.yaml')
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'))
  return result.policy
}

const programs = policy(`programs:
  - slug: app
    name: App
    kind: web-app
    inScope: true
    fields:
      - { key: url, label: Affected URL, type: url }
      - { key: poc, label: Proof of concept, type: attachments, required: false }
  - slug: agent
    name: Agent
    kind: open-source
    inScope: true
    fields:
      - { key: evidence, label: Evidence, type: attachments }
  - slug: mobile
    name: Mobile
    kind: web-app
    inScope: true
    handledLike: app
  - slug: docs
    name: Docs
    kind: web-app
    inScope: true
    fields:
      - { key: page, label: Page }`)

describe("a program's attachments field", () => {
  const bySlug = new Map(intakePrograms(programs).map((p) => [p.slug, p]))

  it('is the file input, not a text question; a program handled like another takes its files as it asks its questions', () => {
    expect(bySlug.get('app')?.attachments).toEqual({ key: 'poc', label: 'Proof of concept', required: false })
    expect(bySlug.get('app')?.fields.map((f) => f.key)).toEqual(['url'])
    expect(bySlug.get('agent')?.attachments).toEqual({ key: 'evidence', label: 'Evidence', required: true })
    expect(bySlug.get('mobile')?.attachments).toEqual(bySlug.get('app')?.attachments)
    expect(bySlug.get('docs')?.attachments).toBeNull()
  })

  it('decides whether files are taken: only with the field, and at least one when it is required', () => {
    expect(attachmentsProblem(bySlug.get('app'), 0)).toBeNull()
    expect(attachmentsProblem(bySlug.get('app'), 3)).toBeNull()
    expect(attachmentsProblem(bySlug.get('agent'), 0)).toBe('required')
    expect(attachmentsProblem(bySlug.get('agent'), 1)).toBeNull()
    expect(attachmentsProblem(bySlug.get('docs'), 1)).toBe('files-not-accepted')
    expect(attachmentsProblem(bySlug.get('docs'), 0)).toBeNull()
    // No program at all (a policy without programs): no files either.
    expect(attachmentsProblem(undefined, 1)).toBe('files-not-accepted')
    expect(attachmentsProblem(undefined, 0)).toBeNull()
  })
})
