import { describe, expect, it } from 'vitest'
import {
  checkCreditName,
  hallOfFameEntryOf,
  intakeWishOf,
  publicCreditOf,
  publicCreditUnder,
  type ReportCredit,
} from '../../../src/domain/advisory/credit-consent.js'

const reporter = (over: Partial<ReportCredit> = {}): ReportCredit => ({
  subject: 'reporter',
  name: 'Ada',
  role: 'finder',
  consent: 'proposed',
  intake: 'silent',
  ...over,
})
const unlessDeclined = { creditInAdvisory: 'unless-declined' as const }
const onRequest = { creditInAdvisory: 'on-request' as const }

describe('who is named publicly', () => {
  it('under "unless declined" a reporter who has not declined is credited', () => {
    expect(publicCreditOf(reporter({ intake: 'silent' }), unlessDeclined)).toEqual({ name: 'Ada', role: 'finder' })
    expect(publicCreditOf(reporter({ intake: 'asked' }), unlessDeclined)).toEqual({ name: 'Ada', role: 'finder' })
  })

  it('a reporter who declines, on the form or later, is never named', () => {
    for (const policy of [unlessDeclined, onRequest, undefined]) {
      expect(publicCreditOf(reporter({ consent: 'declined', intake: 'asked' }), policy)).toBeNull()
    }
    expect(publicCreditOf(reporter({ intake: 'declined' }), unlessDeclined)).toBeNull()
  })

  it('under "on request", and without a policy, a reporter is named only when they asked for that name or accepted', () => {
    for (const policy of [onRequest, undefined]) {
      expect(publicCreditOf(reporter({ intake: 'silent' }), policy)).toBeNull()
      expect(publicCreditOf(reporter({ intake: 'asked' }), policy)).toEqual({ name: 'Ada', role: 'finder' })
      expect(publicCreditOf(reporter({ consent: 'accepted', name: 'A. L.' }), policy)).toEqual({ name: 'A. L.', role: 'finder' })
    }
  })

  it('under "never" nobody is named, not even with consent', () => {
    expect(publicCreditOf(reporter({ consent: 'accepted' }), { creditInAdvisory: 'never' })).toBeNull()
    expect(publicCreditOf({ ...reporter(), subject: 'other', consent: 'accepted' }, { creditInAdvisory: 'never' })).toBeNull()
  })

  it('a report received under a stricter policy keeps its reporter anonymous after the policy changes', () => {
    expect(publicCreditUnder(reporter({ intake: 'silent' }), [unlessDeclined, onRequest])).toBeNull()
    expect(publicCreditUnder(reporter({ consent: 'accepted' }), [unlessDeclined, onRequest])).toEqual({ name: 'Ada', role: 'finder' })
  })

  it('a name the team typed instead of the one the reporter gave counts as no answer', () => {
    const report = { channel: 'web' as const, creditPreference: 'name' as const }
    expect(intakeWishOf(report, 'Ada', 'Ada')).toBe('asked')
    expect(intakeWishOf(report, 'Ada', 'Ada Lovelace')).toBe('silent')
    expect(intakeWishOf({ ...report, creditPreference: 'anonymous' }, 'Ada', 'Ada')).toBe('declined')
    expect(intakeWishOf({ ...report, channel: 'email' }, 'Ada', 'Ada')).toBe('silent')
  })

  it('a hall of fame "on request" lists only reporters who asked or accepted', () => {
    const hall = { creditInAdvisory: 'unless-declined' as const, hallOfFame: { enabled: true, onRequest: true } }
    expect(hallOfFameEntryOf(reporter({ intake: 'silent' }), hall)).toBeNull()
    expect(hallOfFameEntryOf(reporter({ consent: 'accepted' }), hall)).toEqual({ name: 'Ada', role: 'finder' })
    expect(hallOfFameEntryOf(reporter({ consent: 'accepted' }), { ...hall, hallOfFame: { enabled: false } })).toBeNull()
    expect(hallOfFameEntryOf({ ...reporter({ consent: 'accepted' }), subject: 'other' }, hall)).toBeNull()
  })

  it('a credit name that would hide or reorder text is refused', () => {
    expect(checkCreditName('Ada')).toBeNull()
    expect(checkCreditName('   ')).toBe('CREDIT_NAME_REQUIRED')
    expect(checkCreditName('Ada\u202Eevil')).toBe('CREDIT_NAME_INVALID')
    expect(checkCreditName('Ada\nEve')).toBe('CREDIT_NAME_INVALID')
    expect(checkCreditName('x'.repeat(201))).toBe('CREDIT_NAME_INVALID')
    expect(checkCreditName('<script>alert(1)</script>')).toBeNull()
  })
})
