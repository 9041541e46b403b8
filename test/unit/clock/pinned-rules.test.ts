/**
 * The clock and escalation rules that mutation testing found unpinned (issue 17): each test is a
 * behaviour a reporter or a team would notice, asserted on due dates, states, keys and recipients.
 * The policy is Kumi's with a plain UTC Monday–Friday calendar so every date can be checked by hand.
 */
import { describe, expect, it } from 'vitest'
import { businessCalendar, ClockUncomputable, maxBusinessDaySpan } from '../../../src/domain/clock/business-calendar.js'
import { type Clock, type ClockEvent, computeClockSet, computeClocks, effectiveTargets, nextDue } from '../../../src/domain/clock/clocks.js'
import { planEscalation } from '../../../src/domain/clock/escalation.js'
import { durationLimits } from '../../../src/domain/policy/durations.js'
import type { Policy, Severity } from '../../../src/domain/policy/schema.js'
import { loadPreset } from '../policy/presets.js'

const kumi = loadPreset('kumi-systems')

/** Kumi's clocks and chain on a UTC Monday–Friday calendar without holidays. */
const plain: Policy = {
  ...kumi,
  calendar: { timeZone: 'UTC' },
  clocks: {
    acknowledge: '3 business days',
    detailedResponse: '48 hours',
    reporterUpdate: '5 days',
    resolution: '10 days',
    disclosure: '20 days',
    reporterMayEscalateAfter: '7 business days',
  },
  responses: { detailed: ['next-steps'] },
  escalation: { chain: [{ notify: 'assignee' }, { notify: 'team', after: '1 business day' }, { notify: 'contact', contact: 'ceo' }] },
}

/** Monday 7 December 2026, 10:00 UTC. */
const received = '2026-12-07T10:00:00.000Z'
const status = (to: string, at: string): ClockEvent => ({ type: 'report.status_changed', at, data: { from: 'triaged', to } })

function clocksAt(now: string, events: ClockEvent[] = [], severity?: Severity, policy: Policy = plain): Record<string, Clock> {
  return Object.fromEntries(computeClocks(policy, { receivedAt: received, events, severity }, now).map((c) => [c.name, c]))
}

describe('per-severity clock overrides', () => {
  const withOverrides: Policy = {
    ...plain,
    clocks: {
      ...plain.clocks,
      bySeverity: [
        { severity: ['critical'], clocks: { acknowledge: '1 business day' } },
        { severity: ['high', 'critical'], clocks: { acknowledge: '2 business days', resolution: '5 days' } },
      ],
    },
  }

  it('a report without a severity, or one no override names, keeps the default deadlines', () => {
    for (const severity of [undefined, 'low'] as const) {
      const clocks = clocksAt(received, [], severity, withOverrides)
      expect(clocks.acknowledge?.dueAt).toBe('2026-12-10T23:59:59.999Z') // Tue 8, Wed 9, Thu 10
      expect(clocks.resolution?.dueAt).toBe('2026-12-17T10:00:00.000Z')
    }
  })

  it('a high report gets the override deadlines; a critical one the later of two matching overrides', () => {
    expect(clocksAt(received, [], 'high', withOverrides).acknowledge?.dueAt).toBe('2026-12-09T23:59:59.999Z')
    expect(clocksAt(received, [], 'high', withOverrides).resolution?.dueAt).toBe('2026-12-12T10:00:00.000Z')
    // Both overrides name critical; the later one in the file wins.
    expect(effectiveTargets(withOverrides, 'critical').acknowledge).toEqual({ amount: 2, unit: 'business-days' })
    expect(clocksAt(received, [], 'critical', withOverrides).acknowledge?.dueAt).toBe('2026-12-09T23:59:59.999Z')
  })

  it('a policy without overrides gives every severity the default deadlines', () => {
    for (const severity of ['critical', 'low'] as const)
      expect(clocksAt(received, [], severity).acknowledge?.dueAt).toBe('2026-12-10T23:59:59.999Z')
  })

  it('an override that does not mention a clock leaves that clock at the default', () => {
    expect(clocksAt(received, [], 'high', withOverrides)['detailed-response']?.dueAt).toBe('2026-12-09T10:00:00.000Z')
  })
})

