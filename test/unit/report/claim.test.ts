import { describe, expect, it } from 'vitest'
import { finalStatuses, isOpen, reportStatuses } from '../../../src/domain/report/report.js'
import { assign, changeStatus, claim, release, reply } from '../../../src/domain/report/workflow.js'
import { ALICE, AT, alice, BOB, bob, deepFreeze, expectFail, expectOk, reportIn, system } from './helpers.js'

const openStatuses = reportStatuses.filter(isOpen)

describe('claim', () => {
  it.each(openStatuses)('claims an unclaimed %s report for the claimant', (status) => {
    const report = reportIn(status)
    const before = structuredClone(report)
    const t = expectOk(claim(report, ALICE, AT))
    expect(t.report).toEqual({ ...before, assigneeId: ALICE })
    expect(t.events).toEqual([{ type: 'report.claimed', reportId: 'report-1', actor: alice, at: AT, data: { assignee: ALICE } }])
    expect(t.messages).toEqual([])
    expect(report).toEqual(before)
  })

  it('is a no-op for the one who already holds it', () => {
    const report = reportIn('triaged', { assigneeId: ALICE })
    const t = expectOk(claim(report, ALICE, AT))
    expect(t.report).toEqual(report)
    expect(t.events).toEqual([])
    expect(t.messages).toEqual([])
  })

  it('refuses when someone else holds it, naming the holder', () => {
    const report = reportIn('triaged', { assigneeId: ALICE })
    const before = structuredClone(report)
    expect(expectFail(claim(report, BOB, AT))).toEqual({ code: 'REPORT_ALREADY_CLAIMED', assigneeId: ALICE })
    expect(report).toEqual(before)
  })

  it.each(finalStatuses)('refuses to claim a %s report', (status) => {
    expect(expectFail(claim(reportIn(status), ALICE, AT))).toEqual({ code: 'REPORT_CLOSED', status })
  })

  it('refuses a final report even to its holder (closed wins over the no-op)', () => {
    expect(expectFail(claim(reportIn('closed', { assigneeId: ALICE }), ALICE, AT))).toEqual({ code: 'REPORT_CLOSED', status: 'closed' })
  })

  it('never sends the reporter anything', () => {
    expect(expectOk(claim(reportIn('new', { reporterReachable: true }), ALICE, AT)).messages).toEqual([])
  })
})

describe('assign', () => {
  it('assigns an unclaimed report and records from/to', () => {
    const t = expectOk(assign(reportIn('triaged'), BOB, alice, AT))
    expect(t.report.assigneeId).toBe(BOB)
    expect(t.events).toEqual([{ type: 'report.assigned', reportId: 'report-1', actor: alice, at: AT, data: { from: null, to: BOB } }])
    expect(t.messages).toEqual([])
  })

  it('hands over a report someone else holds', () => {
    const report = reportIn('fixing', { assigneeId: ALICE })
    const before = structuredClone(report)
    const t = expectOk(assign(report, BOB, system, AT))
    expect(t.report).toEqual({ ...before, assigneeId: BOB })
    expect(t.events).toEqual([{ type: 'report.assigned', reportId: 'report-1', actor: system, at: AT, data: { from: ALICE, to: BOB } }])
    expect(report).toEqual(before)
  })

  it('can unassign (hand to nobody)', () => {
    const t = expectOk(assign(reportIn('accepted', { assigneeId: ALICE }), null, bob, AT))
    expect(t.report.assigneeId).toBeNull()
    expect(t.events[0]?.data).toEqual({ from: ALICE, to: null })
  })

  it('is a no-op when the report already has that assignee', () => {
    const report = reportIn('accepted', { assigneeId: ALICE })
    expect(expectOk(assign(report, ALICE, bob, AT))).toEqual({ report, events: [], messages: [] })
    expect(expectOk(assign(reportIn('new'), null, bob, AT)).events).toEqual([])
  })

  it.each(finalStatuses)('hands over a %s report too, so it can be reopened by someone else', (status) => {
    expect(expectOk(assign(reportIn(status, { assigneeId: ALICE }), BOB, system, AT)).report.assigneeId).toBe(BOB)
  })

  it('refuses a handover made by the reporter', () => {
    expect(expectFail(assign(reportIn('triaged'), BOB, { kind: 'reporter' }, AT))).toEqual({ code: 'REPORT_NOT_FOR_REPORTER' })
  })
})

