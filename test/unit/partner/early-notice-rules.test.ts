/**
 * Early notice to partners and the public merge, at their edges (src/domain/partner/): which
 * refusal a team member sees when several apply, a partner's limit written in business days or
 * nonsense, exclusions regardless of case, reminders at exactly the third one or the release, the
 * merge step without a policy, and what an administrator's partner form keeps or refuses.
 */
import { describe, expect, it } from 'vitest'
import {
  earliestNotice,
  exclusionOf,
  mayNotify,
  nextReminderAt,
  reminderDue,
  reminderEveryMs,
  rescheduledNotice,
} from '../../../src/domain/partner/notice-rules.js'
import { checkContact, checkPartnerInput, type PartnerInput } from '../../../src/domain/partner/partner.js'
import { mayRecordMerge, mergeStep, mergeWindowOpened } from '../../../src/domain/partner/public-merge.js'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { plannedReleaseAt } from '../../../src/domain/policy/release-windows.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const policyOf = (disclosure: string): Policy => {
  const result = parsePolicy(
    [
      'version: 1',
      'organization: { name: Example, slug: example }',
      'channels: { webForm: { enabled: true } }',
      'calendar: { timeZone: Europe/Vienna }',
      'clocks: {}',
      disclosure,
    ].join('\n'),
    'policy.yaml',
  )
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'))
  return result.policy
}

const zone = 'Europe/Vienna'
const at = (text: string) => plannedReleaseAt(text, zone) as number
const hour = 3_600_000
/** Tuesday 15 December 2026, 10:00 in Vienna. */
const release = at('2026-12-15T10:00')
const early = policyOf(
  "disclosure: { earlyDisclosure: { audience: organizations, channel: 'a list' }, releaseWindows: { partnerNotice: 10 days } }",
)
const earlyAnyTime = policyOf("disclosure: { earlyDisclosure: { audience: organizations, channel: 'a list' } }")
const open = { excludedLabels: [] as string[], excludedPrograms: [] as string[] }
const scope = { labels: ['Informational', 'web'], programs: ['Agent'] }

describe("a partner's own limit", () => {
  it('counts only when written in days or hours: business days or words that are no duration leave the policy’s window', () => {
    const policyFrom = at('2026-12-05T10:00')
    for (const maxEmbargo of ['3 business days', 'soon', ''])
      expect(earliestNotice(early, { maxEmbargo }, release), maxEmbargo).toBe(policyFrom)
    expect(earliestNotice(earlyAnyTime, { maxEmbargo: '3 business days' }, release)).toBeUndefined()
    expect(earliestNotice(earlyAnyTime, { maxEmbargo: '36 hours' }, release)).toBe(release - 36 * hour)
  })
})

describe('which refusal a team member sees', () => {
  it('an early notice the policy does not promise comes first, then a release not planned, then one already past', () => {
    const none = policyOf('disclosure: {}')
    expect(mayNotify(policyOf(''), open, scope, release, release - 1)).toEqual({ ok: false, error: { code: 'EARLY_NOTICE_NOT_IN_POLICY' } })
    const excluded = { excludedLabels: ['web'], excludedPrograms: [] }
    expect(mayNotify(none, excluded, scope, undefined, release)).toEqual({ ok: false, error: { code: 'EARLY_NOTICE_NOT_IN_POLICY' } })
    expect(mayNotify(early, excluded, scope, undefined, release)).toEqual({ ok: false, error: { code: 'RELEASE_NOT_PLANNED' } })
    expect(mayNotify(early, excluded, scope, release, release + 1)).toEqual({ ok: false, error: { code: 'RELEASE_PASSED' } })
  })

  it('an excluded partner is refused even when it would be too early, naming the first excluded label', () => {
    const partner = { excludedLabels: ['WEB', 'informational'], excludedPrograms: ['agent'] }
    expect(mayNotify(early, partner, scope, release, at('2026-12-01T10:00'))).toEqual({
      ok: false,
      error: { code: 'PARTNER_EXCLUDED', label: 'Informational' },
    })
  })

  it('without any window a partner may be told at any time before the release', () => {
    expect(mayNotify(earlyAnyTime, open, scope, release, release - 365 * 24 * hour)).toEqual({ ok: true, value: true })
  })
})

