/**
 * The public version of a report at its edges (src/domain/report-publication/): which statuses
 * have an outcome to publish, when the report page prompts for it, the lengths the form allows,
 * who may approve, the last moment of the objection period, what may be withdrawn, and the
 * objection period a policy gives.
 */
import { describe, expect, it } from 'vitest'
import type { ReportStatus } from '../../../src/domain/report/status.js'
import {
  approve,
  object,
  objectionPeriod,
  outcomeOf,
  type PublicVersion,
  prepare,
  promptsPublicVersion,
  publicVersionLimits,
  publish,
  waitingFor,
  withdraw,
} from '../../../src/domain/report-publication/report-publication.js'

const text = { title: 'Default credentials', body: 'A panel accepted default credentials.', reason: 'Fixed in 2.1.' }
const shownAt = '2026-11-20T10:00:00.000Z'
const ends = '2026-12-04T10:00:00.000Z'

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
const draft = (status: ReportStatus = 'fixed') => value(prepare(undefined, status, text, 'alice'))
const shown = () =>
  value(approve(draft(), 'bob', { reviewRequired: true, previewConfirmed: false, at: shownAt, objectionEndsAt: () => ends }))
const errorOf = (r: { ok: boolean; error?: unknown }) => (r.ok ? undefined : r.error)

describe('the outcome a public version shows', () => {
  it('is accepted for every status past acceptance, rejected or duplicate as decided, none before a decision', () => {
    for (const status of ['accepted', 'fixing', 'fixed', 'disclosed', 'closed'] as const) expect(outcomeOf(status), status).toBe('accepted')
    expect(outcomeOf('rejected')).toBe('rejected')
    expect(outcomeOf('duplicate')).toBe('duplicate')
    for (const status of ['new', 'acknowledged', 'triaged'] as const) expect(outcomeOf(status), status).toBeUndefined()
    expect(draft('closed')).toMatchObject({ outcome: 'accepted' })
  })

  it('is prompted for on a decided report when the policy publishes all reports and none was prepared', () => {
    expect(promptsPublicVersion(true, 'rejected', undefined)).toBe(true)
    expect(promptsPublicVersion(false, 'rejected', undefined)).toBe(false)
    expect(promptsPublicVersion(true, 'triaged', undefined)).toBe(false)
    expect(promptsPublicVersion(true, 'fixed', draft())).toBe(false)
  })
})

describe('the public text', () => {
  it('is kept trimmed, with a fresh draft’s empty approval', () => {
    expect(prepare(undefined, 'fixed', { title: '  T  ', body: '\nB\n', reason: ' R ' }, 'carol')).toEqual({
      ok: true,
      value: {
        title: 'T',
        body: 'B',
        reason: 'R',
        state: 'draft',
        outcome: 'accepted',
        preparedBy: 'carol',
        approvedBy: null,
        shownAt: null,
        objectionEndsAt: null,
        objection: null,
        publishedAt: null,
      },
    })
  })

  it('may be as long as the form says, counted in characters as people see them, and no longer', () => {
    expect(publicVersionLimits).toEqual({ title: 200, body: 20_000, reason: 2_000, objection: 2_000 })
    for (const field of ['title', 'body', 'reason'] as const) {
      const limit = publicVersionLimits[field]
      expect(prepare(undefined, 'fixed', { ...text, [field]: '🔒'.repeat(limit) }, 'alice').ok, field).toBe(true)
      expect(errorOf(prepare(undefined, 'fixed', { ...text, [field]: 'x'.repeat(limit + 1) }, 'alice'))).toEqual({
        code: 'PUBLIC_VERSION_TOO_LONG',
        field,
      })
    }
  })

  it('needs a title on one line: a carriage return counts as a second line too; the body may have many', () => {
    expect(errorOf(prepare(undefined, 'fixed', { ...text, title: 'one\rtwo' }, 'alice'))).toEqual({
      code: 'PUBLIC_VERSION_INCOMPLETE',
      field: 'title',
    })
    expect(prepare(undefined, 'fixed', { ...text, body: 'one\n\ntwo', reason: 'a\nb' }, 'alice').ok).toBe(true)
  })

  it('may be rewritten in every state but published', () => {
    const published = value(publish(shown(), { advisories: [], status: 'fixed' }, ends))
    expect(errorOf(prepare(published, 'fixed', text, 'bob'))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'published' })
    const objected = value(object(shown(), 'No.', shownAt))
    expect(prepare(objected, 'fixed', text, 'bob')).toMatchObject({ ok: true, value: { state: 'draft', objection: null } })
    expect(errorOf(prepare(draft(), 'triaged', text, 'bob'))).toEqual({ code: 'PUBLIC_VERSION_NOT_DECIDED' })
  })
})