describe('release', () => {
  it('gives the report back to the queue when the holder asks', () => {
    const report = reportIn('triaged', { assigneeId: ALICE })
    const before = structuredClone(report)
    const t = expectOk(release(report, ALICE, AT))
    expect(t.report).toEqual({ ...before, assigneeId: null })
    expect(t.events).toEqual([{ type: 'report.released', reportId: 'report-1', actor: alice, at: AT, data: { from: ALICE } }])
    expect(t.messages).toEqual([])
    expect(report).toEqual(before)
  })

  it('refuses anyone but the holder, naming the holder', () => {
    expect(expectFail(release(reportIn('triaged', { assigneeId: ALICE }), BOB, AT))).toEqual({
      code: 'REPORT_NOT_CLAIMED_BY_YOU',
      assigneeId: ALICE,
    })
  })

  it('refuses to release an unclaimed report', () => {
    expect(expectFail(release(reportIn('triaged'), ALICE, AT))).toEqual({ code: 'REPORT_NOT_CLAIMED_BY_YOU', assigneeId: null })
  })

  it('lets the holder release a final report (the claim outlives the status change)', () => {
    const t = expectOk(release(reportIn('rejected', { assigneeId: ALICE }), ALICE, AT))
    expect(t.report.assigneeId).toBeNull()
  })
})

describe('the claim guards status changes and reporter-visible replies, not internal notes', () => {
  const held = reportIn('accepted', { assigneeId: ALICE, reporterReachable: true })

  it('a responder who does not hold it cannot change its status', () => {
    expect(expectFail(changeStatus(held, { to: 'fixing', actor: bob, at: AT }))).toEqual({
      code: 'REPORT_ALREADY_CLAIMED',
      assigneeId: ALICE,
    })
  })

  it('a responder who does not hold it cannot reply to the reporter', () => {
    expect(expectFail(reply(held, { actor: bob, at: AT, body: 'We are on it', visibility: 'reporter' }))).toEqual({
      code: 'REPORT_ALREADY_CLAIMED',
      assigneeId: ALICE,
    })
  })

  it('a responder who does not hold it can add an internal note', () => {
    const t = expectOk(reply(held, { actor: bob, at: AT, body: 'Seen this pattern before', visibility: 'internal' }))
    expect(t.events).toEqual([{ type: 'note.added', reportId: 'report-1', actor: bob, at: AT, data: {} }])
    expect(t.messages).toEqual([])
  })

  it.each([
    { who: 'the holder', actor: alice },
    { who: 'the system', actor: system },
  ])('$who can change its status and reply to the reporter', ({ actor }) => {
    expect(expectOk(changeStatus(held, { to: 'fixing', actor, at: AT })).report.status).toBe('fixing')
    expect(expectOk(reply(held, { actor, at: AT, body: 'Fix is underway', visibility: 'reporter' })).events[0]?.type).toBe('reply.sent')
  })

  it('after release, the other responder can claim and move it', () => {
    const released = deepFreeze(expectOk(release(held, ALICE, AT)).report)
    const claimed = deepFreeze(expectOk(claim(released, BOB, AT)).report)
    expect(expectOk(changeStatus(claimed, { to: 'fixing', actor: bob, at: AT })).report).toMatchObject({
      status: 'fixing',
      assigneeId: BOB,
    })
    expect(expectFail(changeStatus(claimed, { to: 'fixing', actor: alice, at: AT })).code).toBe('REPORT_ALREADY_CLAIMED')
  })

  it('a rejected report held by someone who is gone can be handed over so another responder can reopen it', () => {
    const rejected = reportIn('rejected', { assigneeId: ALICE })
    const handedOver = assign(rejected, BOB, system, AT)
    expect(handedOver.ok).toBe(true)
  })
})
