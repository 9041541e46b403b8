/**
 * Who is named publicly and under which name (src/domain/advisory/credit-consent.ts), and which of
 * the policy's rewards a report earns (src/domain/advisory/rewards.ts): the credit line a reporter
 * finds (or does not find) on the advisory and the hall of fame, and the reward standing and amount
 * the team sees on the report. Issue 17: each test pins a rule mutation testing found unpinned.
 */
import { describe, expect, it } from 'vitest'
import {
  checkCreditName,
  creditNameMaxLength,
  defaultCreditName,
  hallOfFameEntryOf,
  intakeWishOf,
  publicCreditOf,
  publicCreditUnder,
  type RecognitionSettings,
  type ReportCredit,
} from '../../../src/domain/advisory/credit-consent.js'
import {
  assessReward,
  assessRewards,
  conditionState,
  isNonTrivial,
  type PolicyReward,
  type RewardFacts,
} from '../../../src/domain/advisory/rewards.js'

const reporter = (over: Partial<ReportCredit> = {}): ReportCredit => ({
  subject: 'reporter',
  name: 'Ada',
  role: 'finder',
  consent: 'proposed',
  intake: 'silent',
  ...over,
})
const teamCredit = (over: Partial<ReportCredit> = {}): ReportCredit => ({ ...reporter(over), subject: 'other', role: 'analyst', ...over })
const unlessDeclined: RecognitionSettings = { creditInAdvisory: 'unless-declined' }
const onRequest: RecognitionSettings = { creditInAdvisory: 'on-request' }
const never: RecognitionSettings = { creditInAdvisory: 'never' }

describe('the public credit line of a report', () => {
  it('a policy that says nothing credits as "on request" does', () => {
    for (const silent of [undefined, {}, { hallOfFame: { enabled: true } }] as (RecognitionSettings | undefined)[]) {
      expect(publicCreditOf(reporter({ intake: 'silent' }), silent)).toBeNull()
      expect(publicCreditOf(reporter({ intake: 'asked' }), silent)).toEqual({ name: 'Ada', role: 'finder' })
    }
  })

  it('someone the team credits is named by the team\'s decision alone, except under "never"', () => {
    for (const policy of [unlessDeclined, onRequest, undefined])
      for (const consent of ['proposed', 'accepted', 'declined'] as const)
        expect(publicCreditOf(teamCredit({ consent, intake: 'declined' }), policy)).toEqual({ name: 'Ada', role: 'analyst' })
    expect(publicCreditOf(teamCredit(), never)).toBeNull()
  })

  it('a blank name names nobody, even with consent', () => {
    expect(publicCreditOf(reporter({ name: '  ', consent: 'accepted' }), onRequest)).toBeNull()
    expect(publicCreditOf(teamCredit({ name: '' }), onRequest)).toBeNull()
    expect(publicCreditOf(reporter({ name: ' ', intake: 'silent' }), unlessDeclined)).toBeNull()
  })

  it('the name is shown exactly as accepted, with its role', () => {
    expect(publicCreditOf(reporter({ name: ' Ada L. ', role: 'reporter', consent: 'accepted' }), onRequest)).toEqual({
      name: ' Ada L. ',
      role: 'reporter',
    })
  })

  it('"unless declined": credited when silent, asked or accepted; not once declined at intake or later', () => {
    expect(publicCreditOf(reporter({ intake: 'silent' }), unlessDeclined)).toEqual({ name: 'Ada', role: 'finder' })
    expect(publicCreditOf(reporter({ intake: 'declined', consent: 'accepted' }), unlessDeclined)).toEqual({ name: 'Ada', role: 'finder' })
    expect(publicCreditOf(reporter({ intake: 'declined' }), unlessDeclined)).toBeNull()
    expect(publicCreditOf(reporter({ intake: 'silent', consent: 'declined' }), unlessDeclined)).toBeNull()
  })

  it('"on request": credited only when asked at intake or accepted', () => {
    expect(publicCreditOf(reporter({ intake: 'declined' }), onRequest)).toBeNull()
    expect(publicCreditOf(reporter({ intake: 'silent', consent: 'accepted' }), onRequest)).toEqual({ name: 'Ada', role: 'finder' })
    expect(publicCreditOf(reporter({ intake: 'asked', consent: 'declined' }), onRequest)).toBeNull()
  })

  it('under several policies the line appears only when every one allows it; no policy at all names nobody', () => {
    const asked = reporter({ intake: 'asked' })
    expect(publicCreditUnder(asked, [onRequest, unlessDeclined])).toEqual({ name: 'Ada', role: 'finder' })
    expect(publicCreditUnder(asked, [never, onRequest])).toBeNull()
    expect(publicCreditUnder(asked, [onRequest, never])).toBeNull()
    expect(publicCreditUnder(reporter({ intake: 'silent' }), [onRequest, unlessDeclined])).toBeNull()
    expect(publicCreditUnder(asked, [])).toBeNull()
  })
})