describe('approval', () => {
  const o = { reviewRequired: true, previewConfirmed: false, at: shownAt, objectionEndsAt: (s: string) => `${s.slice(0, 10)}+14d` }

  it('by a second member shows the text to the reporter, recording who and until when they may object', () => {
    expect(approve(draft(), 'bob', o)).toEqual({
      ok: true,
      value: { ...draft(), state: 'shown', approvedBy: 'bob', shownAt, objectionEndsAt: '2026-11-20+14d' },
    })
    expect(approve(draft(), 'bob', { ...o, reviewRequired: false })).toMatchObject({ ok: true, value: { approvedBy: 'bob' } })
  })

  it('happens only to a draft', () => {
    expect(errorOf(approve(shown(), 'carol', o))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'shown' })
    const withdrawn = value(withdraw(draft()))
    expect(errorOf(approve(withdrawn, 'carol', o))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'withdrawn' })
  })
})

describe('an objection', () => {
  it('is taken up to a moment before the period ends, trimmed, up to 2,000 characters', () => {
    expect(object(shown(), '  It names our network.  ', '2026-12-04T09:59:59.999Z')).toEqual({
      ok: true,
      value: { ...shown(), state: 'objected', objection: 'It names our network.' },
    })
    expect(object(shown(), '✋'.repeat(2000), shownAt).ok).toBe(true)
    expect(errorOf(object(shown(), 'x'.repeat(2001), shownAt))).toEqual({ code: 'PUBLIC_VERSION_TOO_LONG', field: 'objection' })
  })

  it('is refused when nothing was shown, or after an objection already', () => {
    expect(errorOf(object(undefined, 'No.', shownAt))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'none' })
    expect(errorOf(object(draft(), 'No.', shownAt))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'draft' })
    const objected = value(object(shown(), 'No.', shownAt))
    expect(errorOf(object(objected, 'Again.', shownAt))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'objected' })
  })

  it('has no end when the shown version carries no period', () => {
    const open: PublicVersion = { ...shown(), objectionEndsAt: null }
    expect(object(open, 'Late.', '2030-01-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { state: 'objected' } })
  })
})

describe('withdrawal', () => {
  it('takes back a draft, a shown or an objected version; never a published or a withdrawn one', () => {
    expect(withdraw(draft())).toEqual({ ok: true, value: { ...draft(), state: 'withdrawn' } })
    expect(withdraw(value(object(shown(), 'No.', shownAt)))).toMatchObject({ ok: true, value: { state: 'withdrawn' } })
    const published = value(publish(shown(), { advisories: [], status: 'fixed' }, ends))
    expect(errorOf(withdraw(published))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'published' })
    expect(errorOf(withdraw(value(withdraw(draft()))))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'withdrawn' })
    expect(errorOf(withdraw(undefined))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'none' })
  })
})

describe('publication', () => {
  const fix = { advisories: [{ ownId: 'A-1', state: 'published' }], status: 'fixed' as const }

  it('is due at the end of the objection period once every awaited advisory is published, and says what it waits for', () => {
    expect(waitingFor(shown(), fix, ends)).toBeUndefined()
    expect(waitingFor(shown(), { ...fix, status: 'closed' }, ends)).toBeUndefined()
    expect(waitingFor(shown(), { ...fix, advisories: [...fix.advisories, { ownId: 'A-2', state: 'scheduled' }] }, ends)).toBe('fix')
    expect(waitingFor(shown(), { ...fix, status: 'rejected' }, ends)).toBe('outcome-changed')
    expect(waitingFor({ ...shown(), objectionEndsAt: null }, fix, ends)).toBe('not-shown')
    expect(publish(shown(), fix, ends)).toEqual({ ok: true, value: { ...shown(), state: 'published', publishedAt: ends } })
  })

  it('is refused while it waits, naming the state it is in', () => {
    expect(errorOf(publish(shown(), fix, shownAt))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'shown' })
    expect(errorOf(publish(draft(), fix, ends))).toEqual({ code: 'PUBLIC_VERSION_NOT_ALLOWED', state: 'draft' })
  })
})

describe('the objection period of a policy', () => {
  it('is the policy’s, 14 calendar days when it names none or none that reads', () => {
    expect(objectionPeriod('3 business days')).toEqual({ amount: 3, unit: 'business-days' })
    expect(objectionPeriod(undefined)).toEqual({ amount: 14, unit: 'calendar-days' })
    expect(objectionPeriod('until we feel like it')).toEqual({ amount: 14, unit: 'calendar-days' })
  })
})