describe('what meets a clock', () => {
  it('acknowledge: not met by a claim, a severity, a label or a note; met by a status change away from new', () => {
    const noise: ClockEvent[] = [
      { type: 'report.claimed', at: '2026-12-07T11:00:00.000Z' },
      { type: 'report.severity_set', at: '2026-12-07T11:01:00.000Z', data: { to: 'high' } },
      { type: 'report.labels_set', at: '2026-12-07T11:02:00.000Z' },
      { type: 'note.added', at: '2026-12-07T11:03:00.000Z' },
      { type: 'reporter.replied', at: '2026-12-07T11:04:00.000Z' },
    ]
    expect(clocksAt('2026-12-08T00:00:00.000Z', noise).acknowledge?.state).toBe('running')
    const acknowledged = clocksAt('2026-12-08T00:00:00.000Z', [...noise, status('acknowledged', '2026-12-07T12:00:00.000Z')])
    expect(acknowledged.acknowledge).toMatchObject({ state: 'met', metAt: '2026-12-07T12:00:00.000Z' })
  })

  it('acknowledge: a first reply to the reporter meets it too', () => {
    const events: ClockEvent[] = [{ type: 'reply.sent', at: '2026-12-08T09:00:00.000Z', data: {} }]
    expect(clocksAt('2026-12-08T10:00:00.000Z', events).acknowledge).toMatchObject({ state: 'met', metAt: '2026-12-08T09:00:00.000Z' })
  })

  it('detailed response: an ordinary reply does not meet it, nor does one not marked detailed; a detailed one with next steps does', () => {
    const now = '2026-12-08T12:00:00.000Z'
    const plainReply: ClockEvent = { type: 'reply.sent', at: '2026-12-07T12:00:00.000Z', data: { 'next-steps': true } }
    expect(clocksAt(now, [plainReply])['detailed-response']?.state).toBe('running')
    const markedAsText: ClockEvent = { type: 'reply.sent', at: '2026-12-07T13:00:00.000Z', data: { detailed: 'true', 'next-steps': true } }
    expect(clocksAt(now, [markedAsText])['detailed-response']?.state).toBe('running')
    const detailed: ClockEvent = { type: 'reply.sent', at: '2026-12-08T08:00:00.000Z', data: { detailed: true, 'next-steps': true } }
    expect(clocksAt(now, [plainReply, detailed])['detailed-response']).toMatchObject({ state: 'met', metAt: '2026-12-08T08:00:00.000Z' })
  })

  it('escalation-allowed: only a reply to the reporter meets it, not a status change', () => {
    const now = '2026-12-09T00:00:00.000Z'
    expect(clocksAt(now, [status('acknowledged', '2026-12-07T12:00:00.000Z')])['escalation-allowed']?.state).toBe('running')
    const replied: ClockEvent[] = [{ type: 'reply.sent', at: '2026-12-08T12:00:00.000Z', data: {} }]
    expect(clocksAt(now, replied)['escalation-allowed']).toMatchObject({ state: 'met', metAt: '2026-12-08T12:00:00.000Z' })
  })

  it('resolution: met by fixed or disclosed, not by acknowledged or triaged', () => {
    const now = '2026-12-10T00:00:00.000Z'
    for (const to of ['acknowledged', 'triaged'])
      expect(clocksAt(now, [status(to, '2026-12-08T10:00:00.000Z')]).resolution?.state).toBe('running')
    for (const to of ['fixed', 'disclosed']) {
      expect(clocksAt(now, [status(to, '2026-12-08T10:00:00.000Z')]).resolution).toMatchObject({
        state: 'met',
        metAt: '2026-12-08T10:00:00.000Z',
      })
    }
  })

  it('disclosure: met by disclosed or a published advisory, not by fixed', () => {
    const now = '2026-12-10T00:00:00.000Z'
    expect(clocksAt(now, [status('fixed', '2026-12-08T10:00:00.000Z')]).disclosure?.state).toBe('running')
    expect(clocksAt(now, [status('disclosed', '2026-12-08T10:00:00.000Z')]).disclosure).toMatchObject({ state: 'met' })
    const advisory: ClockEvent = { type: 'advisory.published', at: '2026-12-09T10:00:00.000Z' }
    expect(clocksAt(now, [advisory]).disclosure).toMatchObject({ state: 'met', metAt: '2026-12-09T10:00:00.000Z' })
  })

  it('the reporter-update cadence restarts at the latest reply, not the first', () => {
    const events: ClockEvent[] = [
      status('acknowledged', '2026-12-07T12:00:00.000Z'),
      { type: 'reply.sent', at: '2026-12-08T09:00:00.000Z', data: {} },
      { type: 'reply.sent', at: '2026-12-09T09:00:00.000Z', data: {} },
    ]
    expect(clocksAt('2026-12-09T10:00:00.000Z', events)['reporter-update']).toMatchObject({
      startedAt: '2026-12-09T09:00:00.000Z',
      dueAt: '2026-12-14T09:00:00.000Z',
    })
  })
})

describe('the exact boundaries', () => {
  const due = '2026-12-10T23:59:59.999Z'

  it('at the very millisecond a clock falls due it is still running; one millisecond later it is breached', () => {
    expect(clocksAt(due).acknowledge?.state).toBe('running')
    expect(clocksAt('2026-12-11T00:00:00.000Z').acknowledge?.state).toBe('breached')
  })

  it('met exactly at the due time is on time; a millisecond later is late; early is not late', () => {
    expect(clocksAt('2026-12-12T00:00:00.000Z', [status('acknowledged', due)]).acknowledge?.late).toBeUndefined()
    expect(clocksAt('2026-12-12T00:00:00.000Z', [status('acknowledged', '2026-12-11T00:00:00.000Z')]).acknowledge).toMatchObject({
      state: 'met',
      late: true,
    })
    expect(clocksAt('2026-12-12T00:00:00.000Z', [status('acknowledged', '2026-12-08T00:00:00.000Z')]).acknowledge?.late).toBeUndefined()
  })

  it('a running business-day clock says how many working days are left after today', () => {
    expect(clocksAt(received).acknowledge?.businessDaysLeft).toBe(3)
    expect(clocksAt('2026-12-10T08:00:00.000Z').acknowledge?.businessDaysLeft).toBe(0)
    expect(clocksAt(received).resolution?.businessDaysLeft).toBeUndefined()
  })
})

