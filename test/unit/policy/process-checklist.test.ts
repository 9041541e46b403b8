/**
 * The policy's process as the checklist a team works through and a reporter follows
 * (src/domain/policy/process-steps.ts): which steps are done, skipped, open or not recorded, which
 * step waits for which, what may be recorded now, and what holds publishing or a status change back.
 */
import { describe, expect, it } from 'vitest'
import {
  checklist,
  checkStep,
  openBeforePublishing,
  reporterSteps,
  type StepEvent,
  stepStates,
  stepsRequiredBefore,
} from '../../../src/domain/policy/process-steps.js'
import type { ProcessStep } from '../../../src/domain/policy/schema.js'

/** Open Klant's process, shortened: validate → confirm → patch → release (public) → announce (public); CVE optional. */
const steps: ProcessStep[] = [
  { id: 'validate', title: 'Validate', before: ['confirm'] },
  { id: 'confirm', title: 'Confirm', visibleTo: ['team', 'reporter'], before: ['patch'] },
  { id: 'request-cve', title: 'Request a CVE', optional: true, before: ['release'] },
  { id: 'patch', title: 'Patch', visibleTo: ['admins', 'team'], before: ['release'] },
  { id: 'release', title: 'Release', visibleTo: ['team', 'public'], before: ['announce'] },
  { id: 'announce', title: 'Announce', visibleTo: ['public', 'reporter'] },
]

const done = (step: string): StepEvent => ({ type: 'process.step_done', data: { step } })
const skipped = (step: string): StepEvent => ({ type: 'process.step_skipped', data: { step } })
const status = (to: string): StepEvent => ({ type: 'report.status_changed', data: { from: 'x', to } })

const statesOf = (events: StepEvent[], list: ProcessStep[] = steps) => Object.fromEntries(stepStates(list, events))

describe('where each step stands', () => {
  it('every step starts open; a recorded step is done or skipped', () => {
    expect(statesOf([])).toEqual({
      validate: 'open',
      confirm: 'open',
      'request-cve': 'open',
      patch: 'open',
      release: 'open',
      announce: 'open',
    })
    expect(statesOf([done('validate'), skipped('request-cve')])).toMatchObject({
      validate: 'done',
      'request-cve': 'skipped',
      confirm: 'open',
    })
  })

  it('ignores events that name no step of this policy, or name it without text, or are of another kind', () => {
    const noise: StepEvent[] = [
      done('deploy'),
      { type: 'process.step_done', data: { step: 7 } },
      { type: 'process.step_done' },
      { type: 'report.note_added', data: { step: 'validate' } },
      { type: 'report.status_changed', data: { step: 'confirm', to: 'triaged' } },
    ]
    expect(statesOf(noise)).toEqual(statesOf([]))
    expect([...stepStates(steps, noise).keys()]).toEqual(steps.map((s) => s.id))
  })

  it('the later record wins: a step skipped after being done shows skipped', () => {
    expect(statesOf([done('request-cve'), skipped('request-cve')])['request-cve']).toBe('skipped')
    expect(statesOf([skipped('request-cve'), done('request-cve')])['request-cve']).toBe('done')
  })

  describe('doneAt: the workflow does a step', () => {
    const withDoneAt: ProcessStep[] = [
      { id: 'acknowledge', title: 'Acknowledge', doneAt: 'acknowledged' },
      { id: 'fix', title: 'Fix', doneAt: 'fixed' },
    ]

    it('when the report reaches that status, or a later one on the main line', () => {
      expect(statesOf([status('acknowledged')], withDoneAt)).toEqual({ acknowledge: 'done', fix: 'open' })
      // Straight from new to fixing: acknowledged lies before it on the main line.
      expect(statesOf([status('fixing')], withDoneAt)).toEqual({ acknowledge: 'done', fix: 'open' })
      expect(statesOf([status('fixed')], withDoneAt)).toEqual({ acknowledge: 'done', fix: 'done' })
    })

    it('a status off the main line (rejected, duplicate) passes no other status', () => {
      expect(statesOf([status('rejected')], withDoneAt)).toEqual({ acknowledge: 'lapsed', fix: 'lapsed' })
      expect(statesOf([status('duplicate')], withDoneAt)).toEqual({ acknowledge: 'lapsed', fix: 'lapsed' })
    })

    it('a status once reached keeps the step done after the report moves back', () => {
      expect(statesOf([status('fixed'), status('fixing')], withDoneAt)).toEqual({ acknowledge: 'done', fix: 'done' })
    })

    it('a status change without a status, or of another kind, reaches nothing', () => {
      const odd: StepEvent[] = [
        { type: 'report.status_changed', data: { from: 'new' } },
        { type: 'report.status_changed', data: { to: 5 } },
        { type: 'report.status_changed' },
        { type: 'report.label_added', data: { to: 'fixed' } },
      ]
      expect(statesOf(odd, withDoneAt)).toEqual({ acknowledge: 'open', fix: 'open' })
    })

    it('"new" counts as reached from the start', () => {
      expect(statesOf([], [{ id: 'log', title: 'Log it', doneAt: 'new' }])).toEqual({ log: 'done' })
    })
  })

  describe('a settled report: steps nobody recorded show "not recorded" (lapsed), never open', () => {
    it.each(['disclosed', 'closed', 'rejected', 'duplicate'])('after %s', (to) => {
      expect(statesOf([done('validate'), skipped('request-cve'), status(to)])).toMatchObject({
        validate: 'done',
        'request-cve': 'skipped',
        confirm: 'lapsed',
        announce: 'lapsed',
      })
    })

    it('only where the report stands now counts: a closed report reopened for fixing has open steps again', () => {
      expect(statesOf([status('closed'), status('fixing')]).confirm).toBe('open')
      expect(statesOf([status('fixed')]).confirm).toBe('open')
    })

    it('a status change that names no status does not reopen a settled report', () => {
      expect(statesOf([status('closed'), { type: 'report.status_changed', data: { from: 'closed' } }]).confirm).toBe('lapsed')
    })

    it('a step the workflow did stays done, not lapsed', () => {
      expect(statesOf([status('disclosed')], [{ id: 'fix', title: 'Fix', doneAt: 'fixed' }])).toEqual({ fix: 'done' })
    })
  })
})

