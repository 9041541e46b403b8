/**
 * What a member finds in the inbox for each event: the kind shown ("the reporter replied"), no
 * entry for an event that names no clock, an entry for the member whose id an event by the
 * reporter or the system happens to carry, and the day a digest belongs to.
 */
import { describe, expect, it } from 'vitest'
import { digestDay, type Member, type NotifiableEvent, notificationsFor } from '../../../src/domain/notification/notification-rules.js'

const team: Member[] = [
  { userId: 'ada', role: 'admin' },
  { userId: 'rita', role: 'responder' },
]
const held = { assigneeId: 'rita', sharedWith: 'security-team' as const }
const event = (type: string, data: Record<string, unknown>, actor: Partial<NotifiableEvent> = {}): NotifiableEvent => ({
  type,
  actorKind: 'system',
  actorId: null,
  data,
  ...actor,
})

describe('what the inbox shows', () => {
  it('shows a reporter’s reply as such to the holder', () => {
    expect(notificationsFor(event('reporter.replied', {}, { actorKind: 'reporter', actorId: 'rep-1' }), held, team)).toEqual([
      { userId: 'rita', kind: 'reporter-replied', clock: null },
    ])
  })

  it('shows nothing for a reminder or a breach that names no clock', () => {
    expect(notificationsFor(event('escalation.sent', { action: 'remind', key: 'remind:x' }), held, team)).toEqual([])
    expect(notificationsFor(event('escalation.sent', { action: 'remind', clock: 3 }), held, team)).toEqual([])
    expect(notificationsFor(event('clock.breached', { key: 'breached:x' }), held, team)).toEqual([])
  })

  it('still tells a member when the reporter or the system acted under an id equal to theirs', () => {
    expect(notificationsFor(event('reporter.replied', {}, { actorKind: 'reporter', actorId: 'rita' }), held, team)).toEqual([
      { userId: 'rita', kind: 'reporter-replied', clock: null },
    ])
    expect(
      notificationsFor(event('clock.breached', { clock: 'resolution' }, { actorKind: 'system', actorId: 'rita' }), held, team),
    ).toEqual([{ userId: 'rita', kind: 'clock-breached', clock: 'resolution' }])
  })

  it('puts a digest on the calendar day (UTC) it is made', () => {
    expect(digestDay('2026-12-02T23:59:59.999Z')).toBe('2026-12-02')
  })
})
