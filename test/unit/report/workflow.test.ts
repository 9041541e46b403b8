import { describe, expect, it } from 'vitest'
import { finalStatuses, isOpen, type Report, type ReportStatus, reportStatuses } from '../../../src/domain/report/report.js'
import { allowedTransitions, changeStatus, receive, type StatusChange } from '../../../src/domain/report/workflow.js'
import { ALICE, AT, alice, BOB, bob, deepFreeze, EARLIER, expectFail, expectOk, makeReport, reporter, reportIn, system } from './helpers.js'

/**
 * The documented workflow, written out pair by pair so that any change to `allowedTransitions`
 * has to be made here too, on purpose:
 *
 *   new → acknowledged → triaged → accepted | rejected(reason) | duplicate → fixing → fixed → disclosed → closed
 *
 * plus early rejection / duplicate marking (from new and acknowledged) and reopening a rejected or
 * duplicate report back to triage.
 */
const expectedPairs = [
  'new → acknowledged',
  'new → rejected',
  'new → duplicate',
  'acknowledged → triaged',
  'acknowledged → rejected',
  'acknowledged → duplicate',
  'triaged → accepted',
  'triaged → rejected',
  'triaged → duplicate',
  'accepted → fixing',
  'rejected → triaged',
  'duplicate → triaged',
  'fixing → fixed',
  'fixed → disclosed',
  'disclosed → closed',
] as const

const tablePairs = (): string[] => reportStatuses.flatMap((from) => allowedTransitions[from].map((to) => `${from} → ${to}`))

const allPairs: [ReportStatus, ReportStatus][] = reportStatuses.flatMap((from) =>
  reportStatuses.map((to): [ReportStatus, ReportStatus] => [from, to]),
)
const isAllowed = (from: ReportStatus, to: ReportStatus): boolean => (expectedPairs as readonly string[]).includes(`${from} → ${to}`)

/** Everything a change may need, so a refusal can only be about the pair itself. */
const completeChange = (to: ReportStatus, actor = alice): StatusChange =>
  deepFreeze({ to, actor, at: AT, reason: 'Not exploitable in any supported configuration', duplicateOf: EARLIER })

describe('the transition table', () => {
  it('has exactly the documented pairs, no more and no fewer', () => {
    expect(tablePairs().sort()).toEqual([...expectedPairs].sort())
  })

  it('has an entry for every status and only names known statuses', () => {
    expect(Object.keys(allowedTransitions).sort()).toEqual([...reportStatuses].sort())
    for (const targets of Object.values(allowedTransitions)) {
      for (const to of targets) expect(reportStatuses).toContain(to)
    }
  })

  it('lists no status twice and never lets a status go to itself', () => {
    for (const from of reportStatuses) {
      const targets = allowedTransitions[from]
      expect(new Set(targets).size).toBe(targets.length)
      expect(targets).not.toContain(from)
    }
  })

  it('lets the happy path run from new to closed', () => {
    const path: ReportStatus[] = ['new', 'acknowledged', 'triaged', 'accepted', 'fixing', 'fixed', 'disclosed', 'closed']
    for (let i = 1; i < path.length; i++) expect(allowedTransitions[path[i - 1]!]).toContain(path[i])
  })

  it('lets nothing leave closed', () => {
    expect(allowedTransitions.closed).toEqual([])
  })

  it('treats rejected, duplicate and closed as final, everything else as open', () => {
    expect([...finalStatuses].sort()).toEqual(['closed', 'duplicate', 'rejected'])
    expect(reportStatuses.filter((s) => !isOpen(s)).sort()).toEqual(['closed', 'duplicate', 'rejected'])
  })

  it('covers all 100 (from, to) pairs in the matrix below', () => {
    expect(allPairs).toHaveLength(100)
    expect(allPairs.filter(([from, to]) => isAllowed(from, to))).toHaveLength(expectedPairs.length)
  })
})

describe.each([
  { reachable: true, label: 'reporter reachable' },
  { reachable: false, label: 'reporter not reachable' },
])('changeStatus over every (from, to) pair ($label)', ({ reachable }) => {
  it.each(allPairs.filter(([from, to]) => isAllowed(from, to)))('allows %s → %s', (from, to) => {
    const report = reportIn(from, { assigneeId: ALICE, reporterReachable: reachable })
    const before = structuredClone(report)
    const change = completeChange(to)

    const t = expectOk(changeStatus(report, change))

    expect(t.report).toEqual({
      ...before,
      status: to,
      statusReason: to === 'rejected' ? change.reason : null,
      duplicateOf: to === 'duplicate' ? EARLIER.id : null,
    })
    expect(t.events).toEqual([
      {
        type: 'report.status_changed',
        reportId: before.id,
        actor: alice,
        at: AT,
        data: to === 'duplicate' ? { from, to, duplicateOf: EARLIER.ref } : { from, to },
      },
    ])
    expect(t.messages).toEqual(reachable ? [{ kind: 'reporter.status-changed', reportId: report.id }] : [])
    expect(report).toEqual(before)
  })

  it.each(allPairs.filter(([from, to]) => !isAllowed(from, to)))('refuses %s → %s', (from, to) => {
    const report = reportIn(from, { assigneeId: ALICE, reporterReachable: reachable })
    const before = structuredClone(report)

    const error = expectFail(changeStatus(report, completeChange(to)))

    expect(error).toEqual({ code: 'REPORT_TRANSITION_NOT_ALLOWED', from, to })
    expect(report).toEqual(before)
  })
})