describe('the checklist: each step with what it waits for', () => {
  it('a step waits for every open step that lists it in before', () => {
    const view = checklist(steps, [])
    expect(view.map((v) => [v.step.id, v.state, v.waitingFor])).toEqual([
      ['validate', 'open', []],
      ['confirm', 'open', ['validate']],
      ['request-cve', 'open', []],
      ['patch', 'open', ['confirm']],
      ['release', 'open', ['request-cve', 'patch']],
      ['announce', 'open', ['release']],
    ])
    expect(view[0]?.step).toBe(steps[0])
  })

  it('done or skipped steps are no longer waited for; a lapsed one still is', () => {
    const view = checklist(steps, [done('validate'), skipped('request-cve'), status('closed')])
    expect(view.map((v) => [v.step.id, v.state, v.waitingFor])).toEqual([
      ['validate', 'done', []],
      ['confirm', 'lapsed', []],
      ['request-cve', 'skipped', []],
      ['patch', 'lapsed', ['confirm']],
      ['release', 'lapsed', ['patch']],
      ['announce', 'lapsed', ['release']],
    ])
  })

  it('a step without before holds nothing back', () => {
    expect(
      checklist(
        [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
        [],
      ).map((v) => v.waitingFor),
    ).toEqual([[], []])
  })
})

describe('recording a step', () => {
  it('a step whose predecessors are finished may be done; an optional one may be skipped', () => {
    expect(checkStep(steps, [], 'validate', false)).toBeUndefined()
    expect(checkStep(steps, [], 'request-cve', true)).toBeUndefined()
    expect(checkStep(steps, [done('validate')], 'confirm', false)).toBeUndefined()
  })

  it('refuses a step the policy does not have', () => {
    expect(checkStep(steps, [], 'deploy', false)).toEqual({ code: 'STEP_UNKNOWN' })
  })

  it('refuses a step already done or skipped', () => {
    expect(checkStep(steps, [done('validate')], 'validate', false)).toEqual({ code: 'STEP_ALREADY' })
    expect(checkStep(steps, [skipped('request-cve')], 'request-cve', false)).toEqual({ code: 'STEP_ALREADY' })
  })

  it('refuses to skip a step that is not optional, before saying what it waits for', () => {
    expect(checkStep(steps, [], 'validate', true)).toEqual({ code: 'STEP_NOT_OPTIONAL' })
    expect(checkStep(steps, [], 'patch', true)).toEqual({ code: 'STEP_NOT_OPTIONAL' })
  })

  it('refuses a step out of order, naming every step still to finish', () => {
    expect(checkStep(steps, [], 'confirm', false)).toEqual({ code: 'STEP_OUT_OF_ORDER', missing: ['validate'] })
    expect(checkStep(steps, [done('validate'), done('confirm')], 'release', false)).toEqual({
      code: 'STEP_OUT_OF_ORDER',
      missing: ['request-cve', 'patch'],
    })
  })

  it('a lapsed step may still be recorded after the fact, in order', () => {
    expect(checkStep(steps, [status('closed')], 'validate', false)).toBeUndefined()
    expect(checkStep(steps, [status('closed')], 'confirm', false)).toEqual({ code: 'STEP_OUT_OF_ORDER', missing: ['validate'] })
  })
})

describe('publishing waits for every step before the first public one', () => {
  it('lists the open steps that lead, directly or not, to the first step the public sees', () => {
    expect(openBeforePublishing(steps, [])).toEqual(['validate', 'confirm', 'request-cve', 'patch'])
    expect(openBeforePublishing(steps, [done('validate'), skipped('request-cve')])).toEqual(['confirm', 'patch'])
    expect(openBeforePublishing(steps, [done('validate'), done('confirm'), skipped('request-cve'), done('patch')])).toEqual([])
  })

  it('lapsed steps still hold publishing back', () => {
    expect(openBeforePublishing(steps, [status('rejected')])).toEqual(['validate', 'confirm', 'request-cve', 'patch'])
  })

  it('steps after the public one, or on no path to it, do not hold it back', () => {
    const branching: ProcessStep[] = [
      { id: 'triage', title: 'Triage', before: ['fix'] },
      { id: 'thank', title: 'Thank the reporter' },
      { id: 'fix', title: 'Fix', before: ['publish'] },
      { id: 'publish', title: 'Publish', visibleTo: ['public'], before: ['tweet'] },
      { id: 'tweet', title: 'Tweet', visibleTo: ['public'] },
    ]
    expect(openBeforePublishing(branching, [])).toEqual(['triage', 'fix'])
  })

  it('a step reached along two paths is listed once', () => {
    const diamond: ProcessStep[] = [
      { id: 'start', title: 'Start', before: ['left', 'right'] },
      { id: 'left', title: 'Left', before: ['publish'] },
      { id: 'right', title: 'Right', before: ['publish'] },
      { id: 'publish', title: 'Publish', visibleTo: ['public'] },
    ]
    expect(openBeforePublishing(diamond, [])).toEqual(['start', 'left', 'right'])
  })

  it('a process with no public step, or no steps, holds nothing back', () => {
    expect(
      openBeforePublishing(
        steps.map(({ visibleTo: _, ...s }) => s),
        [],
      ),
    ).toEqual([])
    expect(openBeforePublishing([], [])).toEqual([])
  })
})

describe('steps required before a status', () => {
  const gated: ProcessStep[] = [
    { id: 'assess', title: 'Assess', requiredBefore: 'accepted' },
    { id: 'cve', title: 'Request a CVE', optional: true, requiredBefore: 'disclosed' },
    { id: 'notify', title: 'Notify partners', requiredBefore: 'disclosed' },
    { id: 'note', title: 'Take notes' },
  ]

  it('names the steps still open that the policy requires before moving there', () => {
    expect(stepsRequiredBefore(gated, [], 'accepted')).toEqual(['assess'])
    expect(stepsRequiredBefore(gated, [], 'disclosed')).toEqual(['cve', 'notify'])
    expect(stepsRequiredBefore(gated, [], 'fixing')).toEqual([])
  })

  it('a done or skipped step no longer holds the move back', () => {
    expect(stepsRequiredBefore(gated, [skipped('cve'), done('notify')], 'disclosed')).toEqual([])
    expect(stepsRequiredBefore(gated, [done('assess')], 'accepted')).toEqual([])
  })
})

describe('the steps a reporter sees', () => {
  it('only those visible to the reporter, in order, with where each stands', () => {
    const seen = reporterSteps(steps, [done('validate'), done('confirm')])
    expect(seen.map((v) => [v.step.id, v.state, v.waitingFor])).toEqual([
      ['confirm', 'done', []],
      ['announce', 'open', ['release']],
    ])
  })

  it('none when no step is visible to the reporter', () => {
    expect(
      reporterSteps(
        [
          { id: 'a', title: 'A', visibleTo: ['team'] },
          { id: 'b', title: 'B' },
        ],
        [],
      ),
    ).toEqual([])
  })
})
