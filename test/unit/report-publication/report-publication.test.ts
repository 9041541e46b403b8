/** The rules of a report's public version (src/domain/report-publication) and what SECURITY.md promises about it. */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { renderSecurityMd } from '../../../src/domain/policy/render-security-md.js'
import {
  approve,
  object,
  outcomeOf,
  type PublicVersion,
  prepare,
  publish,
  waitingFor,
  withdraw,
} from '../../../src/domain/report-publication/report-publication.js'
import { rulesOf } from '../../../src/report-publication/publication-rules.js'

const text = { title: 'Default credentials', body: 'An internal panel accepted **default** credentials.', reason: 'Not reachable.' }
const shownAt = '2026-11-20T10:00:00.000Z'
const ends = '2026-12-04T10:00:00.000Z'

const draft = (): PublicVersion => {
  const v = prepare(undefined, 'rejected', text, 'alice')
  if (!v.ok) throw new Error(v.error.code)
  return v.value
}
const shown = (): PublicVersion => {
  const v = approve(draft(), 'bob', { reviewRequired: true, previewConfirmed: false, at: shownAt, objectionEndsAt: () => ends })
  if (!v.ok) throw new Error(v.error.code)
  return v.value
}

const policyOf = (disclosure: string) => {
  const source = [
    'version: 1',
    'organization: { name: Example, slug: example }',
    'channels: { webForm: { enabled: true } }',
    'calendar: { timeZone: Europe/Vienna }',
    'clocks: {}',
    disclosure,
  ].join('\n')
  const parsed = parsePolicy(source, 'policy.yaml')
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.text).join('\n'))
  return parsed.policy
}

describe('the public version of a report', () => {
  it('exists only for a decided report, whose outcome it shows', () => {
    expect(outcomeOf('triaged')).toBeUndefined()
    expect(outcomeOf('duplicate')).toBe('duplicate')
    expect(outcomeOf('fixed')).toBe('accepted')
    const refused = prepare(undefined, 'acknowledged', text, 'alice')
    expect(!refused.ok && refused.error.code).toBe('PUBLIC_VERSION_NOT_DECIDED')
    expect(draft()).toMatchObject({ state: 'draft', outcome: 'rejected', title: 'Default credentials' })
  })

  it('needs a one-line title, a text and a reason', () => {
    for (const [field, value] of [
      ['title', ' '],
      ['title', 'two\nlines'],
      ['body', ''],
      ['reason', '  '],
    ] as const) {
      const refused = prepare(undefined, 'rejected', { ...text, [field]: value }, 'alice')
      expect(!refused.ok && refused.error, `${field}: ${value}`).toEqual({ code: 'PUBLIC_VERSION_INCOMPLETE', field })
    }
  })

  it('is approved by a second member when review is required, else by its author confirming the preview', () => {
    const o = { at: shownAt, objectionEndsAt: () => ends }
    const self = approve(draft(), 'alice', { ...o, reviewRequired: true, previewConfirmed: true })
    expect(!self.ok && self.error.code).toBe('PUBLIC_VERSION_SELF_REVIEW')
    const unconfirmed = approve(draft(), 'alice', { ...o, reviewRequired: false, previewConfirmed: false })
    expect(!unconfirmed.ok && unconfirmed.error.code).toBe('PUBLIC_VERSION_PREVIEW_UNCONFIRMED')
    const confirmed = approve(draft(), 'alice', { ...o, reviewRequired: false, previewConfirmed: true })
    expect(confirmed.ok && confirmed.value).toMatchObject({ state: 'shown', shownAt, objectionEndsAt: ends })
  })

  it('may be objected to, with a reason, only while the objection period runs', () => {
    const closed = object(shown(), 'no', ends)
    expect(!closed.ok && closed.error.code).toBe('PUBLIC_VERSION_OBJECTION_CLOSED')
    const empty = object(shown(), ' ', shownAt)
    expect(!empty.ok && empty.error.code).toBe('PUBLIC_VERSION_REASON_REQUIRED')
    const early = object(draft(), 'no', shownAt)
    expect(!early.ok && early.error.code).toBe('PUBLIC_VERSION_NOT_ALLOWED')
    const objected = object(shown(), 'It names our network.', '2026-11-25T00:00:00.000Z')
    expect(objected.ok && objected.value).toMatchObject({ state: 'objected', objection: 'It names our network.' })
  })

  it('is published after the objection period and not before every awaited advisory is published', () => {
    const none = { advisories: [], status: 'rejected' as const }
    expect(waitingFor(shown(), none, '2026-12-04T09:59:59.999Z')).toBe('objection-period')
    expect(waitingFor(shown(), { ...none, advisories: [{ ownId: 'A-1', state: 'ready' }] }, ends)).toBe('fix')
    expect(waitingFor(shown(), { ...none, advisories: [{ ownId: 'A-1', state: 'published' }] }, ends)).toBeUndefined()
    expect(waitingFor(draft(), none, ends)).toBe('not-shown')
    // Reopened since (triaged again): not published with the outcome it no longer has.
    expect(waitingFor(shown(), { ...none, status: 'triaged' }, ends)).toBe('outcome-changed')
    const published = publish(shown(), none, ends)
    expect(published.ok && published.value).toMatchObject({ state: 'published', publishedAt: ends })
    const again = publish(published.ok ? published.value : shown(), none, ends)
    expect(again.ok).toBe(false)
    const objected = object(shown(), 'no', shownAt)
    expect(publish(objected.ok ? objected.value : shown(), none, ends).ok).toBe(false)
  })

  it('may be withdrawn until it is published, and rewritten as a new draft', () => {
    expect(withdraw(shown()).ok).toBe(true)
    expect(withdraw(undefined).ok).toBe(false)
    const rewritten = prepare(shown(), 'rejected', { ...text, title: 'New title' }, 'bob')
    expect(rewritten.ok && rewritten.value).toMatchObject({ state: 'draft', approvedBy: null, shownAt: null, preparedBy: 'bob' })
  })

  it('counts the objection period of the policy on its calendar (business days to the end of the day), 14 days when it names none', () => {
    expect(rulesOf(policyOf('disclosure: { reporterObjection: 3 days }')).objectionEndsAt(shownAt)).toBe('2026-11-23T10:00:00.000Z')
    expect(rulesOf(policyOf('disclosure: { reporterObjection: 2 business days }')).objectionEndsAt('2026-11-20T10:00:00.000Z')).toBe(
      '2026-11-24T22:59:59.999Z',
    )
    expect(rulesOf(policyOf('disclosure: { publishAllReports: true }')).objectionEndsAt(shownAt)).toBe(ends)
  })

  it('SECURITY.md says how long a reporter may object', () => {
    expect(renderSecurityMd(policyOf('disclosure: { publishAllReports: true, reporterObjection: 10 days }'))).toContain(
      'its reporter sees the redacted text we propose and may object within 10 days',
    )
    expect(renderSecurityMd(policyOf('disclosure: { publishAllReports: true }'))).toContain('may object within 14 days')
    expect(renderSecurityMd(policyOf('disclosure: { advisory: optional }'))).not.toContain('may object')
  })
})