describe('changeStatus: who may move a report', () => {
  it('lets any responder move an unclaimed report', () => {
    const t = expectOk(changeStatus(reportIn('new'), { to: 'acknowledged', actor: bob, at: AT }))
    expect(t.report.status).toBe('acknowledged')
    expect(t.report.assigneeId).toBeNull()
  })

  it('lets the holder move a claimed report and keeps the claim', () => {
    const t = expectOk(changeStatus(reportIn('accepted', { assigneeId: ALICE }), { to: 'fixing', actor: alice, at: AT }))
    expect(t.report.status).toBe('fixing')
    expect(t.report.assigneeId).toBe(ALICE)
  })

  it('refuses a responder who does not hold the claimed report, naming the holder', () => {
    const report = reportIn('accepted', { assigneeId: ALICE })
    const before = structuredClone(report)
    expect(expectFail(changeStatus(report, { to: 'fixing', actor: bob, at: AT }))).toEqual({
      code: 'REPORT_ALREADY_CLAIMED',
      assigneeId: ALICE,
    })
    expect(report).toEqual(before)
  })

  it('reports a disallowed pair before a foreign claim', () => {
    const report = reportIn('new', { assigneeId: ALICE })
    expect(expectFail(changeStatus(report, { to: 'fixing', actor: bob, at: AT })).code).toBe('REPORT_TRANSITION_NOT_ALLOWED')
  })

  it('reports a foreign claim before a missing reason', () => {
    const report = reportIn('triaged', { assigneeId: ALICE })
    expect(expectFail(changeStatus(report, { to: 'rejected', actor: bob, at: AT })).code).toBe('REPORT_ALREADY_CLAIMED')
  })

  it('lets the system actor move a report someone holds', () => {
    const t = expectOk(changeStatus(reportIn('disclosed', { assigneeId: ALICE }), { to: 'closed', actor: system, at: AT }))
    expect(t.report.status).toBe('closed')
    expect(t.events[0]?.actor).toEqual(system)
  })

  it('records the actor and time it was given, not its own', () => {
    const at = '2030-01-02T03:04:05.678Z'
    const t = expectOk(changeStatus(reportIn('fixing', { assigneeId: BOB }), { to: 'fixed', actor: bob, at }))
    expect(t.events).toEqual([
      { type: 'report.status_changed', reportId: 'report-1', actor: bob, at, data: { from: 'fixing', to: 'fixed' } },
    ])
  })

  it("refuses a status change by the reporter: the workflow is the team's", () => {
    const result = changeStatus(reportIn('triaged'), { to: 'accepted', actor: reporter, at: AT })
    expect(expectFail(result)).toEqual({ code: 'REPORT_NOT_FOR_REPORTER' })
  })
})

describe('changeStatus: rejection', () => {
  it.each([undefined, '', ' ', '   \t\n  '])('refuses to reject without a reason (reason %j)', (reason) => {
    const report = reportIn('triaged')
    const before = structuredClone(report)
    expect(expectFail(changeStatus(report, { to: 'rejected', actor: alice, at: AT, reason }))).toEqual({
      code: 'REPORT_REASON_REQUIRED',
    })
    expect(report).toEqual(before)
  })

  it('stores the reason trimmed', () => {
    const t = expectOk(
      changeStatus(reportIn('triaged'), { to: 'rejected', actor: alice, at: AT, reason: '  \n Out of scope: third-party CDN\t ' }),
    )
    expect(t.report.status).toBe('rejected')
    expect(t.report.statusReason).toBe('Out of scope: third-party CDN')
  })

  it('keeps the reason text out of the event (events carry no report text)', () => {
    const t = expectOk(changeStatus(reportIn('new'), { to: 'rejected', actor: alice, at: AT, reason: 'Spam' }))
    expect(t.events[0]?.data).toEqual({ from: 'new', to: 'rejected' })
  })

  it('ignores a reason given for a status other than rejected', () => {
    const t = expectOk(changeStatus(reportIn('triaged'), { to: 'accepted', actor: alice, at: AT, reason: 'Looks real' }))
    expect(t.report.statusReason).toBeNull()
  })

  it('clears the reason when a rejected report is reopened to triage', () => {
    const report = reportIn('rejected', { statusReason: 'Out of scope' })
    const t = expectOk(changeStatus(report, { to: 'triaged', actor: alice, at: AT }))
    expect(t.report).toMatchObject({ status: 'triaged', statusReason: null, duplicateOf: null })
    expect(report.statusReason).toBe('Out of scope')
  })
})

