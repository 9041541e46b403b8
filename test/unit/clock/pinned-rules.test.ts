/**
 * The clock and escalation rules that mutation testing found unpinned (issue 17): each test is a
 * behaviour a reporter or a team would notice, asserted on due dates, states, keys and recipients.
 * The policy is Kumi's with a plain UTC Monday–Friday calendar so every date can be checked by hand.
 */
import { describe, expect, it } from 'vitest'
import { businessCalendar, ClockUncomputable } from '../../../src/domain/clock/business-calendar.js'
import { type Clock, type ClockEvent, computeClockSet, computeClocks, effectiveTargets } from '../../../src/domain/clock/clocks.js'
import { planEscalation } from '../../../src/domain/clock/escalation.js'
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
