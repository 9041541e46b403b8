import { describe, expect, it } from 'vitest'
import {
  type AdvisoryStatus,
  approve,
  availableActions,
  edit,
  publish,
  schedule,
  submit,
  withdraw,
} from '../../../src/domain/advisory/workflow.js'

const at = '2026-11-20T10:00:00.000Z'
const draft: AdvisoryStatus = {
  id: 'a1',
  state: 'draft',
  revision: 1,
  submittedBy: null,
  approvedBy: null,
  scheduledFor: null,
  publishedAt: null,
  withdrawnAt: null,
}
const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}

describe('advisory workflow', () => {
  it('under required review nothing is published or scheduled before a second member approved it', () => {
    expect(publish(draft, 'required', { kind: 'user', id: 'alice' }, at)).toEqual({
      ok: false,
      error: { code: 'ADVISORY_REVIEW_REQUIRED' },
    })
    const inReview = value(submit(draft, 'alice', at)).status
    expect(approve(inReview, 'required', 'alice', at)).toEqual({ ok: false, error: { code: 'ADVISORY_SELF_APPROVAL' } })
    expect(schedule(inReview, 'required', '2026-11-21T10:00:00.000Z', 'alice', at).ok).toBe(false)
    const ready = value(approve(inReview, 'required', 'bob', at)).status
    expect(ready).toMatchObject({ state: 'ready', approvedBy: 'bob', submittedBy: 'alice' })
    expect(value(publish(ready, 'required', { kind: 'user', id: 'alice' }, at)).status).toMatchObject({
      state: 'published',
      publishedAt: at,
    })
  })

  it('under optional review a draft is published directly', () => {
    expect(value(publish(draft, 'optional', { kind: 'user', id: 'alice' }, at)).status.state).toBe('published')
  })

  it('changing an approved or scheduled text voids the approval and the schedule', () => {
    const ready = value(approve(value(submit(draft, 'alice', at)).status, 'required', 'bob', at)).status
    const scheduled = value(schedule(ready, 'required', '2026-11-21T10:00:00.000Z', 'alice', at)).status
    expect(value(edit(scheduled, 'alice', at)).status).toMatchObject({ state: 'draft', approvedBy: null, scheduledFor: null })
  })

  it('a schedule must lie ahead', () => {
    expect(schedule(draft, 'optional', at, 'alice', at)).toEqual({ ok: false, error: { code: 'ADVISORY_SCHEDULE_NOT_FUTURE' } })
  })

  it('editing a published advisory makes the next published revision; a withdrawn one is not edited; withdrawing needs a reason', () => {
    const published = value(publish(draft, 'optional', { kind: 'system' }, at)).status
    const updated = value(edit(published, 'alice', at))
    expect(updated.status).toMatchObject({ state: 'published', revision: 2 })
    expect(updated.events.map((e) => e.type)).toEqual(['advisory.updated'])
    expect(withdraw(published, ' ', 'alice', at)).toEqual({ ok: false, error: { code: 'ADVISORY_REASON_REQUIRED' } })
    const withdrawn = value(withdraw(published, 'Duplicate of another advisory', 'alice', at)).status
    expect(edit(withdrawn, 'alice', at).ok).toBe(false)
  })

  it('offers the submitter no approve button under required review', () => {
    const inReview = value(submit(draft, 'alice', at)).status
    expect(availableActions(inReview, 'required', 'alice')).not.toContain('approve')
    expect(availableActions(inReview, 'required', 'bob')).toContain('approve')
    expect(availableActions(inReview, 'required', 'bob')).not.toContain('publish')
  })
})

describe('the schedule field', () => {
  it('reads a datetime-local value as UTC and refuses anything else', async () => {
    const { scheduleInstant } = await import('../../../src/disclosure/advisory-form.js')
    expect(scheduleInstant('2026-12-24T09:30')).toBe('2026-12-24T09:30:00.000Z')
    expect(scheduleInstant('2026-12-24T09:30:00Z')).toBe('2026-12-24T09:30:00.000Z')
    for (const bad of ['', 'tomorrow', '2026-12-24 09:30', '2026-13-45T99:99']) expect(scheduleInstant(bad), bad).toBeUndefined()
  })
})
