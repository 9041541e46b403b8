/**
 * The Cyber Resilience Act case at its edges (src/domain/regulation/): deadlines filed exactly on
 * time or a millisecond late, the incident's "one month" across year ends, leap years, month ends
 * and the zone's midnight, the alerts' keys and order, the moments a team member types, and the
 * exact export and notice to users a team files or sends.
 */
import { describe, expect, it } from 'vitest'
import { planCraAlerts } from '../../../src/domain/regulation/cra-alerts.js'
import {
  type CraCaseFacts,
  type CraClock,
  craClocks,
  nextCraDue,
  oneMonthLater,
  openClocks,
} from '../../../src/domain/regulation/cra-clocks.js'
import { craStageExport, notSubmittedNotice, prefill, stageValues } from '../../../src/domain/regulation/cra-forms.js'
import { instantFromLocal, localInputValue } from '../../../src/domain/regulation/local-time.js'
import { draftUserNotice, type NoticeAdvisory } from '../../../src/domain/regulation/user-notice.js'

const vienna = 'Europe/Vienna'
/** Friday 4 December 2026, 17:00 in Vienna. */
const aware = '2026-12-04T16:00:00.000Z'
const hour = 3_600_000
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()
const facts = (more: Partial<CraCaseFacts> = {}): CraCaseFacts => ({
  kind: 'vulnerability',
  awareAt: aware,
  measureAt: null,
  filed: {},
  ...more,
})
const byStage = (c: CraCaseFacts, now: string) => Object.fromEntries(craClocks(c, vienna, now).map((k) => [k.stage, k]))

describe('the final report of an incident: one month after the notification was filed', () => {
  it('keeps the wall-clock time in the zone, across a year end and a change to summer time', () => {
    expect(oneMonthLater('2026-11-30T09:00:00.000Z', vienna)).toBe('2026-12-30T09:00:00.000Z')
    expect(oneMonthLater('2026-12-31T09:00:00.000Z', vienna)).toBe('2027-01-31T09:00:00.000Z')
    // 15 March 10:00 CET → 15 April 10:00 CEST.
    expect(oneMonthLater('2027-03-15T09:00:00.000Z', vienna)).toBe('2027-04-15T08:00:00.000Z')
  })

  it('falls on the last day of a shorter month, 29 February in a leap year', () => {
    expect(oneMonthLater('2028-01-31T09:00:00.000Z', vienna)).toBe('2028-02-29T09:00:00.000Z')
    expect(oneMonthLater('2027-03-31T08:00:00.000Z', vienna)).toBe('2027-04-30T08:00:00.000Z')
    expect(oneMonthLater('2027-01-29T09:00:00.000Z', vienna)).toBe('2027-02-28T09:00:00.000Z')
  })

  it("counts the day in the organization's zone, not in UTC", () => {
    // 31 January 00:30 in Vienna is still 30 January in UTC: the month ends on 28 February, 00:30 Vienna.
    expect(oneMonthLater('2027-01-30T23:30:00.000Z', vienna)).toBe('2027-02-27T23:30:00.000Z')
  })

  it('starts when the notification is filed and waits until then', () => {
    const filedAt = '2026-12-07T10:00:00.000Z'
    const incident = facts({ kind: 'incident', measureAt: '2026-12-05T10:00:00.000Z' })
    expect(byStage(incident, filedAt)['final-report']).toEqual({ stage: 'final-report', startedAt: null, dueAt: null, state: 'waiting' })
    const notified = { ...incident, filed: { notification: { at: filedAt, reference: 'N-1' } } }
    expect(byStage(notified, filedAt)['final-report']).toEqual({
      stage: 'final-report',
      startedAt: filedAt,
      dueAt: '2027-01-07T10:00:00.000Z',
      state: 'running',
    })
  })
})

