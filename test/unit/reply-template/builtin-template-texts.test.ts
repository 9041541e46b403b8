/**
 * What a team sees when it opens a built-in reply template: the whole text, word for word, under a
 * policy that promises everything and under none. Which sentences appear follows the policy (a
 * detailed-response promise, progress updates, a disclosure date); built-in ids are recognisable
 * as built-in, and a stored template's id is not.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import type { Policy } from '../../../src/domain/policy/schema.js'
import { builtinTemplates, isBuiltinId } from '../../../src/domain/reply-template/builtin.js'

const policyOf = (...lines: string[]): Policy => {
  const result = parsePolicy(
    [
      'version: 1',
      'organization: { name: Example, slug: example }',
      'channels: { webForm: { enabled: true } }',
      'calendar: { timeZone: Europe/Vienna }',
      ...lines,
    ].join('\n'),
    'policy.yaml',
  )
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'))
  return result.policy
}

const signature = 'Kind regards,\nThe {{organization}} security team'

describe('built-in template texts', () => {
  it('under a policy that promises everything: every sentence, in order, and only the detailed response is marked detailed', () => {
    const policy = policyOf(
      'clocks: { acknowledge: 2 business days, detailedResponse: 7 business days, resolution: 90 days, disclosure: 120 days }',
      'responses: { informReporter: every-step, detailed: [next-steps, evaluation] }',
    )
    expect(builtinTemplates(policy)).toEqual([
      {
        id: 'builtin:acknowledgment',
        name: 'Acknowledgment',
        detailed: false,
        body: [
          'Hello {{reporter}},',
          'Thank you for reporting this to {{organization}}. We received your report and track it as {{reference}}.',
          'You will receive a detailed response by {{detailed response due}}.',
          'We will keep you informed of our progress until the issue is resolved.',
          signature,
        ].join('\n\n'),
      },
      {
        id: 'builtin:more-information',
        name: 'Need more information',
        detailed: false,
        body: [
          'Hello {{reporter}},',
          'Thank you for your report {{reference}}. To investigate it further we need more information from you:',
          '- ',
          'Please reply to this message; we will continue as soon as we hear from you.',
          signature,
        ].join('\n\n'),
      },
      {
        id: 'builtin:detailed-response',
        name: 'Detailed response',
        detailed: true,
        body: [
          'Hello {{reporter}},',
          'This is our detailed response to your report {{reference}}.',
          '## Next steps\n\nWhat happens next, and what we may ask of you.',
          '## Our evaluation\n\nWhat we found when we looked at your report, and how severe we consider it.',
          signature,
        ].join('\n\n'),
      },
      {
        id: 'builtin:fixed',
        name: 'Fixed',
        detailed: false,
        body: [
          'Hello {{reporter}},',
          'The issue you reported ({{reference}}) is fixed. Thank you for helping us keep {{organization}} safe.',
          'We plan to disclose it by {{disclosure date}}.',
          signature,
        ].join('\n\n'),
      },
    ])
  })

  it('without a policy: no promise of a detailed response, of progress updates or of a disclosure date', () => {
    const [ack, , fixed] = builtinTemplates(undefined)
    expect(ack?.body).toBe(
      [
        'Hello {{reporter}},',
        'Thank you for reporting this to {{organization}}. We received your report and track it as {{reference}}.',
        signature,
      ].join('\n\n'),
    )
    expect(fixed?.body).toBe(
      [
        'Hello {{reporter}},',
        'The issue you reported ({{reference}}) is fixed. Thank you for helping us keep {{organization}} safe.',
        signature,
      ].join('\n\n'),
    )
  })

  it('a policy with clocks but no disclosure clock and no progress promise: the fixed mail names no disclosure date', () => {
    const [ack, , fixed] = builtinTemplates(policyOf('clocks: { acknowledge: 2 business days }'))
    expect(ack?.body).not.toContain('keep you informed')
    expect(fixed?.body).not.toContain('disclose')
    expect(fixed?.body.split('\n\n')).toHaveLength(3)
  })

  it('a detailed-response clock alone, or a list of contents alone, is enough for the detailed response', () => {
    const clockOnly = builtinTemplates(policyOf('clocks: { detailedResponse: 7 business days }'))
    expect(clockOnly.map((x) => x.name)).toEqual(['Acknowledgment', 'Need more information', 'Detailed response', 'Fixed'])
    expect(clockOnly[2]?.body).not.toContain('## ')
    const contentOnly = builtinTemplates(policyOf('clocks: { acknowledge: 2 business days }', 'responses: { detailed: [plan] }'))
    expect(contentOnly.map((x) => x.name)).toEqual(['Acknowledgment', 'Need more information', 'Detailed response', 'Fixed'])
    expect(contentOnly[2]?.body).toContain('## Our plan')
    expect(contentOnly[0]?.body).not.toContain('{{detailed response due}}')
  })

  it('tells built-in ids from the ids of a team’s own templates', () => {
    for (const x of builtinTemplates(undefined)) expect(isBuiltinId(x.id), x.id).toBe(true)
    expect(isBuiltinId('0b9c2f4e-6f5a-4c1e-9d1a-2c3b4d5e6f70')).toBe(false)
    expect(isBuiltinId('my-builtin:')).toBe(false)
  })
})
