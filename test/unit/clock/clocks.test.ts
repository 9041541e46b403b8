import { describe, expect, it } from 'vitest'
import { type Clock, type ClockEvent, computeClocks, nextDue } from '../../../src/domain/clock/clocks.js'
import { loadPreset } from '../policy/presets.js'

const kumi = loadPreset('kumi-systems')
const healthimis = loadPreset('healthimis')
const alkemio = loadPreset('alkemio')
const khulnasoft = loadPreset('khulnasoft')
const openKlant = loadPreset('open-klant')

/** Friday 4 December 2026, 15:30 in Vienna. */
const kumiReceived = '2026-12-04T14:30:00.000Z'

const byName = (clocks: Clock[]) => Object.fromEntries(clocks.map((c) => [c.name, c]))
const dueAts = (clocks: Clock[]) => Object.fromEntries(clocks.map((c) => [c.name, c.dueAt]))

describe('Kumi Systems clocks', () => {
  it("start on receipt with the policy's own deadlines, 8 December being a holiday", () => {
    const clocks = computeClocks(kumi, { receivedAt: kumiReceived, events: [] }, '2026-12-04T15:00:00.000Z')
    expect(dueAts(clocks)).toEqual({
      acknowledge: '2026-12-10T22:59:59.999Z', // 3 business days: Mon 7, Wed 9, Thu 10
      'detailed-response': '2026-12-16T22:59:59.999Z', // 7 business days
      resolution: '2027-03-04T14:30:00.000Z', // 90 days, same wall-clock time
      disclosure: '2027-03-04T14:30:00.000Z',
      'escalation-allowed': '2026-12-16T22:59:59.999Z',
    })
    expect(clocks.every((c) => c.state === 'running')).toBe(true)
    expect(byName(clocks).acknowledge?.businessDaysLeft).toBe(3)
    expect(nextDue(clocks)).toBe('2026-12-10T22:59:59.999Z')
  })

  it('acknowledging meets the acknowledge clock and starts the 5-day update cadence; each reply restarts it', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-07T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
      { type: 'reply.sent', at: '2026-12-09T10:00:00.000Z', data: { detailed: true, 'next-steps': true } },
    ]
    const clocks = byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2026-12-10T12:00:00.000Z'))
    expect(clocks.acknowledge).toMatchObject({ state: 'met', metAt: '2026-12-07T09:00:00.000Z' })
    expect(clocks['detailed-response']).toMatchObject({ state: 'met', metAt: '2026-12-09T10:00:00.000Z' })
    expect(clocks['escalation-allowed']).toMatchObject({ state: 'met' })
    expect(clocks['reporter-update']).toMatchObject({
      state: 'running',
      startedAt: '2026-12-09T10:00:00.000Z',
      dueAt: '2026-12-14T10:00:00.000Z',
    })
  })

  it('a reply without the required next steps does not meet the detailed response', () => {
    const events: ClockEvent[] = [{ type: 'reply.sent', at: '2026-12-09T10:00:00.000Z', data: { detailed: true } }]
    const clocks = byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2026-12-17T00:00:00.000Z'))
    expect(clocks.acknowledge?.state).toBe('met')
    expect(clocks['detailed-response']?.state).toBe('breached')
  })

  it('no reply within 7 business days: the reporter may escalate', () => {
    const clocks = byName(computeClocks(kumi, { receivedAt: kumiReceived, events: [] }, '2026-12-17T00:00:00.000Z'))
    expect(clocks['escalation-allowed']?.state).toBe('breached')
    expect(clocks.acknowledge?.state).toBe('breached')
  })

  it('an update cadence missed is breached, and the next reply starts it again', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-07T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
    ]
    const late = byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2026-12-12T09:00:00.001Z'))
    expect(late['reporter-update']).toMatchObject({ state: 'breached', dueAt: '2026-12-12T09:00:00.000Z' })
    const replied = [...events, { type: 'reply.sent', at: '2026-12-13T09:00:00.000Z' }]
    const again = byName(computeClocks(kumi, { receivedAt: kumiReceived, events: replied }, '2026-12-13T10:00:00.000Z'))
    expect(again['reporter-update']).toMatchObject({ state: 'running', dueAt: '2026-12-18T09:00:00.000Z' })
  })

  it('a met clock that was met late says so', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-11T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
    ]
    expect(byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2026-12-11T10:00:00.000Z')).acknowledge).toMatchObject({
      state: 'met',
      late: true,
    })
  })

  it('waiting on the reporter pauses the detailed response and resolution, and moves them by the working days waited', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-07T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
      { type: 'report.waiting_on_reporter', at: '2026-12-09T10:00:00.000Z' },
    ]
    const waiting = byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2026-12-11T10:00:00.000Z'))
    expect(waiting['detailed-response']).toMatchObject({ state: 'paused', dueAt: '2026-12-18T22:59:59.999Z' }) // 10 and 11 Dec started while waiting
    expect(waiting.acknowledge?.state).toBe('met')
    expect(waiting['escalation-allowed']).toMatchObject({ state: 'running', dueAt: '2026-12-16T22:59:59.999Z' })
    const resumed = [...events, { type: 'reporter.replied', at: '2026-12-14T08:00:00.000Z' }]
    const after = byName(computeClocks(kumi, { receivedAt: kumiReceived, events: resumed }, '2026-12-15T10:00:00.000Z'))
    // Waited 9 Dec 10:00 → 14 Dec 08:00: 10, 11 and 14 Dec started meanwhile, so three working days more.
    expect(after['detailed-response']).toMatchObject({ state: 'running', dueAt: '2026-12-21T22:59:59.999Z' })
    // Resolution counts calendar days: pushed on by the 4 days 22 hours waited.
    expect(after.resolution?.dueAt).toBe('2027-03-09T12:30:00.000Z')
  })

  it('rejecting the report stops every clock and says so, never "met"', () => {
    const events: ClockEvent[] = [{ type: 'report.status_changed', at: '2026-12-05T09:00:00.000Z', data: { from: 'new', to: 'rejected' } }]
    const clocks = computeClocks(kumi, { receivedAt: kumiReceived, events }, '2027-06-01T00:00:00.000Z')
    // Never acknowledged, so no reporter-update clock ever started; every other clock is stopped by the rejection.
    expect(clocks.map((c) => [c.name, c.state, c.stoppedBy])).toEqual([
      ['acknowledge', 'stopped', 'rejected'],
      ['detailed-response', 'stopped', 'rejected'],
      ['resolution', 'stopped', 'rejected'],
      ['disclosure', 'stopped', 'rejected'],
      ['escalation-allowed', 'stopped', 'rejected'],
    ])
    expect(nextDue(clocks)).toBeUndefined()
  })

  it('a duplicate keeps the clocks met before it and stops the others', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-04T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
      { type: 'report.status_changed', at: '2026-12-05T09:00:00.000Z', data: { from: 'acknowledged', to: 'duplicate' } },
    ]
    const clocks = byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2027-06-01T00:00:00.000Z'))
    expect(clocks.acknowledge?.state).toBe('met')
    expect(clocks.resolution).toMatchObject({ state: 'stopped', stoppedBy: 'duplicate', stoppedAt: '2026-12-05T09:00:00.000Z' })
    expect(clocks['reporter-update']).toMatchObject({ state: 'stopped', stoppedBy: 'duplicate' })
  })

  it('the reporter-update clock stops when the report is disclosed', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-04T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
      { type: 'report.status_changed', at: '2026-12-05T09:00:00.000Z', data: { from: 'fixed', to: 'disclosed' } },
    ]
    const clocks = byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2027-06-01T00:00:00.000Z'))
    expect(clocks['reporter-update']).toMatchObject({ state: 'stopped', stoppedBy: 'disclosed' })
    expect(clocks.disclosure?.state).toBe('met')
    expect(clocks.resolution?.state).toBe('met')
  })

  it('ignores events after now, so the past can be recomputed', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-09T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
    ]
    expect(byName(computeClocks(kumi, { receivedAt: kumiReceived, events }, '2026-12-08T00:00:00.000Z')).acknowledge?.state).toBe('running')
  })
})

