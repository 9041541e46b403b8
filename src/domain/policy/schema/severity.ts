/** How the organization scores severity: CVSS 4.0, CVSS 3.1, both, or only its own qualitative levels. */
import { Type } from '@sinclair/typebox'
import { List, oneOf, strictObject, Text } from './kit.js'
import { severities } from './timing.js'

export const severityScorings = ['cvss4', 'cvss3.1', 'both', 'qualitative'] as const

export const SeverityLevel = strictObject({
  level: oneOf(severities),
  definition: Text('What this level means for the organization, shown to the team when it picks one and in SECURITY.md'),
})

export const SeverityScoring = strictObject({
  scoring: oneOf(
    severityScorings,
    'cvss4, cvss3.1 or both: vectors edited as metrics and scored; qualitative: only Low/Medium/High/Critical, no number anywhere',
  ),
  levels: Type.Optional(List(SeverityLevel, { maxItems: severities.length })),
})
