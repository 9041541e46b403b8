import { describe, expect, it } from 'vitest'
import { type ClockEvent, computeClocks } from '../../../src/domain/clock/clocks.js'
import { planEscalation } from '../../../src/domain/clock/escalation.js'
import type { Severity } from '../../../src/domain/policy/schema.js'
import { loadPreset } from '../policy/presets.js'

const kumi = loadPreset('kumi-systems')
const healthimis = loadPreset('healthimis')
const received = '2026-12-04T14:30:00.000Z' // Friday 15:30 in Vienna

const plan = (policy = kumi, now: string, events: ClockEvent[] = [], severity?: Severity) => {
  const report = { receivedAt: received, events, severity }
  return planEscalation(policy, report, computeClocks(policy, report, now), now)
}

describe('planEscalation (Kumi)', () => {
  it('has nothing due at receipt and says when to look again: the acknowledge reminder', () => {
    // acknowledge window: 4 Dec 14:30Z → 10 Dec 22:59:59.999Z; 75% of it
    expect(plan(kumi, received)).toEqual({ due: [], nextAt: '2026-12-09T08:52:29.999Z' })
  })

  it('reminds the assignee at 75% of the window, once', () => {
    const now = '2026-12-09T09:00:00.000Z'
    const first = plan(kumi, now)
    expect(first.due).toEqual([
      {
        kind: 'remind',
        clock: 'acknowledge',
        to: { kind: 'assignee' },
        key: `remind:acknowledge@${received}`,
        dueAt: '2026-12-09T08:52:29.999Z',
      },
    ])
    const sent: ClockEvent[] = [{ type: 'escalation.sent', at: now, data: { key: `remind:acknowledge@${received}` } }]
    expect(plan(kumi, now, sent).due).toEqual([])
  })

  it('on breach walks the chain in order: assignee, then the team a business day later, then the CEO', () => {
    const afterBreach = plan(kumi, '2026-12-11T08:00:00.000Z')
    expect(afterBreach.due.filter((a) => a.kind === 'escalate').map((a) => [a.kind === 'escalate' && a.step, a.dueAt])).toEqual([
      [1, '2026-12-10T22:59:59.999Z'],
    ])
    const later = plan(kumi, '2026-12-15T08:00:00.000Z').due.filter((a) => a.kind === 'escalate' && a.clock === 'acknowledge')
    expect(later.map((a) => (a.kind === 'escalate' ? [a.to, a.dueAt] : []))).toEqual([
      [{ kind: 'assignee' }, '2026-12-10T22:59:59.999Z'],
      [{ kind: 'team' }, '2026-12-11T22:59:59.999Z'],
      [{ kind: 'contact', contactId: 'ceo' }, '2026-12-14T22:59:59.999Z'],
    ])
  })

  it('offers the reporter the chain after 7 business days without a reply', () => {
    const due = plan(kumi, '2026-12-17T08:00:00.000Z').due
    expect(due.find((a) => a.kind === 'offer-escalation')).toMatchObject({ dueAt: '2026-12-16T22:59:59.999Z' })
  })

  it('sends the final update and frees the reporter to disclose after 90 days', () => {
    const events: ClockEvent[] = [{ type: 'reply.sent', at: '2026-12-07T09:00:00.000Z', data: { detailed: true, 'next-steps': true } }]
    const due = plan(kumi, '2027-03-05T00:00:00.000Z', events).due.map((a) => a.kind)
    expect(due).toContain('final-update')
    expect(due).toContain('reporter-may-disclose')
  })

  it('says nothing for a met clock', () => {
    const events: ClockEvent[] = [
      { type: 'report.status_changed', at: '2026-12-07T09:00:00.000Z', data: { from: 'new', to: 'acknowledged' } },
    ]
    expect(plan(kumi, '2026-12-09T08:00:00.000Z', events).due).toEqual([])
  })
})

describe('planEscalation (healthIMIS)', () => {
  it('alerts the whole team at once for a high-severity report', () => {
    expect(plan(healthimis, received, [], 'high').due).toEqual([
      { kind: 'alert-team', reason: 'severity', key: 'alert-team:severity', dueAt: received },
    ])
    expect(plan(healthimis, received, [], 'low').due).toEqual([])
  })
})
