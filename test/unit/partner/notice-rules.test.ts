/**
 * Issue 12, items 1–3: which partners may be told of an advisory, and when. The shorter of the
 * policy's `partnerNotice` window and the partner's own longest embargo wins; the boundary is
 * inclusive; exclusions by label or program; reminders every 48 hours, at most three, never after
 * the release.
 */
import { describe, expect, it } from 'vitest'
import {
  earliestNotice,
  exclusionOf,
  maxReminders,
  mayNotify,
  nextReminderAt,
  reminderDue,
  rescheduledNotice,
} from '../../../src/domain/partner/notice-rules.js'
import { checkContact, checkPartnerInput } from '../../../src/domain/partner/partner.js'
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

const early =
  "disclosure: { earlyDisclosure: { audience: organizations, channel: 'a list' }, releaseWindows: { partnerNotice: 10 days, publicMerge: 24 hours } }"
const earlyNoWindow = "disclosure: { earlyDisclosure: { audience: organizations, channel: 'a list' } }"
const zone = 'Europe/Vienna'
const at = (text: string) => plannedReleaseAt(text, zone) as number
/** Tuesday 15 December 2026, 10:00 in Vienna (09:00 UTC). */
const release = at('2026-12-15T10:00')
const open = { excludedLabels: [], excludedPrograms: [] }
const scope = { labels: ['informational'], programs: ['agent'] }

describe('when a partner may be told', () => {
  it("takes the shorter of the policy's window and the partner's own limit", () => {
    const policy = policyOf(early)
    expect(earliestNotice(policy, {}, release)).toBe(at('2026-12-05T10:00'))
    expect(earliestNotice(policy, { maxEmbargo: '7 days' }, release)).toBe(at('2026-12-08T10:00'))
    // A partner accepting more than the policy allows is still held to the policy.
    expect(earliestNotice(policy, { maxEmbargo: '30 days' }, release)).toBe(at('2026-12-05T10:00'))
    expect(earliestNotice(policy, { maxEmbargo: '72 hours' }, release)).toBe(release - 72 * 3_600_000)
    expect(earliestNotice(policyOf(earlyNoWindow), {}, release)).toBeUndefined()
    expect(earliestNotice(policyOf(earlyNoWindow), { maxEmbargo: '7 days' }, release)).toBe(at('2026-12-08T10:00'))
  })

  it('counts days on the wall clock across a change of daylight saving time', () => {
    expect(earliestNotice(policyOf(earlyNoWindow), { maxEmbargo: '7 days' }, at('2027-04-02T10:00'))).toBe(at('2027-03-26T10:00'))
  })

  it('refuses 8 days out a partner that accepts 7, with the moment it becomes possible, and allows it exactly then', () => {
    const policy = policyOf(early)
    const partner = { ...open, maxEmbargo: '7 days' }
    const from = at('2026-12-08T10:00')
    expect(mayNotify(policy, partner, scope, release, release - 8 * 86_400_000)).toEqual({
      ok: false,
      error: { code: 'NOTICE_TOO_EARLY', from },
    })
    expect(mayNotify(policy, partner, scope, release, from - 1)).toEqual({ ok: false, error: { code: 'NOTICE_TOO_EARLY', from } })
    expect(mayNotify(policy, partner, scope, release, from)).toEqual({ ok: true, value: true })
    expect(mayNotify(policy, partner, scope, release, release - 1)).toEqual({ ok: true, value: true })
  })

  it('refuses without early disclosure in the policy, without a planned release, and once the release has come', () => {
    const partner = { ...open }
    expect(mayNotify(policyOf('disclosure: {}'), partner, scope, release, release - 1)).toMatchObject({
      error: { code: 'EARLY_NOTICE_NOT_IN_POLICY' },
    })
    expect(mayNotify(policyOf(early), partner, scope, undefined, release)).toMatchObject({ error: { code: 'RELEASE_NOT_PLANNED' } })
    expect(mayNotify(policyOf(early), partner, scope, release, release)).toMatchObject({ error: { code: 'RELEASE_PASSED' } })
  })

  it('leaves out a partner that does not want the advisory’s labels or programs, whatever the time', () => {
    const policy = policyOf(early)
    expect(exclusionOf({ excludedLabels: ['Informational'], excludedPrograms: [] }, scope)).toEqual({ label: 'informational' })
    expect(exclusionOf({ excludedLabels: [], excludedPrograms: ['agent'] }, scope)).toEqual({ program: 'agent' })
    expect(exclusionOf({ excludedLabels: ['other'], excludedPrograms: ['web'] }, scope)).toBeUndefined()
    expect(mayNotify(policy, { excludedLabels: [], excludedPrograms: ['agent'] }, scope, release, release - 1)).toEqual({
      ok: false,
      error: { code: 'PARTNER_EXCLUDED', program: 'agent' },
    })
  })

  it('moves a scheduled notice with the release, never into the past', () => {
    const policy = policyOf(early)
    const later = at('2026-12-20T10:00')
    expect(rescheduledNotice(policy, { maxEmbargo: '7 days' }, later, at('2026-12-01T10:00'))).toBe(at('2026-12-13T10:00'))
    expect(rescheduledNotice(policy, { maxEmbargo: '7 days' }, later, at('2026-12-14T10:00'))).toBe(at('2026-12-14T10:00'))
  })
})

