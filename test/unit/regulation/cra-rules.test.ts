import { describe, expect, it } from 'vitest'
import { planCraAlerts } from '../../../src/domain/regulation/cra-alerts.js'
import { type CraCaseFacts, craClocks, nextCraDue, oneMonthLater } from '../../../src/domain/regulation/cra-clocks.js'
import { craStageExport, craStageFields, stageValues } from '../../../src/domain/regulation/cra-forms.js'
import { instantFromLocal, localInputValue } from '../../../src/domain/regulation/local-time.js'
import { isEuMemberState } from '../../../src/domain/regulation/member-states.js'
import { draftUserNotice } from '../../../src/domain/regulation/user-notice.js'

const vienna = 'Europe/Vienna'
// Friday 4 December 2026, 17:00 in Vienna (CET, UTC+1).
const fridayFive = '2026-12-04T16:00:00.000Z'
const vulnerability = (more: Partial<CraCaseFacts> = {}): CraCaseFacts => ({
  kind: 'vulnerability',
  awareAt: fridayFive,
  measureAt: null,
  filed: {},
  ...more,
})
const byStage = (facts: CraCaseFacts, now: string) => Object.fromEntries(craClocks(facts, vienna, now).map((c) => [c.stage, c]))

describe('CRA clocks (calendar hours)', () => {
  it('makes a Friday 17:00 awareness due Saturday 17:00 and Monday 17:00, through the weekend and holidays', () => {
    const c = byStage(vulnerability(), '2026-12-04T16:30:00.000Z')
    expect(c['early-warning']).toMatchObject({ dueAt: '2026-12-05T16:00:00.000Z', state: 'running' })
    expect(c.notification).toMatchObject({ dueAt: '2026-12-07T16:00:00.000Z', state: 'running' })
    expect(c['final-report']).toMatchObject({ startedAt: null, dueAt: null, state: 'waiting' })
    expect(localInputValue(c.notification?.dueAt as string, vienna)).toBe('2026-12-07T17:00')
  })

  it('counts elapsed hours across a DST change', () => {
    // Saturday 28 March 2026 12:00 in Vienna (CET); clocks go forward on Sunday 29 March.
    const c = byStage(vulnerability({ awareAt: '2026-03-28T11:00:00.000Z' }), '2026-03-28T12:00:00.000Z')
    expect(c['early-warning']?.dueAt).toBe('2026-03-29T11:00:00.000Z')
    expect(localInputValue(c['early-warning']?.dueAt as string, vienna)).toBe('2026-03-29T13:00')
  })

  it('runs the final report 14 days after the measure is available', () => {
    const c = byStage(vulnerability({ measureAt: '2026-12-10T11:00:00.000Z' }), '2026-12-10T12:00:00.000Z')
    expect(c['final-report']).toMatchObject({ startedAt: '2026-12-10T11:00:00.000Z', dueAt: '2026-12-24T11:00:00.000Z', state: 'running' })
  })

  it('runs an incident final report one month after the notification was filed, clamped to the month end', () => {
    const incident: CraCaseFacts = {
      kind: 'incident',
      awareAt: '2027-01-29T08:00:00.000Z',
      measureAt: null,
      filed: { notification: { at: '2027-01-31T09:00:00.000Z', reference: 'ENISA-1' } },
    }
    const c = byStage(incident, '2027-02-01T00:00:00.000Z')
    expect(c['final-report']?.dueAt).toBe('2027-02-28T09:00:00.000Z')
    expect(byStage({ ...incident, filed: {} }, '2027-02-01T00:00:00.000Z')['final-report']?.state).toBe('waiting')
    expect(oneMonthLater('2026-12-15T10:00:00.000Z', vienna)).toBe('2027-01-15T10:00:00.000Z')
  })

  it('says overdue past a deadline, filed or filed late once recorded', () => {
    const late = byStage(vulnerability(), '2026-12-05T16:00:01.000Z')
    expect(late['early-warning']?.state).toBe('overdue')
    const filed = byStage(
      vulnerability({
        filed: {
          'early-warning': { at: '2026-12-05T10:00:00.000Z', reference: 'EW-1' },
          notification: { at: '2026-12-08T10:00:00.000Z', reference: 'N-1' },
        },
      }),
      '2026-12-09T00:00:00.000Z',
    )
    expect(filed['early-warning']?.state).toBe('filed')
    expect(filed.notification?.state).toBe('filed-late')
    expect(nextCraDue(craClocks(vulnerability(), vienna, fridayFive))).toBe('2026-12-05T16:00:00.000Z')
  })
})

