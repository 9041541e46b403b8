/**
 * The event catalogue (src/domain/events.ts) as the timeline and the audit page read it back: an
 * event is recorded with its type, actor, moment, report and data exactly as given; a stored type
 * the catalogue knows gets its timeline line, one it does not know (an old row) is shown as it is.
 */
import { describe, expect, it } from 'vitest'
import { eventTypes, isEvent, isEventType, newEvent } from '../../../src/domain/events.js'
import { translator } from '../../../src/i18n/messages.js'
import { eventText } from '../../../src/workspace/event-text.js'

const t = translator('en')
const names = { file: () => undefined }

describe('the event catalogue', () => {
  it('records an event with exactly the type, actor, moment, report and data given', () => {
    const at = '2026-12-07T10:00:00.000Z'
    expect(newEvent('report.received', { kind: 'system' }, at, 'r-1', { channel: 'web', ref: 'ACME-2026-0001' })).toEqual({
      type: 'report.received',
      actor: { kind: 'system' },
      at,
      reportId: 'r-1',
      data: { channel: 'web', ref: 'ACME-2026-0001' },
    })
    expect(newEvent('token.revoked', { kind: 'user', id: 'u-1' }, at, null, { tokenId: 't-1' })).toMatchObject({
      actor: { kind: 'user', id: 'u-1' },
      reportId: null,
    })
  })

  it('gives every known type its timeline line, and shows an unknown stored type as it is', () => {
    expect(eventText(t, { type: 'report.received', data: { channel: 'web' } }, names)).toBe('Report received via web form')
    expect(eventText(t, { type: 'report.claimed', data: {} }, names)).toBe('Claimed')
    expect(eventText(t, { type: 'report.teleported', data: {} }, names)).toBe('report.teleported')
    expect(isEventType('report.received')).toBe(true)
    expect(isEventType('cra.alert_sent')).toBe(true)
    for (const unknown of ['report.teleported', '', 'report', 'REPORT.RECEIVED', 'report.received '])
      expect(isEventType(unknown), unknown).toBe(false)
    expect(eventTypes.every((type) => isEventType(type))).toBe(true)
  })

  it('reads a stored event as one type only when its type is that type', () => {
    const escalated = { type: 'reporter.escalated', data: { step: 1, target: 'team' } }
    expect(isEvent(escalated, 'reporter.escalated')).toBe(true)
    expect(isEvent(escalated, 'escalation.sent')).toBe(false)
    const history = [escalated, { type: 'reply.sent', data: {} }, { type: 'reporter.escalated', data: { step: 2, target: 'ceo' } }]
    expect(history.filter((e) => isEvent(e, 'reporter.escalated')).map((e) => e.data.target)).toEqual(['team', 'ceo'])
  })
})
