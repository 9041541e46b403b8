/**
 * The policy file's schema: one TypeBox value that validates a policy, types the code that runs
 * it and documents it (docs/policy.md follows it field by field). Every object refuses unknown keys.
 */
import { type Static, Type } from '@sinclair/typebox'
import { Accounts } from './schema/accounts.js'
import { Advisories } from './schema/advisories.js'
import { List, strictObject, Text } from './schema/kit.js'
import { Channels, Contact, Organization } from './schema/organization.js'
import { Recognition, ReporterIdentity, ResearcherRules, SafeHarbor, SecurityTxt } from './schema/people.js'
import { Confidentiality, Disclosure, Label, ProcessStep } from './schema/process.js'
import { Program, Scope } from './schema/programs.js'
import { Regulation } from './schema/regulation.js'
import { SeverityScoring } from './schema/severity.js'
import { Calendar, Clocks, Escalation, Responses, Team } from './schema/timing.js'

export { audiences } from './schema/process.js'
export { programKinds } from './schema/programs.js'
export { severityScorings } from './schema/severity.js'
export { responseContents, severities, weekdays } from './schema/timing.js'

export const policyFormatVersion = 1

export const Policy = strictObject({
  version: Type.Literal(policyFormatVersion, { description: 'Policy file format version' }),
  organization: Organization,
  contacts: Type.Optional(List(Contact)),
  team: Type.Optional(Team),
  channels: Channels,
  programs: Type.Optional(List(Program)),
  scope: Type.Optional(Scope),
  calendar: Calendar,
  clocks: Clocks,
  responses: Type.Optional(Responses),
  escalation: Type.Optional(Escalation),
  process: Type.Optional(List(ProcessStep)),
  confidentiality: Type.Optional(Confidentiality),
  disclosure: Type.Optional(Disclosure),
  recognition: Type.Optional(Recognition),
  researcherRules: Type.Optional(ResearcherRules),
  safeHarbor: Type.Optional(SafeHarbor),
  reporter: Type.Optional(ReporterIdentity),
  labels: Type.Optional(List(Label)),
  severity: Type.Optional(SeverityScoring),
  securityTxt: Type.Optional(SecurityTxt),
  comments: Type.Optional(Text('Where to send comments about the policy itself')),
  advisories: Type.Optional(Advisories),
  accounts: Type.Optional(Accounts),
  regulation: Type.Optional(Regulation),
})
export type Policy = Static<typeof Policy>

export type { Contact } from './schema/organization.js'
export type { ProcessStep } from './schema/process.js'
export type { Program } from './schema/programs.js'
export type PolicyCalendar = Static<typeof Calendar>
export type PolicyClocks = Static<typeof Clocks>
export type EscalationStep = Static<typeof Escalation>['chain'][number]
export type Severity = Static<typeof Clocks>['bySeverity'] extends (infer O)[] | undefined
  ? O extends { severity: (infer S)[] }
    ? S
    : never
  : never