describe('CRA alerts', () => {
  const clocksAt = (now: string) => craClocks(vulnerability(), vienna, now)

  it('reminds at half and three quarters of each window and escalates at its deadline, each once', () => {
    const sent = new Set<string>()
    const fire = (now: string) => {
      const plan = planCraAlerts(clocksAt(now), sent, now)
      for (const a of [...plan.due, ...plan.superseded]) sent.add(a.key)
      return plan
    }
    expect(fire(fridayFive).due).toEqual([])
    expect(fire(fridayFive).nextAt).toBe('2026-12-05T04:00:00.000Z')
    const half = fire('2026-12-05T04:00:00.000Z')
    expect(half.due.map((a) => [a.stage, a.kind, a.fraction])).toEqual([['early-warning', 'remind', 0.5]])
    expect(fire('2026-12-05T04:00:00.000Z').due).toEqual([])
    expect(fire('2026-12-05T10:00:00.000Z').due.map((a) => a.fraction)).toEqual([0.75])
    expect(fire('2026-12-05T16:00:00.000Z').due.map((a) => [a.stage, a.kind])).toEqual([['early-warning', 'overdue']])
    // The notification's window is 72 h: half of it is Sunday 05:00 Vienna.
    expect(fire('2026-12-06T04:00:00.000Z').due.map((a) => [a.stage, a.fraction])).toEqual([['notification', 0.5]])
  })

  it('sends only the latest alert of a stage when several are due at once, and records the others as done', () => {
    const plan = planCraAlerts(clocksAt('2026-12-08T00:00:00.000Z'), new Set(), '2026-12-08T00:00:00.000Z')
    expect(plan.due.map((a) => [a.stage, a.kind])).toEqual([
      ['early-warning', 'overdue'],
      ['notification', 'overdue'],
    ])
    expect(plan.superseded).toHaveLength(4)
    expect(plan.nextAt).toBeUndefined()
  })

  it('stops alerting for a filed stage', () => {
    const filed = craClocks(
      vulnerability({ filed: { 'early-warning': { at: '2026-12-05T01:00:00.000Z', reference: 'x' } } }),
      vienna,
      fridayFive,
    )
    const plan = planCraAlerts(filed, new Set(), '2026-12-06T05:00:00.000Z')
    expect(plan.due.map((a) => a.stage)).toEqual(['notification'])
  })
})

describe('CRA stage forms and exports', () => {
  it('asks at each stage what the Act asks', () => {
    expect(craStageFields.vulnerability['early-warning'].map((f) => f.key)).toEqual(['memberStates'])
    expect(craStageFields.vulnerability.notification.map((f) => f.key)).toEqual([
      'product',
      'exploitNature',
      'vulnerabilityNature',
      'measuresTaken',
      'userMeasures',
      'sensitivity',
    ])
    expect(craStageFields.vulnerability['final-report'].map((f) => f.key)).toEqual([
      'description',
      'severity',
      'impact',
      'maliciousActor',
      'securityUpdate',
    ])
    expect(craStageFields.incident['early-warning'].map((f) => f.key)).toEqual(['suspectedMalicious', 'memberStates'])
    expect(craStageFields.incident['final-report'].map((f) => f.key)).toContain('rootCause')
  })

  it('pre-fills from the advisory, keeps what the team saved, and exports only the stage fields with the not-submitted notice', () => {
    const sources = {
      product: 'Acme Router, fixed in 2.0',
      title: 'Command injection',
      cwes: ['CWE-78'],
      workarounds: 'Disable the web UI.',
    }
    const values = stageValues('vulnerability', 'notification', { exploitNature: 'Used in the wild against routers' }, sources)
    expect(values).toEqual({
      product: 'Acme Router, fixed in 2.0',
      exploitNature: 'Used in the wild against routers',
      vulnerabilityNature: 'Command injection (CWE-78)',
      measuresTaken: '',
      userMeasures: 'Disable the web UI.',
      sensitivity: '',
    })
    const clock = craClocks(vulnerability(), vienna, fridayFive)[1]
    if (!clock) throw new Error('no clock')
    const exported = craStageExport({
      kind: 'vulnerability',
      stage: 'notification',
      ref: 'ACME-2026-0001',
      manufacturer: { name: 'Acme', memberState: 'NL', csirt: 'NCSC-NL' },
      awareAt: fridayFive,
      measureAt: null,
      clock,
      values,
      generatedAt: fridayFive,
    })
    expect(exported).toMatchObject({
      article: 'Art. 14(2)(b)',
      manufacturer: { name: 'Acme', mainEstablishment: 'NL' },
      coordinatingCsirt: 'NCSC-NL',
      dueAt: '2026-12-07T16:00:00.000Z',
    })
    expect(exported.fields.map((f) => f.key)).toEqual(Object.keys(values))
    expect(exported.submission).toContain('Not submitted by Embargo')
  })

  it('reads typed moments in the organization zone', () => {
    expect(instantFromLocal('2026-12-04T17:00', vienna)).toBe(fridayFive)
    expect(instantFromLocal('2026-02-30T10:00', vienna)).toBeUndefined()
    expect(instantFromLocal('yesterday', vienna)).toBeUndefined()
    expect(isEuMemberState('NL')).toBe(true)
    expect(isEuMemberState('GB')).toBe(false)
    expect(isEuMemberState('EL')).toBe(false)
  })

  it('drafts the notice to users from the advisory with its CSAF document', () => {
    const notice = draftUserNotice('Acme', 'vulnerability', {
      ownId: 'ACME-ADV-2026-0001',
      title: 'Command injection in Acme Router',
      summary: 'An attacker on the network can run commands.',
      workarounds: 'Disable the web UI.',
      products: [{ name: 'Acme Router', fixed: ['2.0.1'] }],
      cve: 'CVE-2026-12345',
      url: 'https://embargo.example/o/acme/advisories/ACME-ADV-2026-0001',
      csafUrl: 'https://embargo.example/o/acme/.well-known/csaf/white/2026/acme-adv-2026-0001.json',
    })
    expect(notice.subject).toBe('Security notice: Command injection in Acme Router')
    expect(notice.body).toContain('actively exploited vulnerability (ACME-ADV-2026-0001, CVE-2026-12345)')
    expect(notice.body).toContain('- Acme Router (fixed in 2.0.1)')
    expect(notice.body).toContain('Disable the web UI.')
    expect(notice.machineReadable).toContain('.well-known/csaf/white/2026/')
  })
})