describe('a stage’s state at its deadline', () => {
  const dueEw = plus(aware, 24 * hour)

  it('is running up to the deadline itself and overdue a millisecond after', () => {
    expect(byStage(facts(), dueEw)['early-warning']?.state).toBe('running')
    expect(byStage(facts(), plus(dueEw, 1))['early-warning']?.state).toBe('overdue')
  })

  it('is filed when filed exactly at the deadline, filed late a millisecond after', () => {
    const filing = (at: string) => ({ 'early-warning': { at, reference: 'EW-1' } })
    expect(byStage(facts({ filed: filing(dueEw) }), plus(dueEw, hour))['early-warning']).toEqual({
      stage: 'early-warning',
      startedAt: aware,
      dueAt: dueEw,
      state: 'filed',
      filing: { at: dueEw, reference: 'EW-1' },
    })
    expect(byStage(facts({ filed: filing(plus(dueEw, 1)) }), dueEw)['early-warning']?.state).toBe('filed-late')
  })

  it('a final report filed before its measure was recorded counts as filed, never late', () => {
    const c = byStage(
      facts({ filed: { 'final-report': { at: '2026-12-20T10:00:00.000Z', reference: 'F-1' } } }),
      '2026-12-21T00:00:00.000Z',
    )
    expect(c['final-report']).toMatchObject({ startedAt: null, dueAt: null, state: 'filed' })
  })

  it('the overview sorts by the earliest deadline still owed, and has none when all are filed or waiting', () => {
    const clocks = craClocks(
      facts({ measureAt: '2026-11-20T10:00:00.000Z', filed: { 'early-warning': { at: aware, reference: 'x' } } }),
      vienna,
      aware,
    )
    expect(openClocks(clocks).map((c) => c.stage)).toEqual(['notification', 'final-report'])
    // The final report (due 4 December 10:00 UTC) is due before the notification (7 December).
    expect(nextCraDue(clocks)).toBe('2026-12-04T10:00:00.000Z')
    const late = craClocks(facts(), vienna, plus(aware, 100 * hour))
    expect(openClocks(late).map((c) => c.state)).toEqual(['overdue', 'overdue'])
    const done = craClocks(
      facts({ filed: { 'early-warning': { at: aware, reference: 'x' }, notification: { at: aware, reference: 'y' } } }),
      vienna,
      aware,
    )
    expect(openClocks(done)).toEqual([])
    expect(nextCraDue(done)).toBeUndefined()
  })
})

describe('the alerts of a case', () => {
  it('carry a stable key per stage, start and fraction, the stage’s deadline, and are planned again only when not yet sent', () => {
    const plan = planCraAlerts(craClocks(facts(), vienna, aware), new Set(), plus(aware, 12 * hour))
    expect(plan.due).toEqual([
      {
        key: `early-warning@${aware}:50`,
        stage: 'early-warning',
        kind: 'remind',
        fraction: 0.5,
        at: plus(aware, 12 * hour),
        dueAt: plus(aware, 24 * hour),
      },
    ])
    expect(plan.superseded).toEqual([])
    expect(plan.nextAt).toBe(plus(aware, 18 * hour))
    const later = planCraAlerts(craClocks(facts(), vienna, aware), new Set([`early-warning@${aware}:50`]), plus(aware, 18 * hour))
    expect(later.due.map((a) => a.key)).toEqual([`early-warning@${aware}:75`])
  })

  it('at a deadline, escalate with the key of the whole window', () => {
    const plan = planCraAlerts(
      craClocks(facts(), vienna, aware),
      new Set([`early-warning@${aware}:50`, `early-warning@${aware}:75`]),
      plus(aware, 24 * hour),
    )
    expect(plan.due.map((a) => [a.key, a.kind])).toEqual([[`early-warning@${aware}:100`, 'overdue']])
  })

  it('plan nothing for a stage that waits for its start', () => {
    const plan = planCraAlerts(craClocks(facts({ kind: 'incident' }), vienna, aware), new Set(), plus(aware, 1000 * hour))
    expect(plan.due.map((a) => a.stage)).toEqual(['early-warning', 'notification'])
    expect(plan.nextAt).toBeUndefined()
    const waiting: CraClock = { stage: 'final-report', startedAt: aware, dueAt: null, state: 'running' }
    expect(planCraAlerts([waiting], new Set(), plus(aware, 1000 * hour))).toEqual({ due: [], superseded: [] })
  })

  it('send the alerts due at one sweep oldest first, the same moment by stage name', () => {
    // A measure four days before the awareness: half of the final report's 14 days falls with the notification's deadline.
    const measureAt = plus(aware, -96 * hour)
    const sweep = plus(aware, 72 * hour)
    const sent = new Set([`early-warning@${aware}:50`, `early-warning@${aware}:75`, `early-warning@${aware}:100`])
    const plan = planCraAlerts(craClocks(facts({ measureAt }), vienna, sweep), sent, sweep)
    expect(plan.due.map((a) => [a.stage, a.at])).toEqual([
      ['final-report', sweep],
      ['notification', sweep],
    ])
    expect(plan.superseded.map((a) => a.key)).toEqual([`notification@${aware}:50`, `notification@${aware}:75`])
    expect(plan.nextAt).toBe(plus(measureAt, 252 * hour))
  })
})