describe('the hall of fame', () => {
  const hall = (onRequestOnly?: boolean): RecognitionSettings => ({
    creditInAdvisory: 'unless-declined',
    hallOfFame: { enabled: true, ...(onRequestOnly === undefined ? {} : { onRequest: onRequestOnly }) },
  })

  it('lists a credited reporter when the policy keeps a hall', () => {
    expect(hallOfFameEntryOf(reporter({ intake: 'silent' }), hall())).toEqual({ name: 'Ada', role: 'finder' })
    expect(hallOfFameEntryOf(reporter({ intake: 'silent' }), hall(false))).toEqual({ name: 'Ada', role: 'finder' })
  })

  it('lists nobody without a hall, nobody but reporters, nobody without a public credit line', () => {
    expect(hallOfFameEntryOf(reporter({ consent: 'accepted' }), undefined)).toBeNull()
    expect(hallOfFameEntryOf(reporter({ consent: 'accepted' }), unlessDeclined)).toBeNull()
    expect(hallOfFameEntryOf(reporter({ consent: 'accepted' }), { ...unlessDeclined, hallOfFame: { enabled: false } })).toBeNull()
    expect(hallOfFameEntryOf(teamCredit({ consent: 'accepted' }), hall())).toBeNull()
    expect(hallOfFameEntryOf(reporter({ intake: 'declined' }), hall())).toBeNull()
    expect(hallOfFameEntryOf(reporter({ consent: 'accepted' }), { ...hall(), creditInAdvisory: 'never' })).toBeNull()
  })

  it('a hall "on request" lists only reporters who asked at intake or accepted the line', () => {
    expect(hallOfFameEntryOf(reporter({ intake: 'silent' }), hall(true))).toBeNull()
    expect(hallOfFameEntryOf(reporter({ intake: 'asked' }), hall(true))).toEqual({ name: 'Ada', role: 'finder' })
    expect(hallOfFameEntryOf(reporter({ consent: 'accepted' }), hall(true))).toEqual({ name: 'Ada', role: 'finder' })
  })
})

describe('what the reporter said at intake, and the name the proposal starts from', () => {
  const web = { channel: 'web' as const, creditPreference: 'name' as const }

  it('a mail or a report registered from another platform made no choice, whatever the record says', () => {
    for (const channel of ['email', 'external'] as const)
      for (const creditPreference of ['name', 'anonymous'] as const)
        expect(intakeWishOf({ channel, creditPreference }, 'Ada', 'Ada')).toBe('silent')
  })

  it('on the form or the API: anonymous declines; a name or pseudonym asks for exactly that name', () => {
    for (const channel of ['web', 'api'] as const) {
      expect(intakeWishOf({ channel, creditPreference: 'anonymous' }, null, '')).toBe('declined')
      expect(intakeWishOf({ channel, creditPreference: 'pseudonym' }, 'h4x', 'h4x')).toBe('asked')
      expect(intakeWishOf({ channel, creditPreference: 'name' }, 'Ada', 'Ada')).toBe('asked')
      expect(intakeWishOf({ channel, creditPreference: 'name' }, 'Ada', 'ada')).toBe('silent')
    }
    expect(intakeWishOf(web, null, 'Ada')).toBe('silent')
  })

  it('the proposal starts from the name the reporter gave, unless they chose anonymous', () => {
    expect(defaultCreditName({ creditPreference: 'name' }, 'Ada Lovelace')).toBe('Ada Lovelace')
    expect(defaultCreditName({ creditPreference: 'pseudonym' }, 'h4x')).toBe('h4x')
    expect(defaultCreditName({ creditPreference: 'anonymous' }, 'Ada Lovelace')).toBe('')
    expect(defaultCreditName({ creditPreference: 'name' }, null)).toBe('')
  })
})

describe('a credit name as typed', () => {
  it('is required and at most 200 characters (an emoji counts once)', () => {
    expect(checkCreditName('')).toBe('CREDIT_NAME_REQUIRED')
    expect(checkCreditName(' \t')).toBe('CREDIT_NAME_REQUIRED')
    expect(checkCreditName('a'.repeat(creditNameMaxLength))).toBeNull()
    expect(checkCreditName('😀'.repeat(creditNameMaxLength))).toBeNull()
    expect(checkCreditName('a'.repeat(creditNameMaxLength + 1))).toBe('CREDIT_NAME_INVALID')
  })

  it('refuses malformed Unicode, control characters and the marks that reorder a line', () => {
    const refused = [
      '\u0000',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
      '\u202a',
      '\u202c',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
      '\ud800',
    ]
    for (const c of refused) expect(checkCreditName(`Ada${c}Eve`), `U+${c.codePointAt(0)?.toString(16)}`).toBe('CREDIT_NAME_INVALID')
  })

  it('accepts every other character, right up to those ranges', () => {
    const accepted = [' ', '~', '\u00a0', 'é', '\u2029', '\u202f', '\u2065', '\u206a', '\u200d', '\u0645', '😀', '<script>']
    for (const c of accepted) expect(checkCreditName(`Ada${c}Eve`), `U+${c.codePointAt(0)?.toString(16)}`).toBeNull()
  })
})

