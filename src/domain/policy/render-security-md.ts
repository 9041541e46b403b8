/**
 * Renders a policy as SECURITY.md: every commitment the policy makes, in its own words
 * ("within 3 business days"), so the file on the forge and the clocks Embargo runs never disagree.
 */
import { inline } from './policy-wording.js'
import type { Policy } from './schema.js'
import { confidentialitySection, disclosureSection, processSection, responseTimesSection } from './security-md-handling.js'
import { regulationSection } from './security-md-regulation.js'
import {
  contactSection,
  labelsSection,
  openPgpKeysSection,
  recognitionSection,
  researcherRulesSection,
  safeHarborSection,
} from './security-md-reporters.js'
import { channelsSection, programsSection, scopeSection } from './security-md-reporting.js'
import { severitySection } from './security-md-severity.js'

export interface SecurityMdOptions {
  /** The web form's address, when the policy enables it. */
  reportUrl?: string | undefined
}

/** The whole SECURITY.md, ending with one newline. */
export function renderSecurityMd(policy: Policy, options: SecurityMdOptions = {}): string {
  const sections = [
    [
      `# Security policy of ${inline(policy.organization.name)}`,
      '',
      ...(policy.organization.website ? [`Website: ${policy.organization.website}`, ''] : []),
    ],
    channelsSection(policy, options.reportUrl),
    [''],
    programsSection(policy),
    scopeSection(policy),
    responseTimesSection(policy),
    processSection(policy),
    severitySection(policy),
    confidentialitySection(policy),
    disclosureSection(policy),
    regulationSection(policy),
    recognitionSection(policy),
    safeHarborSection(policy),
    researcherRulesSection(policy),
    labelsSection(policy),
    contactSection(policy),
    openPgpKeysSection(policy),
  ]
  return `${sections
    .flat()
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}