describe('moments a team member types', () => {
  it('are read in the organization’s zone, surrounding spaces ignored', () => {
    expect(instantFromLocal(' 2026-12-04T17:00 ', vienna)).toBe(aware)
    expect(instantFromLocal('2026-07-01T00:00', vienna)).toBe('2026-06-30T22:00:00.000Z')
    expect(instantFromLocal('2028-02-29T23:59', 'UTC')).toBe('2028-02-29T23:59:00.000Z')
    expect(instantFromLocal('2026-12-31T23:00', 'UTC')).toBe('2026-12-31T23:00:00.000Z')
    expect(instantFromLocal('2026-01-01T00:00', 'UTC')).toBe('2026-01-01T00:00:00.000Z')
  })

  it('are refused when not a real date and time of the form the browser sends', () => {
    for (const text of [
      '2026-00-10T10:00',
      '2026-13-10T10:00',
      '2026-04-00T10:00',
      '2026-04-31T10:00',
      '2027-02-29T10:00',
      '2026-12-04T24:00',
      '2026-12-04T17:60',
      '2026-12-04 17:00',
      '2026-12-04T17:00:00',
      'x2026-12-04T17:00',
      '2026-12-04T17:00x',
      '26-12-04T17:00',
      '2026-12-4T17:00',
      '',
    ])
      expect(instantFromLocal(text, vienna), text).toBeUndefined()
  })

  it('are shown back as the browser’s field expects them, zero-padded', () => {
    expect(localInputValue('2027-01-02T03:04:00.000Z', 'UTC')).toBe('2027-01-02T03:04')
    expect(localInputValue('2027-01-02T03:04:59.999Z', vienna)).toBe('2027-01-02T04:04')
    expect(localInputValue('2026-12-31T23:30:00.000Z', vienna)).toBe('2027-01-01T00:30')
  })
})

