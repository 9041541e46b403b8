import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReportError } from '../../../src/domain/report/errors.js'
import { type Actor, isOpen, type Report, type ReportStatus, reportStatuses, type Transition } from '../../../src/domain/report/report.js'
import { allowedTransitions, assign, changeStatus, claim, receive, release, reply } from '../../../src/domain/report/workflow.js'
import type { Result } from '../../../src/domain/result.js'
import { propertyRuns } from '../../support/property-runs.js'
import { ALICE, AT, BOB, deepFreeze, EARLIER } from './helpers.js'

type Action =
  | { kind: 'status'; to: ReportStatus; actor: Actor; reason: string | undefined; duplicateOf: { id: string; ref: string } | undefined }
  /** A status change to one of the statuses the table allows from wherever the report stands, so runs get deep. */
  | { kind: 'advance'; pick: number; actor: Actor; reason: string | undefined; duplicateOf: { id: string; ref: string } | undefined }
  | { kind: 'claim'; by: string }
  | { kind: 'release'; by: string }
  | { kind: 'assign'; to: string | null; actor: Actor }
  | { kind: 'reply'; actor: Actor; body: string; visibility: 'reporter' | 'internal' }

const userId = fc.constantFrom(ALICE, BOB)
const actor: fc.Arbitrary<Actor> = fc.oneof(
  userId.map((id): Actor => ({ kind: 'user', id })),
  fc.constant<Actor>({ kind: 'system' }),
  fc.constant<Actor>({ kind: 'reporter' }),
)
const text = fc.oneof(fc.constantFrom('', ' ', '\t\n', 'Out of scope', '  padded  '), fc.string())
const reason = fc.option(text, { nil: undefined })
const duplicateOf = fc.option(fc.constantFrom(EARLIER, { id: 'report-p', ref: 'EMB-P' }), { nil: undefined })

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), to: fc.constantFrom(...reportStatuses), actor, reason, duplicateOf }),
  fc.record({ kind: fc.constant('advance' as const), pick: fc.nat(), actor, reason, duplicateOf }),
  fc.record({ kind: fc.constant('claim' as const), by: userId }),
  fc.record({ kind: fc.constant('release' as const), by: userId }),
  fc.record({ kind: fc.constant('assign' as const), to: fc.option(userId, { nil: null }), actor }),
  fc.record({
    kind: fc.constant('reply' as const),
    actor,
    body: text,
    visibility: fc.constantFrom('reporter' as const, 'internal' as const),
  }),
)

function apply(report: Report, a: Action): Result<Transition, ReportError> {
  switch (a.kind) {
    case 'status':
      return changeStatus(report, { to: a.to, actor: a.actor, at: AT, reason: a.reason, duplicateOf: a.duplicateOf })
    case 'advance': {
      const targets = allowedTransitions[report.status]
      const to = targets.length > 0 ? targets[a.pick % targets.length]! : reportStatuses[a.pick % reportStatuses.length]!
      return changeStatus(report, { to, actor: a.actor, at: AT, reason: a.reason, duplicateOf: a.duplicateOf })
    }
    case 'claim':
      return claim(report, a.by, AT)
    case 'release':
      return release(report, a.by, AT)
    case 'assign':
      return assign(report, a.to, a.actor, AT)
    case 'reply':
      return reply(report, { actor: a.actor, at: AT, body: a.body, visibility: a.visibility })
  }
}

describe('workflow properties', () => {
  it('over any sequence of actions: moves follow the table, unreachable reporters get nothing, inputs stay untouched', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(action, { maxLength: 40 }), (reachable, actions) => {
        const incoming = deepFreeze({ id: 'report-p1', ref: 'EMB-2026-0100', reporterReachable: reachable })
        const received = receive(incoming, 'web', AT)
        if (!reachable) expect(received.messages).toEqual([])
        let report = deepFreeze(received.report)

        for (const a of actions) {
          deepFreeze(a)
          const before = structuredClone(report)
          const result = apply(report, a) // a mutation of the frozen report or action throws here
          expect(report).toEqual(before)

          if (!result.ok) continue
          const { report: next, events, messages } = result.value
          const isStatusChange = a.kind === 'status' || a.kind === 'advance'

          if (isStatusChange) expect(allowedTransitions[before.status]).toContain(next.status)
          else expect(next.status).toBe(before.status)
          if (!reachable) expect(messages).toEqual([])

          // Identity and reachability never change; status-specific fields match the status.
          expect(next.id).toBe(before.id)
          expect(next.ref).toBe(before.ref)
          expect(next.reporterReachable).toBe(reachable)
          expect(next.statusReason !== null).toBe(next.status === 'rejected')
          if (next.statusReason !== null) expect(next.statusReason).toBe(next.statusReason.trim())
          if (next.statusReason !== null) expect(next.statusReason).not.toBe('')
          expect(next.duplicateOf !== null).toBe(next.status === 'duplicate')
          expect(next.duplicateOf).not.toBe(before.id)

          // Claims only change through claim/assign/release; a claim never takes a final report (a handover may).
          if (next.assigneeId !== before.assigneeId) {
            expect(['claim', 'assign', 'release']).toContain(a.kind)
            if (a.kind === 'claim') expect(isOpen(before.status)).toBe(true)
          }
          // A user who did not hold a claimed report got nothing reporter-visible through.
          if (
            before.assigneeId !== null &&
            'actor' in a &&
            a.actor.kind === 'user' &&
            a.actor.id !== before.assigneeId &&
            (isStatusChange || (a.kind === 'reply' && a.visibility === 'reporter'))
          ) {
            expect.fail(`${a.actor.id} moved or answered a report held by ${before.assigneeId}`)
          }
          for (const e of events) expect(e.at).toBe(AT)
          for (const m of messages) expect(m.reportId).toBe(before.id)

          report = deepFreeze(next)
        }
      }),
      { numRuns: propertyRuns(500) },
    )
  })
})