describe('waiting on the reporter', () => {
  const waiting = (from: string): ClockEvent => ({ type: 'report.waiting_on_reporter', at: from })
  const replied = (at: string): ClockEvent => ({ type: 'reporter.replied', at })

  it('pushes an hour clock back by exactly the time waited', () => {
    // detailed response: 48 hours → Wed 9 Dec 10:00; six hours waited on Tuesday.
    const events = [waiting('2026-12-08T10:00:00.000Z'), replied('2026-12-08T16:00:00.000Z')]
    expect(clocksAt('2026-12-08T17:00:00.000Z', events)['detailed-response']?.dueAt).toBe('2026-12-09T16:00:00.000Z')
  })

  it('a pause that starts after the due date, or lasts no time at all, moves nothing', () => {
    const late = [waiting('2026-12-18T10:00:00.000Z'), replied('2026-12-20T10:00:00.000Z')]
    expect(clocksAt('2026-12-21T00:00:00.000Z', late).resolution).toMatchObject({ state: 'breached', dueAt: '2026-12-17T10:00:00.000Z' })
    const instant = [waiting('2026-12-08T10:00:00.000Z'), replied('2026-12-08T10:00:00.000Z')]
    expect(clocksAt('2026-12-08T12:00:00.000Z', instant)['detailed-response']?.dueAt).toBe('2026-12-09T10:00:00.000Z')
  })

  it('only the reporter resumes paused clocks: a team reply or a note does not', () => {
    const events: ClockEvent[] = [
      waiting('2026-12-08T10:00:00.000Z'),
      { type: 'reply.sent', at: '2026-12-08T11:00:00.000Z', data: {} },
      { type: 'note.added', at: '2026-12-08T12:00:00.000Z' },
    ]
    const clocks = clocksAt('2026-12-08T13:00:00.000Z', events)
    expect(clocks['detailed-response']?.state).toBe('paused')
    expect(clocks.resolution?.state).toBe('paused')
    // Promises about the first answer and the reporter's own rights never pause.
    expect(clocks.disclosure?.state).toBe('running')
    const resumed = clocksAt('2026-12-08T15:00:00.000Z', [...events, replied('2026-12-08T14:00:00.000Z')])
    expect(resumed['detailed-response']).toMatchObject({ state: 'running', dueAt: '2026-12-09T14:00:00.000Z' })
  })

  it('a business-day clock waits whole working days: a pause from Monday midnight to Wednesday midnight adds two', () => {
    const bizPolicy: Policy = { ...plain, clocks: { ...plain.clocks, resolution: '10 business days' } }
    const base = clocksAt(received, [], undefined, bizPolicy).resolution?.dueAt
    expect(base).toBe('2026-12-21T23:59:59.999Z') // Tue 8 … Mon 21
    const events = [waiting('2026-12-08T00:00:00.000Z'), replied('2026-12-10T00:00:00.000Z')]
    expect(clocksAt('2026-12-10T01:00:00.000Z', events, undefined, bizPolicy).resolution?.dueAt).toBe('2026-12-23T23:59:59.999Z')
  })
})

describe('calendars', () => {
  it('a calendar with no working day cannot place a business-day deadline: the clock is shown as an error, never thrown', () => {
    const cal = businessCalendar({ timeZone: 'UTC', workingDays: [] })
    expect(() => cal.addBusinessDays(Date.parse(received), 1)).toThrow(ClockUncomputable)
    try {
      cal.addBusinessDays(Date.parse(received), 1)
    } catch (error) {
      expect((error as ClockUncomputable).reason).toBe('no-working-day')
    }
    const closedPolicy = { ...plain, calendar: { timeZone: 'UTC', workingDays: [] } } as unknown as Policy
    const { clocks, errors } = computeClockSet(closedPolicy, { receivedAt: received, events: [] }, received)
    expect(errors.map((e) => [e.name, e.reason])).toEqual([
      ['acknowledge', 'no-working-day'],
      ['escalation-allowed', 'no-working-day'],
    ])
    expect(clocks.map((c) => c.name)).toEqual(['detailed-response', 'resolution', 'disclosure'])
  })

  it('a public holiday lasting several days closes each of them (Chuseok in Korea, 14–16 September 2027)', () => {
    const korea: Policy = { ...plain, calendar: { timeZone: 'Asia/Seoul', holidays: { country: 'KR' } } }
    // Monday 13 September 2027, 10:00 in Seoul; one business day later skips Tue, Wed and Thu.
    const clocks = computeClocks(
      { ...korea, clocks: { acknowledge: '1 business day' } },
      { receivedAt: '2027-09-13T01:00:00.000Z', events: [] },
      '2027-09-13T01:00:00.000Z',
    )
    expect(clocks[0]?.dueAt).toBe('2027-09-17T14:59:59.999Z')
  })

  it('a day-counted deadline keeps its wall-clock time across a DST change, taking the later instant when that time is skipped', () => {
    const vienna: Policy = { ...plain, calendar: { timeZone: 'Europe/Vienna' }, clocks: { resolution: '1 days' } }
    // Saturday 27 March 2027, 02:30 in Vienna (CET); 02:30 on Sunday does not exist (clocks jump to 03:00).
    const skipped = computeClocks(vienna, { receivedAt: '2027-03-27T01:30:00.000Z', events: [] }, '2027-03-27T01:30:00.000Z')
    expect(skipped[0]?.dueAt).toBe('2027-03-28T01:30:00.000Z') // 03:30 CEST
    // Saturday 30 October 2027, 02:30 CEST; 02:30 on Sunday happens twice: the first one counts.
    const repeated = computeClocks(vienna, { receivedAt: '2027-10-30T00:30:00.000Z', events: [] }, '2027-10-30T00:30:00.000Z')
    expect(repeated[0]?.dueAt).toBe('2027-10-31T00:30:00.000Z') // 02:30 CEST, not 02:30 CET an hour later
  })
})