describe('the stage forms and their export', () => {
  it('start from the advisory: its title and weaknesses, summary and description, only where there is text', () => {
    expect(
      prefill({
        product: 'Acme Router',
        title: 'Command injection',
        cwes: ['CWE-78', 'CWE-77'],
        severity: 'High',
        summary: 'Commands run as root.',
        description: 'The ping page passes the host to a shell.',
        workarounds: 'Disable the web UI.',
        securityUpdate: 'Fixed in 2.0.1.',
      }),
    ).toEqual({
      product: 'Acme Router',
      vulnerabilityNature: 'Command injection (CWE-78, CWE-77)',
      severity: 'High',
      description: 'Commands run as root.\n\nThe ping page passes the host to a shell.',
      userMeasures: 'Disable the web UI.',
      securityUpdate: 'Fixed in 2.0.1.',
    })
    expect(prefill({ title: 'Command injection', cwes: [], description: 'Only this.' })).toEqual({
      vulnerabilityNature: 'Command injection',
      description: 'Only this.',
    })
    expect(prefill({ cwes: ['CWE-78'], summary: 'Only the summary.' })).toEqual({
      vulnerabilityNature: '(CWE-78)',
      description: 'Only the summary.',
    })
    expect(prefill({ product: ' ', workarounds: '\n', severity: '' })).toEqual({})
  })

  it('keep what the team saved, even a field it emptied, for the fields of the stage only', () => {
    const values = stageValues('incident', 'early-warning', { memberStates: '', product: 'not of this stage' }, { product: 'Acme' })
    expect(values).toEqual({ suspectedMalicious: '', memberStates: '' })
    expect(stageValues('vulnerability', 'final-report', undefined, { severity: 'High' })).toEqual({
      description: '',
      severity: 'High',
      impact: '',
      maliciousActor: '',
      securityUpdate: '',
    })
  })

  it('export exactly what the team files: the Act’s words beside each answer, the deadline and the filing', () => {
    const filed = { at: '2027-01-10T09:00:00.000Z', reference: 'ENISA-42' }
    const clock: CraClock = {
      stage: 'final-report',
      startedAt: '2026-12-08T10:00:00.000Z',
      dueAt: '2027-01-08T10:00:00.000Z',
      state: 'filed-late',
      filing: filed,
    }
    const values = stageValues('incident', 'final-report', { rootCause: 'A stolen signing key.' }, { severity: 'High' })
    expect(
      craStageExport({
        kind: 'incident',
        stage: 'final-report',
        ref: 'ACME-2026-0002',
        manufacturer: { name: 'Acme' },
        awareAt: aware,
        measureAt: '2026-12-06T10:00:00.000Z',
        clock,
        values,
        generatedAt: '2027-01-10T10:00:00.000Z',
      }),
    ).toEqual({
      regulation: 'Regulation (EU) 2024/2847 (Cyber Resilience Act)',
      article: 'Art. 14(4)(c)',
      kind: 'severe incident having an impact on the security of the product',
      stage: 'final-report',
      reference: 'ACME-2026-0002',
      manufacturer: { name: 'Acme' },
      awareAt: aware,
      measureAvailableAt: '2026-12-06T10:00:00.000Z',
      dueAt: '2027-01-08T10:00:00.000Z',
      filed,
      fields: [
        { key: 'description', asks: 'A detailed description of the incident, including its severity and impact', answer: '' },
        { key: 'severity', asks: 'Severity', answer: 'High' },
        { key: 'impact', asks: 'Impact', answer: '' },
        {
          key: 'rootCause',
          asks: 'The type of threat or root cause that is likely to have triggered the incident',
          answer: 'A stolen signing key.',
        },
        { key: 'mitigation', asks: 'Applied and ongoing mitigation measures', answer: '' },
      ],
      submission: notSubmittedNotice,
      generatedAt: '2027-01-10T10:00:00.000Z',
    })
    expect(notSubmittedNotice).toMatch(/^Not submitted by Embargo\. .*ENISA's single reporting platform/)
  })

  it('name an actively exploited vulnerability as such, and leave out an establishment or CSIRT not given', () => {
    const clock = craClocks(facts(), vienna, aware)[0] as CraClock
    const exported = craStageExport({
      kind: 'vulnerability',
      stage: 'early-warning',
      ref: 'ACME-2026-0001',
      manufacturer: { name: 'Acme', memberState: '', csirt: undefined },
      awareAt: aware,
      measureAt: null,
      clock,
      values: stageValues('vulnerability', 'early-warning', { memberStates: 'NL, BE' }, {}),
      generatedAt: aware,
    })
    expect(exported).toMatchObject({ article: 'Art. 14(2)(a)', kind: 'actively exploited vulnerability', manufacturer: { name: 'Acme' } })
    expect(Object.keys(exported)).toEqual([
      'regulation',
      'article',
      'kind',
      'stage',
      'reference',
      'manufacturer',
      'awareAt',
      'dueAt',
      'fields',
      'submission',
      'generatedAt',
    ])
    expect(exported.manufacturer).toEqual({ name: 'Acme' })
    expect(exported.fields).toEqual([
      {
        key: 'memberStates',
        asks: 'Where applicable, the Member States on the territory of which the manufacturer is aware that the product has been made available',
        answer: 'NL, BE',
      },
    ])
  })
})

describe('the notice to users', () => {
  const advisory: NoticeAdvisory = {
    ownId: 'ACME-ADV-2026-0002',
    title: 'Signing key stolen',
    summary: '  Updates signed with the old key may be forged.  ',
    workarounds: '  ',
    products: [
      { name: 'Acme Updater', fixed: [] },
      { name: 'Acme Agent', fixed: ['3.1.4', '3.2.1'] },
    ],
  }

  it('for an incident: named by the advisory id alone, fixed versions listed, no workaround section when there is none', () => {
    expect(draftUserNotice('Acme', 'incident', advisory)).toEqual({
      subject: 'Security notice: Signing key stolen',
      body: [
        'Acme informs the users of the products below about a severe incident (ACME-ADV-2026-0002).',
        '',
        'Updates signed with the old key may be forged.',
        '',
        '**Affected products**',
        '',
        '- Acme Updater',
        '- Acme Agent (fixed in 3.1.4, 3.2.1)',
        '',
        '**What to do**',
        '',
        'Update to a fixed version as soon as possible.',
        '',
      ].join('\n'),
      machineReadable: undefined,
    })
  })

  it('without a fixed version says nothing of updating; with an empty summary leaves no gap', () => {
    const notice = draftUserNotice('Acme', 'vulnerability', {
      ...advisory,
      summary: '',
      workarounds: ' Block port 8443. ',
      products: [{ name: 'Acme Updater', fixed: [] }],
      url: 'https://embargo.example/a',
    })
    expect(notice.body).toBe(
      [
        'Acme informs the users of the products below about an actively exploited vulnerability (ACME-ADV-2026-0002).',
        '',
        '**Affected products**',
        '',
        '- Acme Updater',
        '',
        '**Until you can update**',
        '',
        'Block port 8443.',
        '',
        'The advisory: https://embargo.example/a',
        '',
      ].join('\n'),
    )
    expect(notice.machineReadable).toBeUndefined()
  })

  it('links the published advisory and its CSAF document when there are both', () => {
    const csafUrl = 'https://embargo.example/o/acme/.well-known/csaf/white/2026/acme-adv-2026-0002.json'
    const notice = draftUserNotice('Acme', 'incident', { ...advisory, url: 'https://embargo.example/a', csafUrl })
    expect(notice.body.endsWith(`\n\nThe advisory: https://embargo.example/a\nMachine-readable (CSAF 2.0): ${csafUrl}\n`)).toBe(true)
    expect(notice.machineReadable).toBe(csafUrl)
  })
})
