/** The ordered steps a report goes through, who sees them, what stays confidential and how it is disclosed. */
import { type Static, Type } from '@sinclair/typebox'
import { reportStatuses } from '../../report/status.js'
import { DurationText, List, Name, oneOf, policyLimits, Slug, strictObject, Text, TextList, Url } from './kit.js'

export const audiences = ['admins', 'team', 'assignee', 'reporter', 'partners', 'public'] as const

export const ProcessStep = strictObject({
  id: Slug(),
  title: Name(),
  description: Type.Optional(Text()),
  before: Type.Optional(List(Slug(), { description: 'Steps that may only start once this one is done' })),
  visibleTo: Type.Optional(List(oneOf(audiences), { maxItems: audiences.length, description: 'Who may see this step; default the team' })),
  optional: Type.Optional(Type.Boolean({ description: '"If appropriate": may be skipped with a reason' })),
  external: Type.Optional(Name('Outside system where the work happens, e.g. "private GitHub fork"')),
  doneAt: Type.Optional(oneOf(reportStatuses, 'The step is done when the report reaches this status (or a later one)')),
  requiredBefore: Type.Optional(oneOf(reportStatuses, 'The report may not move to this status until the step is done or skipped')),
})

export const Confidentiality = strictObject({
  markConfidentialWhen: Type.Optional(List(oneOf(['personal-data', 'sensitive-information', 'always'] as const), { maxItems: 3 })),
  sharedWith: Type.Optional(oneOf(['assigned-team', 'security-team', 'project'] as const, 'Who inside may see report details')),
  needToKnow: Type.Optional(Type.Boolean({ description: 'Shared only as needed to fix' })),
  reporterDetails: Type.Optional(oneOf(['never-without-permission', 'internal'] as const)),
  statement: Type.Optional(Text()),
})

export const Announcement = strictObject({
  kind: oneOf(['blog', 'social', 'chat', 'mailing-list', 'website', 'advisory'] as const),
  name: Name(),
  url: Type.Optional(Url()),
})

export const Disclosure = strictObject({
  reporterMayDisclose: Type.Optional(oneOf(['after-fix', 'after-deadline', 'coordinated'] as const)),
  advisory: Type.Optional(oneOf(['always', 'optional', 'never'] as const)),
  cve: Type.Optional(oneOf(['always', 'if-appropriate', 'never'] as const)),
  fixIn: Type.Optional(Text('e.g. "the next patch or minor release"')),
  earlyDisclosure: Type.Optional(
    strictObject({
      audience: oneOf(['organizations'] as const, 'Close partners only, never individuals'),
      channel: Name(),
      leadTime: Type.Optional(DurationText()),
      note: Type.Optional(Text()),
    }),
  ),
  announcements: Type.Optional(List(Announcement, { maxItems: policyLimits.shortList })),
  includeMitigations: Type.Optional(Type.Boolean({ description: 'Announcements say what to do before upgrading' })),
  steps: Type.Optional(TextList('What happens on disclosure day, in order')),
  statement: Type.Optional(Text('Anything else the policy says about disclosure, in its words')),
  publishAllReports: Type.Optional(
    Type.Boolean({
      description:
        'Every report, whatever its outcome (accepted, rejected, duplicate), is made public, redacted, once the fix is published',
    }),
  ),
  reporterObjection: Type.Optional(
    DurationText(
      'Before a report is made public, its reporter sees the redacted text and may object for this long, e.g. "14 days" (default 14 days)',
    ),
  ),
  releaseWindows: Type.Optional(
    strictObject(
      {
        partnerNotice: Type.Optional(DurationText('Partners are told no earlier than this before the planned release, e.g. "7 days"')),
        publicMerge: Type.Optional(
          DurationText('The fix is merged publicly no earlier than this before the planned release, e.g. "24 hours"'),
        ),
      },
      'Windows counted back from a planned release date, in days or hours',
    ),
  ),
})
export type Disclosure = Static<typeof Disclosure>

export const Label = strictObject({ name: Slug(), description: Text() })
export type ProcessStep = Static<typeof ProcessStep>
