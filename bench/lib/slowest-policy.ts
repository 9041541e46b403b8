/**
 * "The slowest policy an admin can save" (finding 4 of the security review): every duration at
 * its limit, every text the public pages render at its maximum length and made of white space
 * (runs of spaces with and without line breaks, the input the old quadratic wording code choked
 * on), thousands of closed days, the longest lists. It must still fit the admin form (1 MB body)
 * and pass `parsePolicy`; bench/run.ts checks both before measuring.
 */
import { durationLimits } from '../../src/domain/policy/durations.js'
import { policyLimits } from '../../src/domain/policy/schema/kit.js'

/** A text of `length` characters: a letter, white space (a line break in the middle), a letter. */
const blank = (length: number): string => {
  const half = Math.floor((length - 3) / 2)
  return `a${' '.repeat(half)}\\n${' '.repeat(length - 3 - half)}b`
}
/** YAML double-quoted: `\n` is a line break, spaces are kept. */
const q = (text: string) => `"${text}"`

export function slowestPolicy(): string {
  const text = q(blank(policyLimits.text))
  const name = q(blank(policyLimits.name))
  const bd = `${durationLimits['business-days']} business days`
  const days = `${durationLimits['calendar-days']} days`
  // Closed days: every third day from 2026 on, up to the limit (many of them working days).
  const closures: string[] = []
  const first = Date.UTC(2026, 0, 1)
  for (let i = 0; i < policyLimits.closures; i++) closures.push(new Date(first + i * 3 * 86_400_000).toISOString().slice(0, 10))
  const lines = [
    'version: 1',
    'organization:',
    `  name: ${name}`,
    '  slug: slowest',
    'contacts:',
    ...Array.from({ length: 20 }, (_, i) => [
      `  - id: c${i}`,
      '    kind: person',
      `    name: ${name}`,
      `    role: ${name}`,
      `    email: c${i}@example.org`,
    ]).flat(),
    'team:',
    `  name: ${name}`,
    '  contact: c0',
    'channels:',
    '  webForm: { enabled: true }',
    '  email:',
    '    - address: security@example.org',
    `      note: ${text}`,
    `  fallback: ${text}`,
    'scope:',
    '  inScope:',
    ...Array.from({ length: 8 }, () => `    - ${text}`),
    '  outOfScope:',
    ...Array.from({ length: 8 }, () => `    - ${text}`),
    'calendar:',
    '  timeZone: Europe/Vienna',
    '  holidays: { country: AT }',
    '  closures:',
    ...closures.map((d) => `    - ${d}`),
    'clocks:',
    `  acknowledge: ${bd}`,
    `  detailedResponse: ${bd}`,
    `  reporterUpdate: ${days}`,
    `  resolution: ${bd}`,
    `  disclosure: ${days}`,
    `  reporterMayEscalateAfter: ${bd}`,
    '  bySeverity:',
    ...Array.from({ length: policyLimits.shortList }, () => [
      '    - severity: [low, medium, high, critical]',
      `      clocks: { acknowledge: ${bd}, resolution: ${bd} }`,
      `      note: ${name}`,
    ]).flat(),
    'escalation:',
    '  reporterMayEscalate: true',
    '  chain:',
    ...Array.from({ length: policyLimits.shortList }, (_, i) => [
      `    - notify: contact`,
      `      contact: c${i}`,
      `      after: ${bd}`,
    ]).flat(),
    'process:',
    ...Array.from({ length: 10 }, (_, i) => [
      `  - id: s${i}`,
      `    title: ${name}`,
      `    description: ${text}`,
      '    visibleTo: [reporter, public]',
    ]).flat(),
    'disclosure:',
    '  reporterMayDisclose: after-deadline',
    `  statement: ${text}`,
    '  steps:',
    ...Array.from({ length: 8 }, () => `    - ${text}`),
    'researcherRules:',
    '  do:',
    ...Array.from({ length: 8 }, () => `    - ${text}`),
    '  dont:',
    ...Array.from({ length: 8 }, () => `    - ${text}`),
    'safeHarbor:',
    `  statement: ${text}`,
    '  conditions:',
    ...Array.from({ length: 8 }, () => `    - ${text}`),
    'confidentiality:',
    `  statement: ${text}`,
    'recognition:',
    '  rewards:',
    ...Array.from({ length: 8 }, () => ['    - kind: money', `      description: ${text}`]).flat(),
    `comments: ${text}`,
  ]
  return `${lines.join('\n')}\n`
}