describe('changeStatus: duplicates', () => {
  it('refuses to mark a duplicate without saying of what', () => {
    const report = reportIn('triaged')
    expect(expectFail(changeStatus(report, { to: 'duplicate', actor: alice, at: AT }))).toEqual({
      code: 'REPORT_DUPLICATE_REFERENCE_REQUIRED',
    })
  })

  it('refuses to mark a report a duplicate of itself', () => {
    const report = reportIn('triaged')
    const before = structuredClone(report)
    const error = expectFail(
      changeStatus(report, { to: 'duplicate', actor: alice, at: AT, duplicateOf: { id: report.id, ref: report.ref } }),
    )
    expect(error).toEqual({ code: 'REPORT_DUPLICATE_OF_ITSELF' })
    expect(report).toEqual(before)
  })

  it("records the earlier report's id on the report and its ref in the event", () => {
    const t = expectOk(changeStatus(reportIn('acknowledged'), { to: 'duplicate', actor: alice, at: AT, duplicateOf: EARLIER }))
    expect(t.report).toMatchObject({ status: 'duplicate', duplicateOf: EARLIER.id, statusReason: null })
    expect(t.events).toEqual([
      {
        type: 'report.status_changed',
        reportId: 'report-1',
        actor: alice,
        at: AT,
        data: { from: 'acknowledged', to: 'duplicate', duplicateOf: EARLIER.ref },
      },
    ])
  })

  it('ignores duplicateOf given for a status other than duplicate', () => {
    const t = expectOk(changeStatus(reportIn('triaged'), { to: 'accepted', actor: alice, at: AT, duplicateOf: EARLIER }))
    expect(t.report.duplicateOf).toBeNull()
    expect(t.events[0]?.data).toEqual({ from: 'triaged', to: 'accepted' })
  })

  it('clears duplicateOf (and any reason) when a duplicate is reopened to triage', () => {
    const report = reportIn('duplicate', { duplicateOf: EARLIER.id })
    const t = expectOk(changeStatus(report, { to: 'triaged', actor: alice, at: AT }))
    expect(t.report).toMatchObject({ status: 'triaged', duplicateOf: null, statusReason: null })
    expect(report.duplicateOf).toBe(EARLIER.id)
  })

  it('clears a stale reason when going from rejected via triage to duplicate', () => {
    const reopened = expectOk(changeStatus(reportIn('rejected'), { to: 'triaged', actor: alice, at: AT })).report
    const t = expectOk(changeStatus(deepFreeze(reopened), { to: 'duplicate', actor: alice, at: AT, duplicateOf: EARLIER }))
    expect(t.report).toMatchObject({ status: 'duplicate', statusReason: null, duplicateOf: EARLIER.id })
  })
})

describe('receive', () => {
  const incoming = (reporterReachable: boolean) => deepFreeze({ id: 'report-7', ref: 'EMB-2026-0007', reporterReachable })

  it('creates a new, unclaimed report with a receipt event naming channel and ref', () => {
    const input = incoming(true)
    const t = receive(input, 'web', AT)
    expect(t.report).toEqual({
      id: 'report-7',
      ref: 'EMB-2026-0007',
      status: 'new',
      statusReason: null,
      duplicateOf: null,
      assigneeId: null,
      reporterReachable: true,
    } satisfies Report)
    expect(t.events).toEqual([
      {
        type: 'report.received',
        reportId: 'report-7',
        actor: { kind: 'reporter' },
        at: AT,
        data: { channel: 'web', ref: 'EMB-2026-0007' },
      },
    ])
  })

  it('acknowledges receipt when the reporter can be reached', () => {
    expect(receive(incoming(true), 'email', AT).messages).toEqual([{ kind: 'reporter.acknowledgment', reportId: 'report-7' }])
  })

  it('sends nothing when the reporter cannot be reached', () => {
    const t = receive(incoming(false), 'web', AT)
    expect(t.messages).toEqual([])
    expect(t.report.reporterReachable).toBe(false)
    expect(t.events).toHaveLength(1)
  })

  it('does not touch its input and returns a new object', () => {
    const input = incoming(true)
    const before = structuredClone(input)
    const t = receive(input, 'web', AT)
    expect(input).toEqual(before)
    expect(t.report).not.toBe(input)
  })

  it('the received report can start the workflow', () => {
    const t = receive(incoming(true), 'web', AT)
    expect(expectOk(changeStatus(deepFreeze(t.report), { to: 'acknowledged', actor: system, at: AT })).report.status).toBe('acknowledged')
  })
})

// A sanity check on the fixture: the deep freeze really makes mutation throw, so "no mutation" above is enforced.
describe('test helpers', () => {
  it('deepFreeze makes writes throw', () => {
    const report = makeReport()
    expect(() => {
      ;(report as { status: string }).status = 'closed'
    }).toThrow(TypeError)
  })
})
