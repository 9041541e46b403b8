/** The calendar the clocks count in, the clocks themselves, and who is told when one runs out. */
import { Type } from '@sinclair/typebox'
import { CalendarDate, ClockTargetText, DurationText, List, Name, oneOf, policyLimits, Slug, strictObject, Text } from './kit.js'

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const severities = ['low', 'medium', 'high', 'critical'] as const

export const Calendar = strictObject({
  timeZone: Text('IANA time zone, e.g. "Europe/Vienna"', policyLimits.timeZone),
  workingDays: Type.Optional(List(oneOf(weekdays), { minItems: 1, maxItems: weekdays.length, description: 'Defaults to mon–fri' })),
  holidays: Type.Optional(
    strictObject(
      {
        country: Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2, description: 'date-holidays country code, e.g. "AT"' }),
        state: Type.Optional(
          Type.String({ minLength: 1, maxLength: policyLimits.holidayState, description: 'date-holidays state code, e.g. "BY" or "9"' }),
        ),
      },
      'Public holidays of this region are not working days',
    ),
  ),
  closures: Type.Optional(List(CalendarDate(), { maxItems: policyLimits.closures, description: 'Extra closed days (YYYY-MM-DD)' })),
})

/** Every clock a policy can promise; all are optional because not every policy promises each one. */
export const ClockTargets = strictObject({
  acknowledge: Type.Optional(ClockTargetText('Confirm receipt to the reporter')),
  detailedResponse: Type.Optional(ClockTargetText('A detailed response with next steps')),
  reporterUpdate: Type.Optional(DurationText('Cadence of progress updates ("every 5 days")')),
  resolution: Type.Optional(DurationText('Fix, or a final update saying progress has halted')),
  disclosure: Type.Optional(DurationText('After this the reporter may disclose (default embargo)')),
  reporterMayEscalateAfter: Type.Optional(DurationText('Without a reply by then, the reporter may escalate')),
})

export const Clocks = strictObject({
  ...ClockTargets.properties,
  bySeverity: Type.Optional(
    List(
      strictObject({
        severity: List(oneOf(severities), { minItems: 1, maxItems: severities.length }),
        clocks: Type.Optional(ClockTargets),
        alert: Type.Optional(oneOf(['team'] as const, 'Tell the whole team at once')),
        actImmediately: Type.Optional(Type.Boolean({ description: 'The team acts at once and reports afterwards' })),
        note: Type.Optional(Text()),
      }),
      { maxItems: policyLimits.shortList },
    ),
  ),
})

export const responseContents = ['evaluation', 'next-steps', 'plan', 'workarounds', 'expected-resolution-date'] as const

export const Responses = strictObject({
  detailed: Type.Optional(
    List(oneOf(responseContents), { maxItems: responseContents.length, description: 'What a detailed response must contain' }),
  ),
  informReporter: Type.Optional(oneOf(['every-step', 'progress', 'on-request'] as const)),
  mayRequestMoreInformation: Type.Optional(Type.Boolean()),
  finalUpdateWhenUnresolved: Type.Optional(Type.Boolean({ description: 'At the resolution deadline, say progress has halted' })),
})

export const EscalationStep = strictObject({
  notify: oneOf(['assignee', 'team', 'contact'] as const),
  contact: Type.Optional(Slug('Contact id, when notify is "contact"')),
  after: Type.Optional(
    DurationText('Wait after the previous step (the breach for the first); default: immediately for the first, 1 business day after'),
  ),
})

export const Escalation = strictObject({
  remindAt: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      description: 'Remind the assignee at this fraction of a clock (default 0.75)',
    }),
  ),
  reporterMayEscalate: Type.Optional(Type.Boolean({ description: 'The reporter may walk the chain once reporterMayEscalateAfter passes' })),
  chain: List(EscalationStep, { minItems: 1, maxItems: policyLimits.shortList }),
})

export const Team = strictObject({
  name: Name(),
  contact: Type.Optional(Slug('The contact that reaches the whole team')),
  members: Type.Optional(List(Slug(), { description: 'Contact ids' })),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  assignment: Type.Optional(oneOf(['on-receipt', 'claim'] as const, 'Assigned to one member on receipt, or claimed by whoever takes it')),
  watchesInbox: Type.Optional(oneOf(['working-days', 'always'] as const)),
  prioritizeReports: Type.Optional(Type.Boolean({ description: 'Reports come before other work' })),
  avoidDoubleHandling: Type.Optional(Type.Boolean({ description: 'Members coordinate so no report is handled twice' })),
})
