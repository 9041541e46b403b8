/** The SECURITY.md section on the EU Cyber Resilience Act (policy key `regulation.cra`). */
import { inline } from './policy-wording.js'
import type { Policy } from './schema.js'

const stateNames: Record<string, string> = {
  AT: 'Austria',
  BE: 'Belgium',
  BG: 'Bulgaria',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DE: 'Germany',
  DK: 'Denmark',
  EE: 'Estonia',
  ES: 'Spain',
  FI: 'Finland',
  FR: 'France',
  GR: 'Greece',
  HR: 'Croatia',
  HU: 'Hungary',
  IE: 'Ireland',
  IT: 'Italy',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  LV: 'Latvia',
  MT: 'Malta',
  NL: 'the Netherlands',
  PL: 'Poland',
  PT: 'Portugal',
  RO: 'Romania',
  SE: 'Sweden',
  SI: 'Slovenia',
  SK: 'Slovakia',
}

/** Says that the organization reports under the Act, where, and on what timetable; nothing when it is no manufacturer. */
export function regulationSection(policy: Policy): string[] {
  const cra = policy.regulation?.cra
  if (!cra?.manufacturer) return []
  const where = cra.memberState ? ` Our main establishment is in ${stateNames[cra.memberState] ?? cra.memberState}.` : ''
  const to = cra.csirt ? `${inline(cra.csirt)}, the coordinating CSIRT,` : 'the coordinating CSIRT'
  return [
    '## EU Cyber Resilience Act',
    '',
    `We are a manufacturer of products with digital elements under the EU Cyber Resilience Act (Regulation (EU) 2024/2847).${where}`,
    `When we become aware of an actively exploited vulnerability or a severe incident in one of our products, we notify ${to} and ENISA through the single reporting platform: an early warning within 24 hours, a notification within 72 hours, and a final report (for a vulnerability, within 14 days after a fix or mitigation is available; for an incident, within one month of the notification).`,
    'We inform affected users, with a machine-readable advisory (CSAF) where we publish one.',
    '',
  ]
}
