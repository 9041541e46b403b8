/**
 * A report the team registers after receiving it on another platform
 * (src/domain/report/external-report.ts): which platform, its reference and address there, and
 * when it was received, read in the organization's zone, so the clocks start then.
 */
import { describe, expect, it } from 'vitest'
import { type ExternalReportInput, instantOfLocal, validateExternalReport } from '../../../src/domain/report/external-report.js'

const now = new Date('2026-12-07T10:00:00.000Z') // Monday 11:00 in Vienna
const context = {
  platforms: [
    { id: 'hackerone', name: 'HackerOne' },
    { id: 'github', name: 'GitHub private reporting' },
  ],
  programs: [],
  timeZone: 'Europe/Vienna',
  now,
}
const good: ExternalReportInput = {
  platform: 'hackerone',
  reference: '#2811',
  url: 'https://hackerone.com/reports/2811',
  receivedAt: '2026-12-04T15:30',
  title: 'XSS in search',
  text: 'The q parameter is reflected.',
}
const errorsOf = (input: ExternalReportInput, ctx: Parameters<typeof validateExternalReport>[1] = context) => {
  const result = validateExternalReport(input, ctx)
  return result.ok ? {} : result.error
}

describe('instantOfLocal', () => {
  it('reads a datetime-local value in the zone, with or without seconds', () => {
    expect(new Date(instantOfLocal('2026-12-04T15:30', 'Europe/Vienna') ?? 0).toISOString()).toBe('2026-12-04T14:30:00.000Z')
    expect(new Date(instantOfLocal('2026-07-04T15:30:45', 'Europe/Vienna') ?? 0).toISOString()).toBe('2026-07-04T13:30:45.000Z')
    expect(new Date(instantOfLocal('2026-12-04T00:00', 'UTC') ?? 0).toISOString()).toBe('2026-12-04T00:00:00.000Z')
  })

  it('refuses what is not a real date and time', () => {
    for (const value of [
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-12-04T24:00',
      '2026-12-04T10:60',
      '2026-12-04 10:00',
      '2026-12-04T10:00Z',
      'x2026-12-04T10:00',
      '2026-12-04T10:00:00:00',
    ])
      expect(instantOfLocal(value, 'UTC')).toBeNull()
    expect(instantOfLocal('2026-12-31T23:59', 'UTC')).toBe(Date.parse('2026-12-31T23:59:00.000Z'))
  })
})

