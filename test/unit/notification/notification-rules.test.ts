import { describe, expect, it } from 'vitest'
import { planBreachNotes } from '../../../src/domain/clock/breaches.js'
import type { Clock } from '../../../src/domain/clock/clocks.js'
import { type Member, type NotifiableEvent, notificationsFor } from '../../../src/domain/notification/notification-rules.js'

const admin: Member = { userId: 'ada', role: 'admin' }
const rita: Member = { userId: 'rita', role: 'responder' }
const rob: Member = { userId: 'rob', role: 'responder' }
const vic: Member = { userId: 'vic', role: 'viewer' }
const team = [admin, rita, rob, vic]

const event = (type: string, data: Record<string, unknown> = {}, actor: Partial<NotifiableEvent> = {}): NotifiableEvent => ({
  type,
  actorKind: 'system',
  actorId: null,
  data,
  ...actor,
})
const who = (drafts: { userId: string }[]) => drafts.map((d) => d.userId).sort()
const open = { assigneeId: null, sharedWith: 'security-team' as const }

describe('who hears of what', () => {
  it('tells every admin and responder of a new report, not viewers', () => {
    const drafts = notificationsFor(event('report.received', { channel: 'web', ref: 'ACME-2026-0001' }), open, team)
    expect(who(drafts)).toEqual(['ada', 'rita', 'rob'])
    expect(drafts.every((d) => d.kind === 'report-received')).toBe(true)
  })

  it('tells the holder of a reporter reply, or the working team when nobody holds the report', () => {
    expect(who(notificationsFor(event('reporter.replied', {}, { actorKind: 'reporter' }), { ...open, assigneeId: 'rita' }, team))).toEqual([
      'rita',
    ])
    expect(who(notificationsFor(event('reporter.replied', {}, { actorKind: 'reporter' }), open, team))).toEqual(['ada', 'rita', 'rob'])
  })

  it('falls back to the team when the holder is no longer a member', () => {
    expect(who(notificationsFor(event('reporter.replied'), { ...open, assigneeId: 'gone' }, team))).toEqual(['ada', 'rita', 'rob'])
  })

  it('turns the reminder at three quarters and the breach into clock notifications for the holder', () => {
    const held = { ...open, assigneeId: 'rob' }
    const warning = notificationsFor(
      event('escalation.sent', { key: 'remind:x', action: 'remind', clock: 'acknowledge', to: 'assignee' }),
      held,
      team,
    )
    expect(warning).toEqual([{ userId: 'rob', kind: 'clock-warning', clock: 'acknowledge' }])
    const breach = notificationsFor(event('clock.breached', { key: 'breached:x', clock: 'resolution' }), held, team)
    expect(breach).toEqual([{ userId: 'rob', kind: 'clock-breached', clock: 'resolution' }])
    // Other escalation actions (the chain's mail) are not a second notification.
    expect(
      notificationsFor(event('escalation.sent', { key: 'escalate:x:1', action: 'escalate', clock: 'acknowledge', to: 'team' }), held, team),
    ).toEqual([])
  })

  it('tells a member a report was given to them, but not when they took it themselves', () => {
    const given = event('report.assigned', { from: null, to: 'rob' }, { actorKind: 'user', actorId: 'ada' })
    expect(notificationsFor(given, { ...open, assigneeId: 'rob' }, team)).toEqual([{ userId: 'rob', kind: 'assigned', clock: null }])
    const self = event('report.assigned', { from: null, to: 'rob' }, { actorKind: 'user', actorId: 'rob' })
    expect(notificationsFor(self, { ...open, assigneeId: 'rob' }, team)).toEqual([])
    expect(notificationsFor(event('report.assigned', { from: 'rob', to: null }), open, team)).toEqual([])
  })

  it('never tells the member who acted', () => {
    expect(who(notificationsFor(event('report.received', {}, { actorKind: 'user', actorId: 'rita' }), open, team))).toEqual(['ada', 'rob'])
  })

  it('ignores everything else', () => {
    for (const type of ['report.read', 'note.added', 'reply.sent', 'report.claimed', 'token.used']) {
      expect(notificationsFor(event(type), open, team)).toEqual([])
    }
  })
})

describe('need to know (assigned-team)', () => {
  const unheld = { assigneeId: null, sharedWith: 'assigned-team' as const }
  const heldByRita = { assigneeId: 'rita', sharedWith: 'assigned-team' as const }

  it('tells only administrators of an unheld report: responders may not read it yet', () => {
    expect(who(notificationsFor(event('report.received'), unheld, team))).toEqual(['ada'])
    expect(who(notificationsFor(event('reporter.replied'), unheld, team))).toEqual(['ada'])
  })

  it('tells the holder and administrators of a held one, never another responder', () => {
    expect(who(notificationsFor(event('report.received'), heldByRita, team))).toEqual(['ada', 'rita'])
    expect(who(notificationsFor(event('clock.breached', { key: 'k', clock: 'acknowledge' }), heldByRita, team))).toEqual(['rita'])
  })

  it('does not tell a member of an assignment they no longer hold', () => {
    // Given to Rob, then handed on to Rita before the notification was made: Rob may not read it now.
    expect(notificationsFor(event('report.assigned', { from: null, to: 'rob' }), heldByRita, team)).toEqual([])
  })

  it('carries a kind and a clock only: nothing the reporter wrote', () => {
    for (const d of notificationsFor(event('report.received', { channel: 'web', ref: 'R-1' }), heldByRita, team)) {
      expect(Object.keys(d).sort()).toEqual(['clock', 'kind', 'userId'])
    }
  })
})

describe('breach notes', () => {
  const clock = (over: Partial<Clock>): Clock => ({
    name: 'acknowledge',
    target: { amount: 3, unit: 'business-days' },
    startedAt: '2026-12-01T08:00:00.000Z',
    dueAt: '2026-12-04T08:00:00.000Z',
    state: 'running',
    ...over,
  })

  it('wakes the instant after a running clock falls due, and records a breach once per clock and cycle', () => {
    expect(planBreachNotes([clock({})], [])).toEqual({ due: [], nextAt: '2026-12-04T08:00:00.001Z' })
    const breached = clock({ state: 'breached' })
    const first = planBreachNotes([breached], [])
    expect(first.due).toEqual([{ key: 'breached:acknowledge@2026-12-01T08:00:00.000Z', clock: 'acknowledge', dueAt: breached.dueAt }])
    const recorded = [{ type: 'clock.breached', at: '2026-12-04T08:01:00.000Z', data: { key: first.due[0]!.key, clock: 'acknowledge' } }]
    expect(planBreachNotes([breached], recorded).due).toEqual([])
    // A restarted clock (a new cycle) breaches anew.
    expect(planBreachNotes([clock({ state: 'breached', startedAt: '2026-12-05T08:00:00.000Z' })], recorded).due).toHaveLength(1)
  })

  it('leaves the reporter’s clocks and met, paused or stopped ones alone', () => {
    expect(
      planBreachNotes([clock({ name: 'disclosure', state: 'breached' }), clock({ name: 'escalation-allowed', state: 'breached' })], []).due,
    ).toEqual([])
    expect(planBreachNotes([clock({ state: 'met' }), clock({ state: 'paused' }), clock({ state: 'stopped' })], [])).toEqual({ due: [] })
  })
})