describe('reminders of an unacknowledged notice', () => {
  const sentAt = at('2026-12-08T10:00')
  const h = 3_600_000
  it('fall due every 48 hours, at most three times, never after the release', () => {
    const n = { sentAt, remindedAt: undefined, reminders: 0 }
    expect(reminderDue(n, release, sentAt + 48 * h - 1)).toBe(false)
    expect(reminderDue(n, release, sentAt + 48 * h)).toBe(true)
    expect(nextReminderAt(n, release)).toBe(sentAt + 48 * h)
    const reminded = { sentAt, remindedAt: sentAt + 48 * h, reminders: 1 }
    expect(reminderDue(reminded, release, sentAt + 95 * h)).toBe(false)
    expect(reminderDue(reminded, release, sentAt + 96 * h)).toBe(true)
    expect(reminderDue({ ...reminded, reminders: maxReminders }, undefined, sentAt + 400 * h)).toBe(false)
    expect(nextReminderAt({ ...reminded, reminders: maxReminders }, release)).toBeUndefined()
    expect(reminderDue(n, sentAt + 10 * h, sentAt + 48 * h)).toBe(false)
    expect(nextReminderAt(n, sentAt + 10 * h)).toBeUndefined()
  })
})

describe('what an administrator enters for a partner', () => {
  const input = {
    name: ' Distro ',
    kind: 'distribution',
    maxEmbargo: '7 days',
    excludedLabels: 'informational, docs',
    excludedPrograms: '',
  }
  it('keeps a name, a kind, a limit in days or hours, and the exclusions as lists', () => {
    expect(checkPartnerInput(input)).toEqual({
      ok: true,
      value: {
        name: 'Distro',
        kind: 'distribution',
        maxEmbargo: '7 days',
        excludedLabels: ['informational', 'docs'],
        excludedPrograms: [],
      },
    })
    expect(checkPartnerInput({ ...input, maxEmbargo: '' })).toMatchObject({ ok: true, value: { name: 'Distro' } })
  })
  it('refuses what it cannot keep, naming the field', () => {
    expect(checkPartnerInput({ ...input, name: ' ', kind: 'friend', maxEmbargo: '3 business days' })).toEqual({
      ok: false,
      error: { code: 'PARTNER_INVALID', fields: { name: 'required', kind: 'unknown-kind', maxEmbargo: 'bad-duration' } },
    })
    expect(checkPartnerInput({ ...input, maxEmbargo: 'soon' })).toMatchObject({ error: { fields: { maxEmbargo: 'bad-duration' } } })
    expect(checkContact('Desk@CERT.example', false, false)).toEqual({ ok: true, value: 'desk@cert.example' })
    expect(checkContact('two@a.example, three@b.example', false, false)).toMatchObject({ error: { fields: { address: 'bad-address' } } })
    expect(checkContact('desk@cert.example', true, false)).toMatchObject({ error: { fields: { publicKey: 'bad-key' } } })
  })
})