describe('validateExternalReport', () => {
  it('registers a report from a listed platform with its reference, address and received time', () => {
    expect(validateExternalReport(good, context)).toEqual({
      ok: true,
      value: {
        platformId: 'hackerone',
        platform: 'HackerOne',
        reference: '#2811',
        url: 'https://hackerone.com/reports/2811',
        receivedAt: '2026-12-04T14:30:00.000Z',
        submission: expect.objectContaining({ title: 'XSS in search', description: 'The q parameter is reflected.', program: null }),
      },
    })
  })

  it('names a platform the policy does not list by the name the team types', () => {
    expect(validateExternalReport({ ...good, platform: 'other', platformName: 'Intigriti' }, context)).toMatchObject({
      ok: true,
      value: { platformId: 'other', platform: 'Intigriti' },
    })
    expect(errorsOf({ ...good, platform: 'other' })).toEqual({ platformName: 'required' })
    expect(errorsOf({ ...good, platform: 'other', platformName: 'a\nb' })).toEqual({ platformName: 'control-characters' })
    // A listed platform ignores a typed name.
    expect(validateExternalReport({ ...good, platformName: 'Ignored' }, context)).toMatchObject({
      ok: true,
      value: { platform: 'HackerOne' },
    })
  })

  it('asks for a platform and refuses one the policy does not list', () => {
    expect(errorsOf({ ...good, platform: undefined })).toEqual({ platform: 'required' })
    expect(errorsOf({ ...good, platform: '' })).toEqual({ platform: 'required' })
    expect(errorsOf({ ...good, platform: 42 })).toEqual({ platform: 'required' })
    expect(errorsOf({ ...good, platform: 'bugcrowd' })).toEqual({ platform: 'invalid-choice' })
  })

  it('checks the reference as one line of text', () => {
    expect(errorsOf({ ...good, reference: undefined })).toEqual({ reference: 'required' })
    expect(errorsOf({ ...good, reference: null })).toEqual({ reference: 'required' })
    expect(errorsOf({ ...good, reference: '  ' })).toEqual({ reference: 'required' })
    expect(errorsOf({ ...good, reference: 7 })).toEqual({ reference: 'not-text' })
    expect(errorsOf({ ...good, reference: 'r'.repeat(200) })).toEqual({})
    expect(errorsOf({ ...good, reference: 'r'.repeat(201) })).toEqual({ reference: 'too-long' })
    expect(errorsOf({ ...good, reference: 'bad \uD800' })).toEqual({ reference: 'malformed-unicode' })
    expect(errorsOf({ ...good, reference: 'a\u001bb' })).toEqual({ reference: 'control-characters' })
    expect(errorsOf({ ...good, reference: 'a\tb' })).toEqual({})
  })

  it('takes only a web address (http or https)', () => {
    expect(errorsOf({ ...good, url: 'http://tracker.example.org/42' })).toEqual({})
    expect(errorsOf({ ...good, url: 'javascript:alert(1)' })).toEqual({ url: 'not-web-address' })
    expect(errorsOf({ ...good, url: 'not a url' })).toEqual({ url: 'not-web-address' })
    expect(errorsOf({ ...good, url: '' })).toEqual({ url: 'required' })
    expect(errorsOf({ ...good, url: `https://example.org/${'a'.repeat(2_048)}` })).toEqual({ url: 'too-long' })
  })

  it('takes a received time that is a real time in the organization’s zone and not in the future', () => {
    expect(errorsOf({ ...good, receivedAt: undefined })).toEqual({ receivedAt: 'required' })
    expect(errorsOf({ ...good, receivedAt: 20261204 })).toEqual({ receivedAt: 'invalid-date' })
    expect(errorsOf({ ...good, receivedAt: '2026-02-30T10:00' })).toEqual({ receivedAt: 'invalid-date' })
    expect(errorsOf({ ...good, receivedAt: 'yesterday' })).toEqual({ receivedAt: 'invalid-date' })
    // 11:00 in Vienna is now; a minute later is the future.
    expect(errorsOf({ ...good, receivedAt: '2026-12-07T11:00' })).toEqual({})
    expect(errorsOf({ ...good, receivedAt: '2026-12-07T11:01' })).toEqual({ receivedAt: 'future-date' })
  })

  it('checks the title, text and program as the report form does', () => {
    expect(errorsOf({ ...good, title: '', text: '' })).toEqual({ title: 'required', text: 'required' })
    const withPrograms = { ...context, programs: [{ slug: 'web', fields: [] }] }
    expect(errorsOf(good, withPrograms)).toEqual({ program: 'required' })
    expect(errorsOf({ ...good, program: 'app' }, withPrograms)).toEqual({ program: 'unknown-program' })
    expect(validateExternalReport({ ...good, program: 'web' }, withPrograms)).toMatchObject({
      ok: true,
      value: { submission: { program: 'web', programFields: [] } },
    })
  })

  it('names only the fields that have a problem: no empty entries for the others', () => {
    expect(errorsOf({ ...good, title: '' })).toStrictEqual({ title: 'required' })
    expect(errorsOf({ ...good, text: 'nul\u0000' })).toStrictEqual({ text: 'control-characters' })
    expect(errorsOf(good, { ...context, programs: [{ slug: 'web', fields: [] }] })).toStrictEqual({ program: 'required' })
  })

  it('names every problem at once', () => {
    expect(errorsOf({ platform: 'bugcrowd', url: 'ftp://x', title: 'ok', text: 'ok' })).toEqual({
      platform: 'invalid-choice',
      reference: 'required',
      url: 'not-web-address',
      receivedAt: 'required',
    })
  })
})