describe('escalation', () => {
  const plan = (now: string, events: ClockEvent[] = []) => {
    const report = { receivedAt: received, events }
    return planEscalation(plain, report, computeClocks(plain, report, now), now)
  }

  it('each step of the chain has its own exactly-once key, so sending one never suppresses the next', () => {
    const now = '2026-12-15T12:00:00.000Z'
    const steps = plan(now).due.filter((a) => a.kind === 'escalate' && a.clock === 'acknowledge')
    expect(steps.map((a) => a.key)).toEqual([
      `escalate:acknowledge@${received}:1`,
      `escalate:acknowledge@${received}:2`,
      `escalate:acknowledge@${received}:3`,
    ])
    const firstSent: ClockEvent[] = [{ type: 'escalation.sent', at: now, data: { key: `escalate:acknowledge@${received}:1` } }]
    const rest = plan(now, firstSent).due.filter((a) => a.kind === 'escalate' && a.clock === 'acknowledge')
    expect(rest.map((a) => (a.kind === 'escalate' ? [a.step, a.to] : []))).toEqual([
      [2, { kind: 'team' }],
      [3, { kind: 'contact', contactId: 'ceo' }],
    ])
  })

  it('an event that is not an escalation record, even with the same key, does not count as sent', () => {
    const key = `escalate:acknowledge@${received}:1`
    const now = '2026-12-11T12:00:00.000Z'
    const noted: ClockEvent[] = [{ type: 'note.added', at: now, data: { key } }]
    expect(plan(now, noted).due.map((a) => a.key)).toContain(key)
  })

  it('lists what is due oldest first, across clocks', () => {
    const due = plan('2026-12-15T12:00:00.000Z').due.map((a) => a.dueAt)
    expect(due.length).toBeGreaterThan(3)
    expect(due).toEqual([...due].sort())
    // The detailed-response clock (48 hours) falls due before the acknowledge clock it is listed after.
    const keys = plan('2026-12-15T12:00:00.000Z').due.map((a) => a.key)
    expect(keys.indexOf(`escalate:detailed-response@${received}:1`)).toBeLessThan(keys.indexOf(`escalate:acknowledge@${received}:1`))
  })

  it("reminds at the policy's own fraction of the window", () => {
    const early: Policy = { ...plain, escalation: { ...plain.escalation, chain: plain.escalation?.chain ?? [], remindAt: 0.5 } }
    const report = { receivedAt: received, events: [] }
    const next = planEscalation(early, report, computeClocks(early, report, received), received).nextAt
    // detailed response: 48 hours from Monday 10:00, half of it is Tuesday 10:00.
    expect(next).toBe('2026-12-08T10:00:00.000Z')
  })

  it('a met or paused clock neither reminds nor escalates', () => {
    const events: ClockEvent[] = [
      status('acknowledged', '2026-12-07T12:00:00.000Z'),
      { type: 'report.waiting_on_reporter', at: '2026-12-07T12:00:00.000Z' },
    ]
    const due = plan('2026-12-15T12:00:00.000Z', events).due
    expect(due.filter((a) => a.kind === 'remind' || a.kind === 'escalate')).toEqual([])
  })
})

const reply = (at: string, data: ClockEvent['data'] = {}): ClockEvent => ({ type: 'reply.sent', at, data })
const waitingFrom = (at: string): ClockEvent => ({ type: 'report.waiting_on_reporter', at })
const reporterReplied = (at: string): ClockEvent => ({ type: 'reporter.replied', at })

describe('the timeline the clocks read', () => {
  it('an event later than now does not count yet; one at exactly now does', () => {
    const ack = status('acknowledged', '2026-12-08T09:00:00.000Z')
    expect(clocksAt('2026-12-08T08:59:59.999Z', [ack]).acknowledge?.state).toBe('running')
    expect(clocksAt('2026-12-08T09:00:00.000Z', [ack]).acknowledge).toMatchObject({ state: 'met', metAt: '2026-12-08T09:00:00.000Z' })
  })

  it('events stored out of order are read oldest first: the earliest acknowledgment counts', () => {
    const events = [reply('2026-12-09T09:00:00.000Z'), status('acknowledged', '2026-12-08T09:00:00.000Z')]
    expect(clocksAt('2026-12-10T00:00:00.000Z', events).acknowledge?.metAt).toBe('2026-12-08T09:00:00.000Z')
  })

  it('a status change without a new status, or back to new, does not acknowledge the report', () => {
    const bare: ClockEvent = { type: 'report.status_changed', at: '2026-12-08T09:00:00.000Z' }
    expect(clocksAt('2026-12-08T10:00:00.000Z', [bare]).acknowledge?.state).toBe('running')
    expect(clocksAt('2026-12-08T10:00:00.000Z', [status('new', '2026-12-08T09:00:00.000Z')]).acknowledge?.state).toBe('running')
  })

  it('only a reply meets the detailed response: an internal note carrying the same flags does not', () => {
    const note: ClockEvent = { type: 'note.added', at: '2026-12-08T08:00:00.000Z', data: { detailed: true, 'next-steps': true } }
    expect(clocksAt('2026-12-08T12:00:00.000Z', [note])['detailed-response']?.state).toBe('running')
  })

  it('a policy that lists no required content is met by any reply marked detailed', () => {
    const { responses: _ignored, ...noResponses } = plain
    const detailed = reply('2026-12-08T08:00:00.000Z', { detailed: true })
    expect(clocksAt('2026-12-08T12:00:00.000Z', [detailed], undefined, noResponses)['detailed-response']).toMatchObject({
      state: 'met',
      metAt: '2026-12-08T08:00:00.000Z',
    })
  })

  it('the reporter-update cadence restarts at replies only, not at notes or status changes', () => {
    const events: ClockEvent[] = [
      status('acknowledged', '2026-12-07T12:00:00.000Z'),
      reply('2026-12-08T09:00:00.000Z'),
      { type: 'note.added', at: '2026-12-08T15:00:00.000Z' },
      status('triaged', '2026-12-08T16:00:00.000Z'),
    ]
    expect(clocksAt('2026-12-08T17:00:00.000Z', events)['reporter-update']).toMatchObject({
      startedAt: '2026-12-08T09:00:00.000Z',
      dueAt: '2026-12-13T09:00:00.000Z',
    })
  })
})