describe('the other presets', () => {
  it('healthIMIS: confirm within 1 business day, detailed response within 48 hours (German holidays)', () => {
    // Thursday 24 December 2026, 10:00 in Berlin; 25 and 26 December are public holidays.
    const clocks = computeClocks(healthimis, { receivedAt: '2026-12-24T09:00:00.000Z', events: [] }, '2026-12-24T09:00:00.000Z')
    expect(dueAts(clocks)).toEqual({ acknowledge: '2026-12-28T22:59:59.999Z', 'detailed-response': '2026-12-26T09:00:00.000Z' })
  })

  it('healthIMIS: high severity keeps the clocks but the override applies', () => {
    const clocks = computeClocks(
      healthimis,
      { receivedAt: '2026-12-24T09:00:00.000Z', severity: 'high', events: [] },
      '2026-12-24T09:00:00.000Z',
    )
    expect(clocks.map((c) => c.name)).toEqual(['acknowledge', 'detailed-response'])
  })

  it('Alkemio: 5 business days with evaluation, plan, workarounds and an expected resolution date (Dutch holidays)', () => {
    // Monday 27 April 2026 is King's Day. Received Friday 24 April 14:00 in Amsterdam.
    const received = '2026-04-24T12:00:00.000Z'
    const clocks = byName(computeClocks(alkemio, { receivedAt: received, events: [] }, received))
    expect(clocks['detailed-response']?.dueAt).toBe('2026-05-04T21:59:59.999Z') // 28, 29, 30 Apr, 1, 4 May
    const partial = [{ type: 'reply.sent', at: '2026-04-28T10:00:00.000Z', data: { detailed: true, evaluation: true, plan: true } }]
    expect(
      byName(computeClocks(alkemio, { receivedAt: received, events: partial }, '2026-04-28T11:00:00.000Z'))['detailed-response']?.state,
    ).toBe('running')
    const full = [
      {
        type: 'reply.sent',
        at: '2026-04-28T10:00:00.000Z',
        data: { detailed: true, evaluation: true, plan: true, workarounds: true, 'expected-resolution-date': true },
      },
    ]
    expect(
      byName(computeClocks(alkemio, { receivedAt: received, events: full }, '2026-04-28T11:00:00.000Z'))['detailed-response']?.state,
    ).toBe('met')
  })

  it('KhulnaSoft: 10 working days in a Sunday–Thursday week', () => {
    // Thursday 3 December 2026, 10:00 in Dhaka; 16 December is Victory Day.
    const clocks = computeClocks(khulnasoft, { receivedAt: '2026-12-03T04:00:00.000Z', events: [] }, '2026-12-03T04:00:00.000Z')
    // 6, 7, 8, 9, 10, 13, 14, 15, 17, 20 December
    expect(byName(clocks).acknowledge?.dueAt).toBe('2026-12-20T17:59:59.999Z')
  })

  it('Open Klant: "as soon as possible" starts no deadline', () => {
    expect(computeClocks(openKlant, { receivedAt: '2026-12-03T04:00:00.000Z', events: [] }, '2026-12-03T04:00:00.000Z')).toEqual([])
  })
})
