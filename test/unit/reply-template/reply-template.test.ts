/**
 * Issue 14, item 7: reply templates. Placeholders are filled from the report (dates as calendar
 * days in the organization's zone), an unknown placeholder is refused on save with the known ones
 * named, and the built-in templates follow the policy: the detailed response has a heading for
 * each thing the policy says it contains.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import type { Policy } from '../../../src/domain/policy/schema.js'
import { builtinTemplates } from '../../../src/domain/reply-template/builtin.js'
import { fillTemplate, placeholders, unknownPlaceholders } from '../../../src/domain/reply-template/placeholders.js'
import { checkReplyTemplate } from '../../../src/domain/reply-template/template.js'
import { placeholderValues } from '../../../src/domain/reply-template/values.js'

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

const facts = {
  reference: 'ACME-2026-0007',
  reporterName: 'Night Owl',
  programName: 'Web app',
  organizationName: 'Acme',
  clocks: [
    { name: 'acknowledge', dueAt: '2026-12-03T09:00:00.000Z' },
    // 23:30 UTC on the 15th is already the 16th in Vienna.
    { name: 'resolution', dueAt: '2026-12-15T23:30:00.000Z' },
    { name: 'disclosure', dueAt: '2027-03-01T12:00:00.000Z' },
  ],
  timeZone: 'Europe/Vienna',
}

describe('filling placeholders from a report', () => {
  it('fills each placeholder, whatever its case and inner spaces', () => {
    const body =
      'Hello {{reporter}}, about {{ Reference }} ({{program}}, {{organization}}): acknowledged by {{acknowledgment due}}, resolved by {{resolution   date}}, disclosed by {{disclosure date}}.'
    const { text, unfilled } = fillTemplate(body, placeholderValues(facts))
    expect(text).toBe(
      'Hello Night Owl, about ACME-2026-0007 (Web app, Acme): acknowledged by 2026-12-03, resolved by 2026-12-16, disclosed by 2027-03-01.',
    )
    expect(unfilled).toEqual([])
  })

  it('says "reporter" for a reporter without a name, and the organization for a report without a program', () => {
    const values = placeholderValues({ ...facts, reporterName: null, programName: null })
    expect(fillTemplate('Hello {{reporter}}, thanks for writing to {{program}}.', values).text).toBe(
      'Hello reporter, thanks for writing to Acme.',
    )
  })

  it('leaves a placeholder the report has no value for as written, and names it', () => {
    const values = placeholderValues({ ...facts, clocks: [] })
    const filled = fillTemplate('Due {{detailed response due}}; fixed by {{resolution date}}.', values)
    expect(filled.text).toBe('Due {{detailed response due}}; fixed by {{resolution date}}.')
    expect(filled.unfilled).toEqual(['detailed response due', 'resolution date'])
  })

  it('takes the disclosure date as the resolution date when the policy has no resolution clock', () => {
    const values = placeholderValues({ ...facts, clocks: facts.clocks.filter((c) => c.name !== 'resolution') })
    expect(fillTemplate('{{resolution date}}', values).text).toBe('2027-03-01')
  })

  it('gives dates in UTC when no zone is known', () => {
    expect(fillTemplate('{{resolution date}}', placeholderValues({ ...facts, timeZone: undefined })).text).toBe('2026-12-15')
  })

  it('leaves single braces and text around them alone', () => {
    expect(fillTemplate('{reference} and {{reference}}', placeholderValues(facts)).text).toBe('{reference} and ACME-2026-0007')
  })
})

describe('saving a template', () => {
  it('refuses an unknown placeholder, naming it', () => {
    expect(unknownPlaceholders('Hi {{reporter}}, see {{ticket url}} and {{Ticket URL}} and {{fix version}}')).toEqual([
      'ticket url',
      'Ticket URL',
      'fix version',
    ])
    const saved = checkReplyTemplate({ name: 'Fix', body: 'Fixed in {{fix version}} for {{reference}}', detailed: false })
    expect(saved).toEqual({ ok: false, error: { code: 'REPLY_TEMPLATE_INVALID', body: 'unknown-placeholder', unknown: ['fix version'] } })
  })

  it('accepts every known placeholder', () => {
    const body = placeholders.map((p) => `{{${p}}}`).join(' ')
    expect(checkReplyTemplate({ name: 'All', body, detailed: true })).toEqual({ ok: true, value: { name: 'All', body, detailed: true } })
  })

  it('needs a one-line name and a body, each within its limit', () => {
    const refused = checkReplyTemplate({ name: '  ', body: '', detailed: false })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error).toMatchObject({ name: 'required', body: 'required' })
    const long = checkReplyTemplate({ name: 'x'.repeat(101), body: 'y'.repeat(50_001), detailed: false })
    if (!long.ok) expect(long.error).toMatchObject({ name: 'too-long', body: 'too-long' })
    expect(long.ok).toBe(false)
    expect(checkReplyTemplate({ name: 'Two\nlines', body: 'Hi', detailed: false }).ok).toBe(false)
  })

  it('trims the name and the body, and keeps line breaks as \\n', () => {
    expect(checkReplyTemplate({ name: ' Thanks ', body: '\r\nHello\r\n\r\nBye\r\n', detailed: false })).toEqual({
      ok: true,
      value: { name: 'Thanks', body: 'Hello\n\nBye', detailed: false },
    })
  })
})

describe('built-in templates from the policy', () => {
  it('offers a detailed response with a heading for each thing the policy says it contains, in its order', () => {
    const policy = policyOf(
      'clocks: { acknowledge: 2 business days, detailedResponse: 7 business days, resolution: 90 days }',
      'responses: { detailed: [evaluation, plan, workarounds, expected-resolution-date] }',
    )
    const names = builtinTemplates(policy).map((x) => x.name)
    expect(names).toEqual(['Acknowledgment', 'Need more information', 'Detailed response', 'Fixed'])
    const detailed = builtinTemplates(policy).find((x) => x.name === 'Detailed response')!
    expect(detailed.detailed).toBe(true)
    const headings = detailed.body.split('\n').filter((l) => l.startsWith('## '))
    expect(headings).toEqual(['## Our evaluation', '## Our plan', '## Workarounds', '## Expected resolution date'])
    expect(detailed.body).toContain('{{resolution date}}')
    // And every built-in template passes the check a team's own must pass.
    for (const x of builtinTemplates(policy)) expect(checkReplyTemplate(x).ok, x.name).toBe(true)
  })

  it('offers no detailed response when the policy promises none', () => {
    const policy = policyOf('clocks: { acknowledge: as soon as possible }')
    expect(builtinTemplates(policy).map((x) => x.name)).toEqual(['Acknowledgment', 'Need more information', 'Fixed'])
    expect(builtinTemplates(policy)[0]?.body).not.toContain('{{detailed response due}}')
  })

  it('promises the detailed response in the acknowledgment when the policy has that clock', () => {
    const policy = policyOf('clocks: { detailedResponse: 10 working days }', 'responses: { detailed: [next-steps] }')
    const ack = builtinTemplates(policy)[0]!
    expect(ack.body).toContain('You will receive a detailed response by {{detailed response due}}.')
    const detailed = builtinTemplates(policy).find((x) => x.detailed)!
    expect(detailed.body).toContain('## Next steps')
  })

  it('are offered even without a policy', () => {
    expect(builtinTemplates(undefined).map((x) => x.name)).toEqual(['Acknowledgment', 'Need more information', 'Fixed'])
  })
})