describe('what stops a clock', () => {
  const acked = status('acknowledged', '2026-12-07T12:00:00.000Z')

  it('a published advisory stops reporter updates: a disclosed report owes no more progress updates', () => {
    const events: ClockEvent[] = [acked, { type: 'advisory.published', at: '2026-12-09T10:00:00.000Z' }]
    expect(clocksAt('2026-12-10T00:00:00.000Z', events)['reporter-update']).toMatchObject({
      state: 'stopped',
      stoppedBy: 'disclosed',
      stoppedAt: '2026-12-09T10:00:00.000Z',
    })
  })

  it('reporter updates stop at whichever came first, disclosure or closing', () => {
    const disclosedFirst = [acked, status('disclosed', '2026-12-09T10:00:00.000Z'), status('closed', '2026-12-10T10:00:00.000Z')]
    expect(clocksAt('2026-12-11T00:00:00.000Z', disclosedFirst)['reporter-update']).toMatchObject({
      stoppedBy: 'disclosed',
      stoppedAt: '2026-12-09T10:00:00.000Z',
    })
    const closedFirst: ClockEvent[] = [
      acked,
      status('closed', '2026-12-09T10:00:00.000Z'),
      { type: 'advisory.published', at: '2026-12-10T10:00:00.000Z' },
    ]
    expect(clocksAt('2026-12-11T00:00:00.000Z', closedFirst)['reporter-update']).toMatchObject({
      stoppedBy: 'closed',
      stoppedAt: '2026-12-09T10:00:00.000Z',
    })
  })

  it('a reply after the report was closed does not restart its reporter-update clock; one at the same instant does', () => {
    const after = [
      acked,
      reply('2026-12-08T09:00:00.000Z'),
      status('closed', '2026-12-09T10:00:00.000Z'),
      reply('2026-12-10T09:00:00.000Z'),
    ]
    expect(clocksAt('2026-12-11T00:00:00.000Z', after)['reporter-update']).toMatchObject({
      state: 'stopped',
      startedAt: '2026-12-08T09:00:00.000Z',
    })
    const same = [acked, reply('2026-12-09T10:00:00.000Z'), status('closed', '2026-12-09T10:00:00.000Z')]
    expect(clocksAt('2026-12-11T00:00:00.000Z', same)['reporter-update']?.startedAt).toBe('2026-12-09T10:00:00.000Z')
  })

  it('a clock stopped by a rejection stays stopped, even when a reply follows', () => {
    const events = [status('rejected', '2026-12-08T09:00:00.000Z'), reply('2026-12-08T10:00:00.000Z')]
    expect(clocksAt('2026-12-09T00:00:00.000Z', events).acknowledge).toMatchObject({
      state: 'stopped',
      stoppedBy: 'rejected',
      stoppedAt: '2026-12-08T09:00:00.000Z',
    })
  })

  it('closing a report meets its resolution and disclosure clocks at that moment', () => {
    const clocks = clocksAt('2026-12-09T00:00:00.000Z', [status('closed', '2026-12-08T10:00:00.000Z')])
    expect(clocks.resolution).toMatchObject({ state: 'met', metAt: '2026-12-08T10:00:00.000Z' })
    expect(clocks.disclosure).toMatchObject({ state: 'met', metAt: '2026-12-08T10:00:00.000Z' })
  })
})

describe('pauses and due dates', () => {
  it('waiting on the reporter after a clock was met does not move its due date', () => {
    const events = [
      reply('2026-12-08T09:00:00.000Z', { detailed: true, 'next-steps': true }),
      waitingFrom('2026-12-08T10:00:00.000Z'),
      reporterReplied('2026-12-08T12:00:00.000Z'),
    ]
    expect(clocksAt('2026-12-08T13:00:00.000Z', events)['detailed-response']).toMatchObject({
      state: 'met',
      dueAt: '2026-12-09T10:00:00.000Z',
    })
  })

  it('a pause starting at the very millisecond a clock falls due does not push it back', () => {
    const events = [waitingFrom('2026-12-09T10:00:00.000Z'), reporterReplied('2026-12-09T12:00:00.000Z')]
    expect(clocksAt('2026-12-09T13:00:00.000Z', events)['detailed-response']).toMatchObject({
      state: 'breached',
      dueAt: '2026-12-09T10:00:00.000Z',
    })
  })

  it('a pause that ended before the reporter-update cadence restarted does not shorten the new cycle', () => {
    const events = [
      status('acknowledged', '2026-12-07T12:00:00.000Z'),
      waitingFrom('2026-12-08T09:00:00.000Z'),
      reporterReplied('2026-12-08T10:00:00.000Z'),
      reply('2026-12-08T11:00:00.000Z'),
    ]
    expect(clocksAt('2026-12-08T12:00:00.000Z', events)['reporter-update']).toMatchObject({
      startedAt: '2026-12-08T11:00:00.000Z',
      dueAt: '2026-12-13T11:00:00.000Z',
    })
  })
})

