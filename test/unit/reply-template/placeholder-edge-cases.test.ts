/**
 * What a member sees when saving or using a template at the edges: an unknown placeholder named as
 * typed without its spaces and never reported as unfilled, an empty value left for the member to
 * complete, old Mac line breaks, limits that allow exactly the maximum, a refusal that lists no
 * unknown placeholder when there is no body to look at, and a reporter name of only spaces.
 */
import { describe, expect, it } from 'vitest'
import { fillTemplate } from '../../../src/domain/reply-template/placeholders.js'
import { checkReplyTemplate, templateBodyMax, templateNameMax } from '../../../src/domain/reply-template/template.js'
import { placeholderValues } from '../../../src/domain/reply-template/values.js'

const facts = {
  reference: 'ACME-2026-0007',
  reporterName: 'Night Owl',
  programName: 'Web app',
  organizationName: 'Acme',
  clocks: [],
  timeZone: 'Europe/Vienna',
}

describe('placeholders at the edges', () => {
  it('names an unknown placeholder as typed, without the spaces around it', () => {
    expect(checkReplyTemplate({ name: 'Fix', body: 'Fixed in {{ fix version }}.', detailed: false })).toMatchObject({
      ok: false,
      error: { unknown: ['fix version'] },
    })
  })

  it('leaves an unknown placeholder alone when filling, and does not ask the member to complete it', () => {
    expect(fillTemplate('In {{fix version}} for {{reference}}', placeholderValues(facts))).toEqual({
      text: 'In {{fix version}} for ACME-2026-0007',
      unfilled: [],
    })
  })

  it('leaves a placeholder with an empty value as written, for the member to complete', () => {
    expect(fillTemplate('For {{program}}', { program: '' })).toEqual({ text: 'For {{program}}', unfilled: ['program'] })
  })

  it('says "reporter" for a name of only spaces, and trims a name', () => {
    expect(fillTemplate('{{reporter}}', placeholderValues({ ...facts, reporterName: '   ' })).text).toBe('reporter')
    expect(fillTemplate('{{reporter}}', placeholderValues({ ...facts, reporterName: ' Night Owl ' })).text).toBe('Night Owl')
  })
})

describe('saving a template at the edges', () => {
  it('keeps an old Mac line break as a line break', () => {
    expect(checkReplyTemplate({ name: 'Hi', body: 'Hello\rBye', detailed: false })).toEqual({
      ok: true,
      value: { name: 'Hi', body: 'Hello\nBye', detailed: false },
    })
  })

  it('accepts a name and a body of exactly the maximum length', () => {
    expect(checkReplyTemplate({ name: 'n'.repeat(templateNameMax), body: 'b'.repeat(templateBodyMax), detailed: false }).ok).toBe(true)
  })

  it('lists no unknown placeholder when the body is missing', () => {
    expect(checkReplyTemplate({ name: 'Hi', body: '  ', detailed: false })).toEqual({
      ok: false,
      error: { code: 'REPLY_TEMPLATE_INVALID', unknown: [], body: 'required' },
    })
  })
})