describe("the policy's rewards for a report", () => {
  const facts = (over: Partial<RewardFacts> = {}): RewardFacts => ({
    status: 'accepted',
    duplicateOf: null,
    severity: 'high',
    program: { kind: 'own', inScope: true },
    ...over,
  })

  it('"non-trivial" is medium or above; without a severity it is not decided', () => {
    expect(isNonTrivial(null)).toBe('unknown')
    expect(isNonTrivial('low')).toBe('unmet')
    for (const s of ['medium', 'high', 'critical'] as const) expect(isNonTrivial(s)).toBe('met')
    expect(conditionState('non-trivial', facts({ severity: 'low' }))).toBe('unmet')
    expect(conditionState('non-trivial', facts({ severity: 'medium' }))).toBe('met')
  })

  it('"first reporter" is unmet for a duplicate, by status or by a link to the earlier report', () => {
    expect(conditionState('first-reporter', facts())).toBe('met')
    expect(conditionState('first-reporter', facts({ status: 'duplicate' }))).toBe('unmet')
    expect(conditionState('first-reporter', facts({ duplicateOf: 'r-1' }))).toBe('unmet')
  })

  it('"own products only" needs a program of ours, in scope; without a program it is not decided', () => {
    expect(conditionState('own-products-only', facts())).toBe('met')
    expect(conditionState('own-products-only', facts({ program: null }))).toBe('unknown')
    expect(conditionState('own-products-only', facts({ program: { kind: 'third-party', inScope: true } }))).toBe('unmet')
    expect(conditionState('own-products-only', facts({ program: { kind: 'own', inScope: false } }))).toBe('unmet')
  })

  it('"by severity" waits for a severity', () => {
    expect(conditionState('by-severity', facts({ severity: null }))).toBe('unknown')
    expect(conditionState('by-severity', facts({ severity: 'low' }))).toBe('met')
  })

  it('a reward applies when every condition is met, not when one is unmet, and waits otherwise', () => {
    const reward: PolicyReward = {
      kind: 't-shirt',
      description: 'A t-shirt.',
      conditions: ['first-reporter', 'non-trivial', 'own-products-only'],
    }
    expect(assessReward(reward, 0, facts()).standing).toBe('applies')
    expect(assessReward(reward, 0, facts({ program: null })).standing).toBe('undecided')
    expect(assessReward(reward, 0, facts({ program: null, severity: 'low' })).standing).toBe('does-not-apply')
    expect(assessReward({ kind: 'recognition', description: 'Thanks.' }, 0, facts({ severity: null, program: null })).standing).toBe(
      'applies',
    )
  })

  it('a rejected report earns nothing, even a reward without conditions', () => {
    expect(assessReward({ kind: 'recognition', description: 'Thanks.' }, 0, facts({ status: 'rejected' })).standing).toBe('does-not-apply')
  })

  it('shows each reward as the policy lists it, with every condition and its state', () => {
    const rewards: PolicyReward[] = [
      { kind: 'swag', description: 'Stickers.', onRequest: true },
      {
        kind: 'money',
        description: 'Bounty.',
        conditions: ['by-severity', 'first-reporter'],
        amounts: { currency: 'EUR', high: 500, low: 0 },
      },
    ]
    expect(assessRewards(rewards, facts())).toEqual([
      { index: 0, kind: 'swag', description: 'Stickers.', onRequest: true, standing: 'applies', conditions: [], amount: null },
      {
        index: 1,
        kind: 'money',
        description: 'Bounty.',
        onRequest: false,
        standing: 'applies',
        conditions: [
          { condition: 'by-severity', state: 'met' },
          { condition: 'first-reporter', state: 'met' },
        ],
        amount: { currency: 'EUR', value: 500 },
      },
    ])
    expect(assessRewards(undefined, facts())).toEqual([])
  })

  it("a bounty shows the amount of the report's severity, even zero; none without a severity or an amount for it", () => {
    const bounty: PolicyReward = { kind: 'money', description: 'Bounty.', amounts: { currency: 'EUR', high: 500, low: 0 } }
    expect(assessReward(bounty, 0, facts({ severity: 'low' })).amount).toEqual({ currency: 'EUR', value: 0 })
    expect(assessReward(bounty, 0, facts({ severity: 'critical' })).amount).toBeNull()
    expect(assessReward(bounty, 0, facts({ severity: null })).amount).toBeNull()
    expect(assessReward({ kind: 't-shirt', description: 'A t-shirt.' }, 0, facts()).amount).toBeNull()
  })
})
