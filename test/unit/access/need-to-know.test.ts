import { describe, expect, it } from 'vitest'
import { mayActOnReport, mayHandOver, mayReadReportText, type Reader, sharedWithOf } from '../../../src/domain/access/need-to-know.js'

const alice: Reader = { role: 'responder', userId: 'alice' }
const bob: Reader = { role: 'responder', userId: 'bob' }
const vera: Reader = { role: 'viewer', userId: 'vera' }
const ada: Reader = { role: 'admin', userId: 'ada' }
const heldByAlice = { assigneeId: 'alice' }
const unheld = { assigneeId: null }

describe('finding 3: the need-to-know rule', () => {
  it('under assigned-team, only the holder and administrators read a report', () => {
    expect(mayReadReportText(alice, heldByAlice, 'assigned-team')).toBe(true)
    expect(mayReadReportText(ada, heldByAlice, 'assigned-team')).toBe(true)
    expect(mayReadReportText(bob, heldByAlice, 'assigned-team')).toBe(false)
    expect(mayReadReportText(vera, heldByAlice, 'assigned-team')).toBe(false)
  })

  it('under assigned-team, an unheld report is read by administrators only', () => {
    expect(mayReadReportText(ada, unheld, 'assigned-team')).toBe(true)
    for (const r of [alice, bob, vera]) expect(mayReadReportText(r, unheld, 'assigned-team')).toBe(false)
  })

  it('every other rule, and no policy, shares with every member who may read reports', () => {
    for (const rule of ['security-team', 'project', undefined] as const) {
      for (const r of [alice, bob, vera, ada]) {
        expect(mayReadReportText(r, heldByAlice, rule)).toBe(true)
        expect(mayReadReportText(r, unheld, rule)).toBe(true)
      }
    }
  })

  it('under assigned-team, only the holder and administrators act on a report (reply, note, status, severity, steps)', () => {
    expect(mayActOnReport(alice, heldByAlice, 'assigned-team')).toBe(true)
    expect(mayActOnReport(ada, heldByAlice, 'assigned-team')).toBe(true)
    expect(mayActOnReport(bob, heldByAlice, 'assigned-team')).toBe(false)
    // Nobody holds it: responders claim it first (their own rule), they do not write into it blind.
    expect(mayActOnReport(bob, unheld, 'assigned-team')).toBe(false)
    expect(mayActOnReport(ada, unheld, 'assigned-team')).toBe(true)
    for (const rule of ['security-team', 'project', undefined] as const) expect(mayActOnReport(bob, heldByAlice, rule)).toBe(true)
  })

  it('under assigned-team, a held report is handed over only by its holder or an administrator', () => {
    expect(mayHandOver(alice, heldByAlice, 'assigned-team')).toBe(true)
    expect(mayHandOver(ada, heldByAlice, 'assigned-team')).toBe(true)
    expect(mayHandOver(bob, heldByAlice, 'assigned-team')).toBe(false)
  })

  it('an unheld report may be taken by anyone on the team; other rules let anyone hand over', () => {
    expect(mayHandOver(bob, unheld, 'assigned-team')).toBe(true)
    expect(mayHandOver(bob, heldByAlice, 'security-team')).toBe(true)
    expect(mayHandOver(bob, heldByAlice, undefined)).toBe(true)
  })

  it('reads the rule from a parsed policy, ignoring anything unknown', () => {
    expect(sharedWithOf({ confidentiality: { sharedWith: 'assigned-team' } })).toBe('assigned-team')
    expect(sharedWithOf({ confidentiality: { sharedWith: 'project' } })).toBe('project')
    expect(sharedWithOf({ confidentiality: { sharedWith: 'security-team' } })).toBe('security-team')
    expect(sharedWithOf({ confidentiality: { sharedWith: 'everyone' } })).toBeUndefined()
    expect(sharedWithOf({})).toBeUndefined()
    expect(sharedWithOf(null)).toBeUndefined()
  })
})