describe('exclusions', () => {
  it('match a label or program regardless of case on either side, any excluded one among others', () => {
    expect(exclusionOf({ excludedLabels: ['docs', 'WEB'], excludedPrograms: [] }, scope)).toEqual({ label: 'web' })
    expect(exclusionOf({ excludedLabels: ['docs'], excludedPrograms: ['other', 'AGENT'] }, scope)).toEqual({ program: 'Agent' })
    expect(exclusionOf({ excludedLabels: ['informationa'], excludedPrograms: ['agents'] }, scope)).toBeUndefined()
    expect(exclusionOf(open, scope)).toBeUndefined()
  })
})

describe('a scheduled notice moved with the release', () => {
  it('goes now when nothing holds it back', () => {
    expect(rescheduledNotice(earlyAnyTime, {}, release, at('2026-12-01T10:00'))).toBe(at('2026-12-01T10:00'))
    expect(rescheduledNotice(early, {}, release, at('2026-12-01T10:00'))).toBe(at('2026-12-05T10:00'))
  })
})

describe('reminders at their edges', () => {
  const sentAt = at('2026-12-01T10:00')
  it('the second and third reminder still fall due; after the third, none', () => {
    const reminded = (reminders: number) => ({ sentAt, remindedAt: sentAt + reminders * reminderEveryMs, reminders })
    expect(reminderEveryMs).toBe(48 * hour)
    expect(reminderDue(reminded(1), release, sentAt + 2 * reminderEveryMs)).toBe(true)
    expect(reminderDue(reminded(2), release, sentAt + 3 * reminderEveryMs)).toBe(true)
    expect(nextReminderAt(reminded(2), release)).toBe(sentAt + 3 * reminderEveryMs)
    expect(reminderDue(reminded(3), release, sentAt + 4 * reminderEveryMs)).toBe(false)
    expect(nextReminderAt(reminded(3), undefined)).toBeUndefined()
  })

  it('counts from the last reminder, not from the notice', () => {
    const n = { sentAt, remindedAt: sentAt + 60 * hour, reminders: 1 }
    expect(reminderDue(n, release, sentAt + 100 * hour)).toBe(false)
    expect(reminderDue(n, release, sentAt + 108 * hour)).toBe(true)
    expect(nextReminderAt(n, release)).toBe(sentAt + 108 * hour)
  })

  it('none at or after the release; one falling a moment before it is still sent', () => {
    const n = { sentAt, remindedAt: undefined, reminders: 0 }
    const due = sentAt + reminderEveryMs
    expect(reminderDue(n, due, due)).toBe(false)
    expect(reminderDue(n, due + 1, due)).toBe(true)
    expect(reminderDue(n, undefined, due)).toBe(true)
    expect(nextReminderAt(n, due)).toBeUndefined()
    expect(nextReminderAt(n, due + 1)).toBe(due)
    expect(nextReminderAt(n, undefined)).toBe(due)
  })
})

describe('the public merge without a policy or a window', () => {
  it('may be recorded any time before a planned release; the step is open, then overdue, then done', () => {
    expect(mayRecordMerge(undefined, release, undefined, release - 400 * hour)).toStrictEqual({ ok: true, value: {} })
    expect(mayRecordMerge(undefined, undefined, undefined, release)).toEqual({ ok: false, error: { code: 'RELEASE_NOT_PLANNED' } })
    expect(mergeStep(undefined, release, undefined, release - 1)).toStrictEqual({ state: 'open', due: release })
    expect(mergeStep(undefined, release, undefined, release)).toStrictEqual({ state: 'overdue', due: release })
    expect(mergeStep(undefined, release, release - hour, release + hour)).toEqual({ state: 'done', due: release, mergedAt: release - hour })
    expect(mergeWindowOpened(undefined, release, undefined, release - 1)).toBeUndefined()
  })

  it('with a window: recorded late is still done, and the open step names when it opened', () => {
    const policy = policyOf('disclosure: { releaseWindows: { publicMerge: 48 hours } }')
    const opens = release - 48 * hour
    expect(mergeStep(policy, release, release + hour, release + 2 * hour)).toEqual({
      state: 'done',
      from: opens,
      due: release,
      mergedAt: release + hour,
    })
    expect(mergeStep(policy, release, undefined, release - 1)).toStrictEqual({ state: 'open', from: opens, due: release })
    expect(mergeStep(policy, release, undefined, release + 1)).toEqual({ state: 'overdue', from: opens, due: release })
    expect(mergeWindowOpened(policy, release, undefined, release - 1)).toBe(opens)
    expect(mergeWindowOpened(policy, release, undefined, release + 1)).toBeUndefined()
  })
})

