/** The SECURITY.md section on how severity is rated (policy key `severity`). */
import { inline } from './policy-wording.js'
import { severities } from './schema/timing.js'
import type { Policy } from './schema.js'

const scoringWords = {
  cvss4: 'with CVSS 4.0',
  'cvss3.1': 'with CVSS 3.1',
  both: 'with CVSS 4.0 and CVSS 3.1',
} as const

const levelNames = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const

/** Says how reports are rated and what each level means to the organization; under qualitative scoring it names no score. */
export function severitySection(policy: Policy): string[] {
  const severity = policy.severity
  if (!severity) return []
  const lines = ['## How we rate severity', '']
  if (severity.scoring === 'qualitative') lines.push('We rate the severity of each vulnerability as Low, Medium, High or Critical.')
  else
    lines.push(
      `We score each vulnerability ${scoringWords[severity.scoring]}, and publish the vector with the score; its rating (Low, Medium, High or Critical) is the severity.`,
    )
  const levels = [...(severity.levels ?? [])].sort((a, b) => severities.indexOf(a.level) - severities.indexOf(b.level))
  if (levels.length > 0)
    lines.push('', 'What each level means to us:', '', ...levels.map((l) => `- **${levelNames[l.level]}**: ${inline(l.definition)}`))
  return [...lines, '']
}