describe('clock errors and the next deadline', () => {
  it('a clock the calendar cannot place is shown as an error with its promise and start', () => {
    const closedPolicy = { ...plain, calendar: { timeZone: 'UTC', workingDays: [] } } as unknown as Policy
    const { errors } = computeClockSet(closedPolicy, { receivedAt: received, events: [] }, received)
    expect(errors[0]).toEqual({
      name: 'acknowledge',
      target: { amount: 3, unit: 'business-days' },
      startedAt: received,
      state: 'error',
      reason: 'no-working-day',
    })
  })

  it('any other failure is not hidden as a clock error: an unknown time zone throws', () => {
    const nowhere = { ...plain, calendar: { timeZone: 'Mars/Olympus_Mons' } } as unknown as Policy
    expect(() => computeClockSet(nowhere, { receivedAt: received, events: [] }, received)).toThrow(RangeError)
  })

  it('the next deadline is the earliest one, not the first clock listed', () => {
    // acknowledge (Thu 10 Dec, end of day) is listed first; the 48-hour detailed response falls due before it.
    expect(nextDue(computeClocks(plain, { receivedAt: received, events: [] }, received))).toBe('2026-12-09T10:00:00.000Z')
  })

  it('the next deadline the scheduler stores is the earliest running clock, never a met one', () => {
    const clocks = computeClocks(
      plain,
      { receivedAt: received, events: [reply('2026-12-07T12:00:00.000Z', { detailed: true, 'next-steps': true })] },
      '2026-12-08T00:00:00.000Z',
    )
    // detailed response (due Wed 9 Dec) is met; reporter update (5 days from the reply) is the earliest still running.
    expect(clocks.find((c) => c.name === 'detailed-response')).toMatchObject({ state: 'met', dueAt: '2026-12-09T10:00:00.000Z' })
    expect(nextDue(clocks)).toBe('2026-12-12T12:00:00.000Z')
  })
})

describe('what the calendar cannot place', () => {
  const utc = businessCalendar({ timeZone: 'UTC' })
  const start = Date.parse(received)
  const HOUR = 3_600_000
  const DAY = 24 * HOUR
  const failure = (place: () => unknown): ClockUncomputable | 'placed' => {
    try {
      place()
      return 'placed'
    } catch (error) {
      if (error instanceof ClockUncomputable) return error
      throw error
    }
  }
  const reason = (place: () => unknown) => {
    const f = failure(place)
    return f === 'placed' ? f : f.reason
  }

  it('business days: up to the policy limit plus twenty years of slack, then too long', () => {
    const most = durationLimits['business-days'] + maxBusinessDaySpan
    expect(reason(() => utc.addBusinessDays(start, Number.POSITIVE_INFINITY))).toBe('too-long')
    expect(reason(() => utc.addBusinessDays(start, most + 1))).toBe('too-long')
    // Asked for, but twenty years hold fewer working days than that.
    expect(reason(() => utc.addBusinessDays(start, most))).toBe('no-working-day')
  })

  it('calendar days and hours: the limit plus twenty years either way, never infinity', () => {
    const days = durationLimits['calendar-days'] + maxBusinessDaySpan
    expect(utc.addCalendarDays(start, days)).toBe(start + days * DAY)
    expect(utc.addCalendarDays(start, -days)).toBe(start - days * DAY)
    expect(reason(() => utc.addCalendarDays(start, days + 1))).toBe('too-long')
    expect(reason(() => utc.addCalendarDays(start, -days - 1))).toBe('too-long')
    expect(reason(() => utc.addCalendarDays(start, Number.POSITIVE_INFINITY))).toBe('too-long')
    const hours = durationLimits.hours + 24 * maxBusinessDaySpan
    expect(utc.addHours(start, hours)).toBe(start + hours * HOUR)
    expect(utc.addHours(start, -hours)).toBe(start - hours * HOUR)
    expect(reason(() => utc.addHours(start, hours + 1))).toBe('too-long')
    expect(reason(() => utc.addHours(start, -hours - 1))).toBe('too-long')
    expect(reason(() => utc.addHours(start, Number.NaN))).toBe('too-long')
  })

  it('a policy duration is placed up to its limit and refused beyond it', () => {
    expect(utc.addDuration(start, { amount: durationLimits.hours, unit: 'hours' })).toBe(start + durationLimits.hours * HOUR)
    expect(reason(() => utc.addDuration(start, { amount: durationLimits.hours + 1, unit: 'hours' }))).toBe('too-long')
    expect(reason(() => utc.addDuration(start, { amount: Number.NaN, unit: 'calendar-days' }))).toBe('too-long')
  })

  it('finds a working day exactly twenty years out, but not one day further', () => {
    const saturdays = businessCalendar({ timeZone: 'UTC', workingDays: ['sat'] })
    // Monday 7 December 2026 + 7,320 days is Saturday 22 December 2046, the 1,046th Saturday after it.
    expect(new Date(saturdays.addBusinessDays(start, 1046)).toISOString()).toBe('2046-12-22T23:59:59.999Z')
    expect(reason(() => saturdays.addBusinessDays(start, 1047))).toBe('no-working-day')
  })

  it('says in its message what it could not place, for whoever reads the log', () => {
    const messages = [
      failure(() => utc.addBusinessDays(start, Number.POSITIVE_INFINITY)),
      failure(() => utc.addCalendarDays(start, 1e9)),
      failure(() => utc.addHours(start, 1e9)),
      failure(() => utc.addDuration(start, { amount: 4000, unit: 'calendar-days' })),
      failure(() => businessCalendar({ timeZone: 'UTC', workingDays: [] }).addBusinessDays(start, 1)),
      failure(() => businessCalendar({ timeZone: 'UTC', workingDays: ['sat'] }).addBusinessDays(start, 1047)),
    ].map(String)
    expect(messages).toEqual([
      'ClockUncomputable: Infinity business days is longer than any clock may run',
      'ClockUncomputable: 1000000000 days is longer than any clock may run',
      'ClockUncomputable: 1000000000 hours is longer than any clock may run',
      'ClockUncomputable: 4000 calendar-days is over the limit of 3650',
      'ClockUncomputable: calendar in UTC has no working weekday',
      'ClockUncomputable: calendar in UTC has fewer than 1047 working days in the 7320 days after 2026-12-07',
    ])
  })

  it('counts no working days back in time, even across closures', () => {
    const closed = businessCalendar({ timeZone: 'UTC', closures: ['2026-12-24'] })
    expect(closed.workingDaysBetween({ year: 2026, month: 12, day: 30 }, { year: 2026, month: 12, day: 1 })).toBe(0)
    // Wed 2 … Thu 31 December: 22 weekdays, less Christmas Eve.
    expect(closed.workingDaysBetween({ year: 2026, month: 12, day: 1 }, { year: 2026, month: 12, day: 31 })).toBe(21)
  })

  it('a deadline counted across the new year skips holidays of both years, and only those (Incwala, Eswatini)', () => {
    const eswatini = businessCalendar({ timeZone: 'UTC', holidays: { country: 'SZ' } })
    const start = Date.parse('2025-12-26T10:00:00.000Z') // Friday 26 December 2025
    // The fifth day after it that the calendar itself calls working.
    const working: string[] = []
    for (let day = 27; working.length < 5; day++) {
      const date = new Date(Date.UTC(2025, 11, day))
      const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
      if (eswatini.isWorkingDay(civil)) working.push(date.toISOString().slice(0, 10))
    }
    expect(working).toEqual(['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'])
    expect(new Date(eswatini.addBusinessDays(start, 5)).toISOString()).toBe('2026-01-08T23:59:59.999Z')
  })

  it('tells a working instant from a weekend one in the organization’s zone', () => {
    const vienna = businessCalendar({ timeZone: 'Europe/Vienna' })
    expect(vienna.isWorkingDayAt(Date.parse('2026-12-11T21:30:00.000Z'))).toBe(true) // Friday 22:30 in Vienna
    expect(vienna.isWorkingDayAt(Date.parse('2026-12-11T23:30:00.000Z'))).toBe(false) // Saturday 00:30 in Vienna
  })

  it('a holiday running into the new year closes only the days its own year lists (Incwala, Eswatini)', () => {
    const eswatini = businessCalendar({ timeZone: 'UTC', holidays: { country: 'SZ' } })
    // Incwala runs from 28 December 2025 for six days; 2 January 2026 is a working day in 2026's list.
    expect(eswatini.isWorkingDay({ year: 2025, month: 12, day: 31 })).toBe(false)
    expect(eswatini.isWorkingDay({ year: 2026, month: 1, day: 1 })).toBe(false)
    expect(eswatini.isWorkingDay({ year: 2026, month: 1, day: 2 })).toBe(true)
    // Monday 29 December 2025: one business day later is the first day the calendar calls working.
    expect(new Date(eswatini.addBusinessDays(Date.parse('2025-12-29T10:00:00.000Z'), 1)).toISOString()).toBe('2026-01-02T23:59:59.999Z')
  })
})

