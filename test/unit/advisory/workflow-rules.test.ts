/**
 * The advisory workflow as the team meets it (src/domain/advisory/workflow.ts): which buttons the
 * advisory page offers in each state, what each action leaves behind (state, who submitted and
 * approved, the schedule, the revision number), the timeline entry it writes, and what it refuses
 * with which message. Issue 17: each test pins a rule mutation testing found unpinned.
 */
import { describe, expect, it } from 'vitest'
import type { AdvisoryState } from '../../../src/domain/advisory/advisory.js'
import {
  type AdvisoryAction,
  type AdvisoryChange,
  type AdvisoryError,
  type AdvisoryStatus,
  approve,
  availableActions,
  edit,
  note,
  publish,
  publishableFrom,
  type ReviewRule,
  reviewRuleOf,
  schedule,
  scheduleFailed,
  sendBack,
  statusOf,
  submit,
  unschedule,
  withdraw,
} from '../../../src/domain/advisory/workflow.js'
import type { Result } from '../../../src/domain/result.js'

const at = '2026-11-20T10:00:00.000Z'
const tomorrow = '2026-11-21T10:00:00.000Z'

const status = (state: AdvisoryState, over: Partial<AdvisoryStatus> = {}): AdvisoryStatus => ({
  id: 'adv-1',
  state,
  revision: 1,
  submittedBy: null,
  approvedBy: null,
  scheduledFor: null,
  publishedAt: null,
  withdrawnAt: null,
  ...over,
})

