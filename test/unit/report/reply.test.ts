import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../src/domain/report/report.js'
import { type Reply, reply } from '../../../src/domain/report/workflow.js'
import { ALICE, AT, alice, bob, expectFail, expectOk, reporter, reportIn, system } from './helpers.js'

const everyone: { who: string; actor: Actor }[] = [
  { who: 'reporter', actor: reporter },
  { who: 'responder', actor: alice },
  { who: 'system', actor: system },
]
const visibilities: Reply['visibility'][] = ['reporter', 'internal']

describe('reply: empty bodies', () => {
  const cases = everyone.flatMap(({ who, actor }) =>
    visibilities.flatMap((visibility) => ['', ' ', '\n\t  \r\n'].map((body) => ({ who, actor, visibility, body }))),
  )
  it.each(cases)('refuses an empty body from the $who ($visibility, body $body)', ({ actor, visibility, body }) => {
    const report = reportIn('triaged')
    const before = structuredClone(report)
    expect(expectFail(reply(report, { actor, at: AT, body, visibility }))).toEqual({ code: 'REPORT_MESSAGE_EMPTY' })
    expect(report).toEqual(before)
  })

  it('refuses an empty body before looking at the claim', () => {
    const report = reportIn('triaged', { assigneeId: ALICE })
    expect(expectFail(reply(report, { actor: bob, at: AT, body: '  ', visibility: 'reporter' })).code).toBe('REPORT_MESSAGE_EMPTY')
  })
})

describe.each([true, false])('reply (reporter reachable: %s)', (reachable) => {
  it.each(visibilities)('a reporter reply (visibility %s) is recorded and sends nothing out', (visibility) => {
    const report = reportIn('fixing', { assigneeId: ALICE, reporterReachable: reachable })
    const before = structuredClone(report)
    const t = expectOk(reply(report, { actor: reporter, at: AT, body: 'Any news?', visibility }))
    expect(t.report).toEqual(before)
    expect(t.events).toEqual([{ type: 'reporter.replied', reportId: 'report-1', actor: reporter, at: AT, data: {} }])
    expect(t.messages).toEqual([])
    expect(report).toEqual(before)
  })

  it.each([
    { who: 'holder', actor: alice },
    { who: 'non-holder', actor: bob },
    { who: 'system', actor: system },
  ])('an internal note by the $who is recorded and never sent out', ({ actor }) => {
    const report = reportIn('triaged', { assigneeId: ALICE, reporterReachable: reachable })
    const before = structuredClone(report)
    const t = expectOk(reply(report, { actor, at: AT, body: 'Reproduced on 2.3.1', visibility: 'internal' }))
    expect(t.report).toEqual(before)
    expect(t.events).toEqual([{ type: 'note.added', reportId: 'report-1', actor, at: AT, data: {} }])
    expect(t.messages).toEqual([])
  })

  it('a responder reply is recorded and sent to the reporter only when reachable', () => {
    const report = reportIn('triaged', { reporterReachable: reachable })
    const before = structuredClone(report)
    const t = expectOk(reply(report, { actor: alice, at: AT, body: 'Thanks, we can reproduce it.', visibility: 'reporter' }))
    expect(t.report).toEqual(before)
    expect(t.events).toEqual([{ type: 'reply.sent', reportId: 'report-1', actor: alice, at: AT, data: {} }])
    expect(t.messages).toEqual(reachable ? [{ kind: 'reporter.reply', reportId: report.id }] : [])
    expect(report).toEqual(before)
  })

  it('keeps the body out of the event (events carry no report text)', () => {
    const body = 'secret exploit details'
    const t = expectOk(reply(reportIn('triaged', { reporterReachable: reachable }), { actor: alice, at: AT, body, visibility: 'reporter' }))
    expect(JSON.stringify(t.events)).not.toContain(body)
  })
})