describe('escalation actions', () => {
  const planFor = (policy: Policy, now: string, events: ClockEvent[] = [], severity?: Severity) => {
    const report = { receivedAt: received, events, severity }
    return planEscalation(policy, report, computeClocks(policy, report, now), now)
  }
  const sent = (key: string, at: string): ClockEvent => ({ type: 'escalation.sent', at, data: { key } })

  it('without an escalation chain a late clock only reminds, at the default three quarters', () => {
    const { escalation: _ignored, ...noChain } = plain
    const due = planFor(noChain, '2026-12-11T12:00:00.000Z').due
    expect(due.filter((a) => a.kind === 'escalate')).toEqual([])
    // detailed response: 48 hours from Monday 10:00, three quarters is Tuesday 22:00.
    expect(due.find((a) => a.kind === 'remind' && a.clock === 'detailed-response')?.dueAt).toBe('2026-12-08T22:00:00.000Z')
  })

  it('a clock due the moment it starts is escalated at once and never reminded', () => {
    const instant: Policy = { ...plain, clocks: { acknowledge: 'immediately' } }
    expect(planFor(instant, received).due.map((a) => [a.kind, a.dueAt])).toEqual([['escalate', received]])
  })

  it('steps without a wait: the first at the breach, each next one business day after the one before', () => {
    const defaults: Policy = { ...plain, escalation: { chain: [{ notify: 'assignee' }, { notify: 'team' }] } }
    const steps = planFor(defaults, '2026-12-14T12:00:00.000Z').due.filter((a) => a.kind === 'escalate' && a.clock === 'acknowledge')
    expect(steps.map((a) => a.dueAt)).toEqual(['2026-12-10T23:59:59.999Z', '2026-12-11T23:59:59.999Z'])
  })

  it('a step to follow "as soon as possible" is due with the step before it', () => {
    const asap: Policy = { ...plain, escalation: { chain: [{ notify: 'assignee' }, { notify: 'team', after: 'as soon as possible' }] } }
    const steps = planFor(asap, '2026-12-11T12:00:00.000Z').due.filter((a) => a.kind === 'escalate' && a.clock === 'acknowledge')
    expect(steps.map((a) => a.dueAt)).toEqual(['2026-12-10T23:59:59.999Z', '2026-12-10T23:59:59.999Z'])
  })

  it('a step the calendar cannot place never falls due, nor do the steps after it', () => {
    const closed = {
      ...plain,
      calendar: { timeZone: 'UTC', workingDays: [] },
      clocks: { detailedResponse: '48 hours' },
    } as unknown as Policy
    const steps = planFor(closed, '2026-12-20T12:00:00.000Z').due.filter((a) => a.kind === 'escalate')
    expect(steps.map((a) => (a.kind === 'escalate' ? [a.step, a.dueAt] : []))).toEqual([[1, '2026-12-09T10:00:00.000Z']])
  })

  it('an unknown time zone met while placing a step is not hidden: it throws', () => {
    const nowhere = {
      ...plain,
      calendar: { timeZone: 'Mars/Olympus_Mons' },
      clocks: { detailedResponse: '48 hours' },
    } as unknown as Policy
    expect(() => planFor(nowhere, '2026-12-20T12:00:00.000Z')).toThrow(RangeError)
  })

  it('offers the reporter the chain once the escalation clock is breached, once', () => {
    const offering: Policy = { ...plain, escalation: { chain: plain.escalation?.chain ?? [], reporterMayEscalate: true } }
    const now = '2026-12-17T12:00:00.000Z'
    const key = `offer-escalation:escalation-allowed@${received}`
    expect(planFor(offering, now).due.filter((a) => a.kind === 'offer-escalation')).toEqual([
      { kind: 'offer-escalation', clock: 'escalation-allowed', key, dueAt: '2026-12-16T23:59:59.999Z' },
    ])
    expect(planFor(offering, now, [sent(key, now)]).due.filter((a) => a.kind === 'offer-escalation')).toEqual([])
    expect(planFor(plain, now).due.filter((a) => a.kind === 'offer-escalation')).toEqual([])
  })

  it('sends the final update at the resolution deadline only when the policy promises one, once', () => {
    const promising: Policy = { ...plain, responses: { detailed: ['next-steps'], finalUpdateWhenUnresolved: true } }
    const now = '2026-12-17T12:00:00.000Z'
    const key = `final-update:resolution@${received}`
    expect(planFor(promising, now).due.filter((a) => a.kind === 'final-update')).toEqual([
      { kind: 'final-update', clock: 'resolution', key, dueAt: '2026-12-17T10:00:00.000Z' },
    ])
    expect(planFor(promising, now, [sent(key, now)]).due.filter((a) => a.kind === 'final-update')).toEqual([])
    expect(planFor(plain, now).due.filter((a) => a.kind === 'final-update')).toEqual([])
    const { responses: _ignored, ...noResponses } = plain
    expect(planFor(noResponses, now).due.filter((a) => a.kind === 'final-update')).toEqual([])
  })

  it('tells the reporter they may disclose once the disclosure deadline passes, only under after-deadline, once', () => {
    const now = '2026-12-28T12:00:00.000Z'
    const key = `reporter-may-disclose:disclosure@${received}`
    expect(planFor(plain, now).due.filter((a) => a.kind === 'reporter-may-disclose')).toEqual([
      { kind: 'reporter-may-disclose', clock: 'disclosure', key, dueAt: '2026-12-27T10:00:00.000Z' },
    ])
    expect(planFor(plain, now, [sent(key, now)]).due.filter((a) => a.kind === 'reporter-may-disclose')).toEqual([])
    const coordinated: Policy = { ...plain, disclosure: { ...plain.disclosure, reporterMayDisclose: 'coordinated' } }
    expect(planFor(coordinated, now).due.filter((a) => a.kind === 'reporter-may-disclose')).toEqual([])
    const { disclosure: _ignored, ...noDisclosure } = plain
    expect(planFor(noDisclosure, now).due.filter((a) => a.kind === 'reporter-may-disclose')).toEqual([])
  })

  it('alerts the whole team on receipt only for a severity whose override says so', () => {
    const alerting: Policy = {
      ...plain,
      clocks: {
        ...plain.clocks,
        bySeverity: [
          { severity: ['critical'], alert: 'team' },
          { severity: ['high'], clocks: { acknowledge: '2 business days' } },
        ],
      },
    }
    const alerts = (severity?: Severity) => planFor(alerting, received, [], severity).due.filter((a) => a.kind === 'alert-team')
    expect(alerts('critical')).toEqual([{ kind: 'alert-team', reason: 'severity', key: 'alert-team:severity', dueAt: received }])
    for (const severity of ['high', 'low', undefined] as const) expect(alerts(severity)).toEqual([])
  })

  it('an escalation record without a key suppresses nothing', () => {
    const now = '2026-12-11T12:00:00.000Z'
    const bare: ClockEvent = { type: 'escalation.sent', at: now }
    expect(planFor(plain, now, [bare]).due.map((a) => a.key)).toEqual(planFor(plain, now).due.map((a) => a.key))
  })

  it('an action due exactly now is due, and the scheduler is told when the next one falls due', () => {
    // detailed response reminder: three quarters of 48 hours from Monday 10:00; its first escalation, at the deadline, comes next.
    expect(planFor(plain, '2026-12-08T22:00:00.000Z')).toEqual({
      due: [
        {
          kind: 'remind',
          clock: 'detailed-response',
          to: { kind: 'assignee' },
          key: `remind:detailed-response@${received}`,
          dueAt: '2026-12-08T22:00:00.000Z',
        },
      ],
      nextAt: '2026-12-09T10:00:00.000Z',
    })
  })

  it('when nothing is left to do there is no next time to look', () => {
    const one: Policy = { ...plain, clocks: { acknowledge: '3 business days' } }
    expect(planFor(one, '2026-12-08T00:00:00.000Z', [status('acknowledged', '2026-12-07T12:00:00.000Z')])).toEqual({ due: [] })
  })
})