const changed = (r: Result<AdvisoryChange, AdvisoryError>): AdvisoryChange => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`)
  return r.value
}
const refusal = (r: Result<AdvisoryChange, AdvisoryError>): AdvisoryError => {
  if (r.ok) throw new Error(`allowed: ${JSON.stringify(r.value.status)}`)
  return r.error
}

const allStates: AdvisoryState[] = ['draft', 'in-review', 'ready', 'scheduled', 'published', 'withdrawn']

describe('the buttons the advisory page offers', () => {
  const offered = (state: AdvisoryState, review: ReviewRule, viewer = 'bob', over: Partial<AdvisoryStatus> = {}) =>
    availableActions(status(state, { submittedBy: 'alice', ...over }), review, viewer)

  it('under optional review: every unpublished state may be published; only a published advisory may be withdrawn', () => {
    expect(offered('draft', 'optional')).toEqual(['edit', 'submit', 'schedule', 'publish'])
    expect(offered('in-review', 'optional')).toEqual(['edit', 'approve', 'return', 'schedule', 'publish'])
    expect(offered('ready', 'optional')).toEqual(['edit', 'schedule', 'publish'])
    expect(offered('scheduled', 'optional')).toEqual(['edit', 'unschedule', 'publish'])
    expect(offered('published', 'optional')).toEqual(['edit', 'withdraw'])
    expect(offered('withdrawn', 'optional')).toEqual([])
  })

  it('under required review: only an approved (ready) or scheduled advisory may be published', () => {
    expect(offered('draft', 'required')).toEqual(['edit', 'submit'])
    expect(offered('in-review', 'required')).toEqual(['edit', 'approve', 'return'])
    expect(offered('ready', 'required')).toEqual(['edit', 'schedule', 'publish'])
    expect(offered('scheduled', 'required')).toEqual(['edit', 'unschedule', 'publish'])
    expect(offered('published', 'required')).toEqual(['edit', 'withdraw'])
    expect(offered('withdrawn', 'required')).toEqual([])
  })

  it('the submitter sees no approve button under required review, but does under optional review', () => {
    expect(offered('in-review', 'required', 'alice')).toEqual(['edit', 'return'])
    expect(offered('in-review', 'optional', 'alice')).toEqual(['edit', 'approve', 'return', 'schedule', 'publish'])
  })

  it('publishable states follow the review rule', () => {
    expect(publishableFrom('required')).toEqual(['ready', 'scheduled'])
    expect(publishableFrom('optional')).toEqual(['draft', 'in-review', 'ready', 'scheduled'])
  })
})

describe('what each action leaves behind', () => {
  it('submitting a draft puts it in review under the submitter, clearing an old approval', () => {
    const change = changed(submit(status('draft', { approvedBy: 'carol' }), 'alice', at))
    expect(change.status).toEqual(status('in-review', { submittedBy: 'alice', approvedBy: null }))
    expect(change.events).toEqual([
      { type: 'advisory.submitted', actor: { kind: 'user', id: 'alice' }, at, reportId: null, data: { advisoryId: 'adv-1' } },
    ])
  })

  it('only a draft can be submitted', () => {
    for (const state of allStates.filter((s) => s !== 'draft'))
      expect(refusal(submit(status(state), 'alice', at))).toEqual({ code: 'ADVISORY_ACTION_NOT_ALLOWED', state, action: 'submit' })
  })

  it('approving makes the advisory ready and records the approver; the submitter may approve under optional review', () => {
    const inReview = status('in-review', { submittedBy: 'alice' })
    const byBob = changed(approve(inReview, 'required', 'bob', at))
    expect(byBob.status).toEqual(status('ready', { submittedBy: 'alice', approvedBy: 'bob' }))
    expect(byBob.events).toEqual([
      { type: 'advisory.approved', actor: { kind: 'user', id: 'bob' }, at, reportId: null, data: { advisoryId: 'adv-1' } },
    ])
    expect(changed(approve(inReview, 'optional', 'alice', at)).status).toMatchObject({ state: 'ready', approvedBy: 'alice' })
    expect(refusal(approve(inReview, 'required', 'alice', at))).toEqual({ code: 'ADVISORY_SELF_APPROVAL' })
  })

  it('only an advisory in review can be approved or sent back', () => {
    for (const state of allStates.filter((s) => s !== 'in-review')) {
      expect(refusal(approve(status(state), 'optional', 'bob', at))).toEqual({
        code: 'ADVISORY_ACTION_NOT_ALLOWED',
        state,
        action: 'approve',
      })
      expect(refusal(sendBack(status(state), 'bob', at))).toEqual({ code: 'ADVISORY_ACTION_NOT_ALLOWED', state, action: 'return' })
    }
  })

  it('sending back returns the advisory to draft with neither submitter nor approver', () => {
    const change = changed(sendBack(status('in-review', { submittedBy: 'alice', approvedBy: 'bob' }), 'bob', at))
    expect(change.status).toEqual(status('draft'))
    expect(change.events).toEqual([
      { type: 'advisory.returned', actor: { kind: 'user', id: 'bob' }, at, reportId: null, data: { advisoryId: 'adv-1' } },
    ])
  })

  it('editing before publication makes a draft again: review, approval and schedule are void; the timeline says from where', () => {
    const scheduled = status('scheduled', { submittedBy: 'alice', approvedBy: 'bob', scheduledFor: tomorrow })
    const change = changed(edit(scheduled, 'carol', at))
    expect(change.status).toEqual(status('draft'))
    expect(change.events).toEqual([
      {
        type: 'advisory.edited',
        actor: { kind: 'user', id: 'carol' },
        at,
        reportId: null,
        data: { advisoryId: 'adv-1', from: 'scheduled' },
      },
    ])
  })

  it('editing a published advisory is a published update: the next revision number, state and dates kept', () => {
    const published = status('published', { revision: 3, publishedAt: at, approvedBy: 'bob' })
    const change = changed(edit(published, 'alice', tomorrow))
    expect(change.status).toEqual({ ...published, revision: 4 })
    expect(change.events).toEqual([
      {
        type: 'advisory.updated',
        actor: { kind: 'user', id: 'alice' },
        at: tomorrow,
        reportId: null,
        data: { advisoryId: 'adv-1', revision: 4 },
      },
    ])
  })

  it('a withdrawn advisory cannot be edited, nor have anything noted on it', () => {
    expect(refusal(edit(status('withdrawn'), 'alice', at))).toEqual({
      code: 'ADVISORY_ACTION_NOT_ALLOWED',
      state: 'withdrawn',
      action: 'edit',
    })
    expect(refusal(note(status('withdrawn'), []))).toEqual({ code: 'ADVISORY_ACTION_NOT_ALLOWED', state: 'withdrawn', action: 'edit' })
  })

  it('a note (a report linked, an identifier set) leaves the state alone and records only its own events', () => {
    const linked = [
      { type: 'advisory.linked', actor: { kind: 'user', id: 'alice' }, at, reportId: 'r1', data: { advisoryId: 'adv-1', ownId: 'X' } },
    ]
    for (const state of allStates.filter((s) => s !== 'withdrawn')) {
      const s = status(state)
      expect(changed(note(s, linked as never))).toEqual({ status: s, events: linked })
    }
  })
})

describe('scheduling and publishing', () => {
  it('scheduling sets the moment ahead and records it; the timeline names the moment', () => {
    const change = changed(schedule(status('ready', { approvedBy: 'bob' }), 'required', tomorrow, 'alice', at))
    expect(change.status).toEqual(status('scheduled', { approvedBy: 'bob', scheduledFor: tomorrow }))
    expect(change.events).toEqual([
      {
        type: 'advisory.scheduled',
        actor: { kind: 'user', id: 'alice' },
        at,
        reportId: null,
        data: { advisoryId: 'adv-1', for: tomorrow },
      },
    ])
  })

  it('a schedule must lie strictly ahead, and be a moment at all', () => {
    const ready = status('ready')
    for (const when of [at, '2026-11-20T09:59:59.999Z', 'next week', ''])
      expect(refusal(schedule(ready, 'optional', when, 'alice', at)), when).toEqual({ code: 'ADVISORY_SCHEDULE_NOT_FUTURE' })
    expect(changed(schedule(ready, 'optional', '2026-11-20T10:00:00.001Z', 'alice', at)).status.state).toBe('scheduled')
  })

  it('a scheduled advisory is not scheduled again; a published or withdrawn one not at all', () => {
    for (const state of ['scheduled', 'published', 'withdrawn'] as const)
      for (const review of ['optional', 'required'] as const)
        expect(refusal(schedule(status(state), review, tomorrow, 'alice', at))).toEqual({
          code: 'ADVISORY_ACTION_NOT_ALLOWED',
          state,
          action: 'schedule',
        })
  })

  it('under required review an unapproved advisory is neither scheduled nor published', () => {
    for (const state of ['draft', 'in-review'] as const) {
      expect(refusal(schedule(status(state), 'required', tomorrow, 'alice', at))).toEqual({ code: 'ADVISORY_REVIEW_REQUIRED' })
      expect(refusal(publish(status(state), 'required', { kind: 'user', id: 'alice' }, at))).toEqual({ code: 'ADVISORY_REVIEW_REQUIRED' })
    }
  })

  it('unscheduling goes back to ready with the approval kept', () => {
    const change = changed(unschedule(status('scheduled', { approvedBy: 'bob', scheduledFor: tomorrow }), 'alice', at))
    expect(change.status).toEqual(status('ready', { approvedBy: 'bob' }))
    expect(change.events).toEqual([
      { type: 'advisory.unscheduled', actor: { kind: 'user', id: 'alice' }, at, reportId: null, data: { advisoryId: 'adv-1' } },
    ])
    for (const state of allStates.filter((s) => s !== 'scheduled'))
      expect(refusal(unschedule(status(state), 'alice', at))).toEqual({ code: 'ADVISORY_ACTION_NOT_ALLOWED', state, action: 'unschedule' })
  })

  it('publishing records when, clears the schedule, and names the scheduler when it published', () => {
    const change = changed(publish(status('scheduled', { approvedBy: 'bob', scheduledFor: at }), 'required', { kind: 'system' }, at))
    expect(change.status).toEqual(status('published', { approvedBy: 'bob', publishedAt: at }))
    expect(change.events).toEqual([
      { type: 'advisory.published', actor: { kind: 'system' }, at, reportId: null, data: { advisoryId: 'adv-1' } },
    ])
  })

  it('a published or withdrawn advisory is not published again, whatever the review rule', () => {
    for (const state of ['published', 'withdrawn'] as const)
      for (const review of ['optional', 'required'] as const)
        expect(refusal(publish(status(state), review, { kind: 'system' }, at))).toEqual({
          code: 'ADVISORY_ACTION_NOT_ALLOWED',
          state,
          action: 'publish',
        })
  })

  it('a scheduled publication that could not run goes back to ready, approval kept, and tells the team why', () => {
    const change = changed(scheduleFailed(status('scheduled', { approvedBy: 'bob', scheduledFor: at }), 'REPORT_NOT_READY', at))
    expect(change.status).toEqual(status('ready', { approvedBy: 'bob' }))
    expect(change.events).toEqual([
      {
        type: 'advisory.schedule_failed',
        actor: { kind: 'system' },
        at,
        reportId: null,
        data: { advisoryId: 'adv-1', code: 'REPORT_NOT_READY' },
      },
    ])
    expect(refusal(scheduleFailed(status('published'), 'X', at))).toEqual({
      code: 'ADVISORY_ACTION_NOT_ALLOWED',
      state: 'published',
      action: 'publish',
    })
  })
})

describe('withdrawing', () => {
  it('a published advisory is withdrawn with a reason, recording when', () => {
    const published = status('published', { publishedAt: at })
    const change = changed(withdraw(published, 'Duplicate of OKLANT-2026-0001', 'alice', tomorrow))
    expect(change.status).toEqual({ ...published, state: 'withdrawn', withdrawnAt: tomorrow })
    expect(change.events).toEqual([
      { type: 'advisory.withdrawn', actor: { kind: 'user', id: 'alice' }, at: tomorrow, reportId: null, data: { advisoryId: 'adv-1' } },
    ])
  })

  it('a blank reason is refused; only a published advisory can be withdrawn', () => {
    for (const reason of ['', '  \n\t'])
      expect(refusal(withdraw(status('published'), reason, 'alice', at))).toEqual({ code: 'ADVISORY_REASON_REQUIRED' })
    for (const state of allStates.filter((s) => s !== 'published'))
      expect(refusal(withdraw(status(state), 'reason', 'alice', at))).toEqual({
        code: 'ADVISORY_ACTION_NOT_ALLOWED',
        state,
        action: 'withdraw',
      })
  })
})

describe("the policy's review rule and the stored status", () => {
  it('review is required only when the policy says so', () => {
    expect(reviewRuleOf({ advisories: { review: 'required' } })).toBe('required')
    expect(reviewRuleOf({ advisories: { review: 'optional' } })).toBe('optional')
    expect(reviewRuleOf({ advisories: {} })).toBe('optional')
    expect(reviewRuleOf({})).toBe('optional')
    expect(reviewRuleOf(undefined)).toBe('optional')
  })

  it('the workflow reads exactly the stored workflow columns of an advisory', () => {
    const stored = {
      id: 'adv-9',
      state: 'scheduled' as const,
      revision: 2,
      submittedBy: 'alice',
      approvedBy: 'bob',
      scheduledFor: tomorrow,
      publishedAt: null,
      withdrawnAt: null,
      title: 'not part of the workflow',
    }
    expect(statusOf(stored)).toEqual({
      id: 'adv-9',
      state: 'scheduled',
      revision: 2,
      submittedBy: 'alice',
      approvedBy: 'bob',
      scheduledFor: tomorrow,
      publishedAt: null,
      withdrawnAt: null,
    })
    const actions: AdvisoryAction[] = availableActions(statusOf(stored), 'required', 'carol')
    expect(actions).toEqual(['edit', 'unschedule', 'publish'])
  })
})