describe('the partner form', () => {
  const input: PartnerInput = { name: 'Distro', kind: 'cert', maxEmbargo: '', excludedLabels: '', excludedPrograms: '' }
  const fieldsOf = (more: Partial<PartnerInput>) => {
    const r = checkPartnerInput({ ...input, ...more })
    return r.ok ? {} : r.error.fields
  }

  it('takes every kind of partner, and no other', () => {
    for (const kind of ['distribution', 'downstream-vendor', 'cert', 'customer'])
      expect(checkPartnerInput({ ...input, kind }), kind).toMatchObject({ ok: true, value: { kind } })
    expect(fieldsOf({ kind: 'CERT' })).toEqual({ kind: 'unknown-kind' })
    expect(fieldsOf({ kind: '' })).toEqual({ kind: 'unknown-kind' })
  })

  it('keeps the name on one line, without invisible or control characters, up to 200 characters', () => {
    expect(checkPartnerInput({ ...input, name: '\tDebian\u0000Security\u200b\u2028Team\n' })).toMatchObject({
      value: { name: 'Debian Security  Team' },
    })
    expect(checkPartnerInput({ ...input, name: '🐧'.repeat(200) })).toMatchObject({ ok: true })
    expect(fieldsOf({ name: 'x'.repeat(201) })).toEqual({ name: 'too-long' })
    expect(fieldsOf({ name: '\u200b\u0007' })).toEqual({ name: 'required' })
  })

  it('keeps a limit of days, weeks or hours as typed; refuses none at all, business days and words that are no duration', () => {
    expect(checkPartnerInput({ ...input, maxEmbargo: ' 72 hours\n' })).toEqual({
      ok: true,
      value: { name: 'Distro', kind: 'cert', maxEmbargo: '72 hours', excludedLabels: [], excludedPrograms: [] },
    })
    expect(checkPartnerInput({ ...input, maxEmbargo: '2 weeks' })).toMatchObject({ ok: true, value: { maxEmbargo: '2 weeks' } })
    expect(checkPartnerInput({ ...input, maxEmbargo: ' \n' })).toEqual({
      ok: true,
      value: { name: 'Distro', kind: 'cert', excludedLabels: [], excludedPrograms: [] },
    })
    for (const maxEmbargo of ['0 days', 'immediately', '2 business days', 'a while'])
      expect(fieldsOf({ maxEmbargo }), maxEmbargo).toEqual({ maxEmbargo: 'bad-duration' })
    expect(fieldsOf({ maxEmbargo: '1 hour' })).toEqual({})
  })

  it('reads exclusions separated by commas or lines, each once, and at most 50 of each', () => {
    expect(
      checkPartnerInput({ ...input, excludedLabels: 'docs,\n web ,docs,, ', excludedPrograms: 'agent\nagent\r\ncloud' }),
    ).toMatchObject({
      value: { excludedLabels: ['docs', 'web'], excludedPrograms: ['agent', 'cloud'] },
    })
    const list = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`).join(',')
    expect(fieldsOf({ excludedLabels: list(50), excludedPrograms: list(50) })).toEqual({})
    expect(fieldsOf({ excludedLabels: list(51) })).toEqual({ name: 'too-many' })
    expect(fieldsOf({ excludedPrograms: list(51) })).toEqual({ name: 'too-many' })
    expect(fieldsOf({ name: '', excludedLabels: list(51) })).toEqual({ name: 'required' })
  })

  it("takes a contact's plain address, with a usable key or none", () => {
    expect(checkContact(" O'Brien+sec@Mail.Example.org ", true, true)).toEqual({ ok: true, value: "o'brien+sec@mail.example.org" })
    expect(checkContact('a@b', false, false)).toEqual({ ok: true, value: 'a@b' })
    for (const blank of ['', '  '])
      expect(checkContact(blank, false, false)).toEqual({ ok: false, error: { code: 'PARTNER_INVALID', fields: { address: 'required' } } })
    for (const bad of ['desk', 'desk@', 'dësk@cert.example', 'desk@cert_example.org', 'Desk <desk@cert.example>'])
      expect(checkContact(bad, false, false), bad).toEqual({
        ok: false,
        error: { code: 'PARTNER_INVALID', fields: { address: 'bad-address' } },
      })
    expect(checkContact('desk', true, false)).toEqual({
      ok: false,
      error: { code: 'PARTNER_INVALID', fields: { address: 'bad-address', publicKey: 'bad-key' } },
    })
  })
})
