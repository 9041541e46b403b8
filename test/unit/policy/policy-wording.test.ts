/**
 * The small pieces of English SECURITY.md says commitments with (src/domain/policy/policy-wording.ts).
 */
import { describe, expect, it } from 'vitest'
import { businessDaysSentence, escalationTargetName, inline, joinWords, within } from '../../../src/domain/policy/policy-wording.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const base: Policy = { version: 1, organization: { name: 'Acme', slug: 'acme' }, channels: {}, calendar: { timeZone: 'UTC' }, clocks: {} }

describe('within', () => {
  it('"within" before a duration, once; the no-deadline words as they are, in lower case', () => {
    expect(within(' 3 business days ')).toBe('within 3 business days')
    expect(within('Within 3 Business Days ')).toBe('Within 3 Business Days')
    expect(within('Immediately')).toBe('immediately')
    expect(within('ASAP')).toBe('as soon as possible')
    expect(within('As soon as possible')).toBe('as soon as possible')
    expect(within(' ASAP ')).toBe('as soon as possible')
    expect(within('withinday')).toBe('within withinday')
  })
})

describe('joinWords', () => {
  it('nothing, one word, two with "and", more with commas; another last word when asked', () => {
    expect(joinWords([])).toBe('')
    expect(joinWords(['a'])).toBe('a')
    expect(joinWords(['a', 'b'])).toBe('a and b')
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c')
    expect(joinWords(['a', 'b', 'c'], 'or')).toBe('a, b or c')
  })
})

describe('inline', () => {
  it('a run of white space with a line break becomes one space; other runs stay; the ends are trimmed', () => {
    expect(inline('  a  b \r c\n\n d\t\te  ')).toBe('a  b c d\t\te')
    expect(inline('a\rb')).toBe('a b')
  })
})

describe('businessDaysSentence', () => {
  it('the week, the zone, the holidays of a state and the closures', () => {
    expect(
      businessDaysSentence({
        ...base,
        calendar: {
          timeZone: 'Europe/Berlin',
          workingDays: ['sun', 'sat'],
          holidays: { country: 'DE', state: 'BE' },
          closures: ['2026-12-24'],
        },
      }),
    ).toBe(
      'Business days are Sunday and Saturday in the Europe/Berlin time zone, except public holidays in DE-BE and on 2026-12-24. A deadline in business days ends at midnight at the end of the last business day.',
    )
    expect(businessDaysSentence({ ...base, calendar: { timeZone: 'UTC', closures: [] } })).toBe(
      'Business days are Monday, Tuesday, Wednesday, Thursday and Friday in the UTC time zone. A deadline in business days ends at midnight at the end of the last business day.',
    )
  })
})

describe('escalationTargetName', () => {
  it('the assignee; the team with or without its address; a contact with role, address and key', () => {
    const policy: Policy = {
      ...base,
      team: { name: 'Crew', contact: 'crew' },
      contacts: [
        { id: 'crew', kind: 'team', name: 'Crew', email: 'crew@acme.example' },
        {
          id: 'ceo',
          kind: 'person',
          name: 'Ann',
          role: 'CEO',
          email: 'ann@acme.example',
          openpgp: { url: 'https://a.example/k', fingerprint: 'ABCDEF0123456789ABCDEF0123456789' },
        },
        { id: 'cto', kind: 'person', name: 'Bob' },
      ],
    }
    expect(escalationTargetName(policy, { notify: 'assignee' })).toBe('the security team member assigned to your report')
    expect(escalationTargetName(policy, { notify: 'team' })).toBe('the whole Crew at crew@acme.example')
    expect(escalationTargetName({ ...policy, team: { name: 'Crew' } }, { notify: 'team' })).toBe('the whole Crew')
    expect(escalationTargetName(policy, { notify: 'contact', contact: 'ceo' })).toBe(
      'CEO (Ann) at ann@acme.example, OpenPGP key: https://a.example/k',
    )
    expect(escalationTargetName(policy, { notify: 'contact', contact: 'cto' })).toBe('Bob')
    expect(escalationTargetName(policy, { notify: 'contact', contact: 'nobody' })).toBe('nobody')
    // Without a team, or without contacts, the chain still reads.
    expect(escalationTargetName({ ...policy, team: undefined }, { notify: 'team' })).toBe('the whole security team')
    expect(escalationTargetName({ ...base }, { notify: 'contact', contact: 'ceo' })).toBe('ceo')
  })
})
