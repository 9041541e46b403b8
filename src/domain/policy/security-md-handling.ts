/** SECURITY.md sections about what happens after a report: deadlines, escalation, process, disclosure. */
import { defaultReporterObjection, parseDuration } from './durations.js'
import {
  audienceWords,
  businessDaysSentence,
  escalationTargetName,
  inline,
  joinWords,
  responseContentWords,
  within,
} from './policy-wording.js'
import type { Policy } from './schema.js'
import { bullets } from './security-md-reporting.js'

export function responseTimesSection(policy: Policy): string[] {
  const { clocks, responses, team } = policy
  const lines = ['## What happens after you report', '']
  if (team?.assignment === 'on-receipt') lines.push(`- We assign your report to one member of the ${inline(team.name)} when we receive it.`)
  if (team?.size)
    lines.push(
      `- The ${inline(team.name)} is made up of ${team.size} people${team.watchesInbox === 'working-days' ? ' who watch the inbox on working days' : ''}${team.avoidDoubleHandling ? ' and coordinate so that no report is handled twice' : ''}.`,
    )
  if (team?.members?.length) {
    const names = team.members.map((id) => policy.contacts?.find((c) => c.id === id)?.name ?? id)
    lines.push(`- The ${inline(team.name)} members are ${joinWords(names.map(inline))}.`)
  }
  if (team?.prioritizeReports) lines.push('- Handling reports comes before other work.')
  if (clocks.acknowledge) lines.push(`- We acknowledge your report ${within(clocks.acknowledge)}.`)
  if (clocks.detailedResponse) {
    const content = responses?.detailed?.length ? `, with ${joinWords(responses.detailed.map((c) => responseContentWords[c]))}` : ''
    lines.push(`- You receive a detailed response ${within(clocks.detailedResponse)}${content}.`)
  }
  if (clocks.reporterUpdate)
    lines.push(`- After that we keep you informed of our progress, at least every ${clocks.reporterUpdate.replace(/^(one|1) /, '')}.`)
  else if (responses?.informReporter === 'every-step') lines.push('- We keep you informed of every major step until the issue is resolved.')
  else if (responses?.informReporter === 'progress') lines.push('- We keep you informed of our progress towards resolving the issue.')
  if (responses?.mayRequestMoreInformation) lines.push('- We may ask you for more information.')
  if (clocks.resolution) {
    const halted = responses?.finalUpdateWhenUnresolved
      ? ', we send you a final update saying that progress towards a fix has halted'
      : ', we tell you why'
    lines.push(`- If the issue is not resolved ${within(clocks.resolution)}${halted}.`)
  }
  for (const override of clocks.bySeverity ?? []) {
    const actions = [override.actImmediately && 'we act immediately', override.alert === 'team' && 'alert the whole team'].filter(
      (a): a is string => !!a,
    )
    const changed = Object.entries(override.clocks ?? {}).map(([name, words]) => `${name} ${within(String(words))}`)
    lines.push(
      `- For ${joinWords(override.severity, 'or')} severity reports ${joinWords([...actions, ...changed])}.${override.note ? ` ${inline(override.note)}` : ''}`,
    )
  }
  if (policy.disclosure?.fixIn) lines.push(`- We fix the vulnerability in ${inline(policy.disclosure.fixIn)}.`)
  const usesBusinessDays = Object.values(clocks).some((v) => typeof v === 'string' && parseDuration(v)?.unit === 'business-days')
  if (usesBusinessDays) lines.push('', businessDaysSentence(policy))
  return [...lines, '', ...escalationSection(policy)]
}

function escalationSection(policy: Policy): string[] {
  const { escalation, clocks } = policy
  if (!escalation?.reporterMayEscalate) return []
  const after = clocks.reporterMayEscalateAfter ? ` ${within(clocks.reporterMayEscalateAfter)}` : ''
  return [
    '## If you do not hear from us',
    '',
    `If you have not received a reply${after}, you may escalate, in this order:`,
    '',
    ...escalation.chain.map((step, i) => `${i + 1}. Contact ${escalationTargetName(policy, step)}.`),
    '',
  ]
}

export function processSection(policy: Policy): string[] {
  const steps = policy.process ?? []
  if (steps.length === 0) return []
  const lines = ['## How we handle a report', '']
  steps.forEach((step, i) => {
    const visible = step.visibleTo?.length ? ` Visible to ${joinWords(step.visibleTo.map((a) => audienceWords[a]))}.` : ''
    const optional = step.optional && !/if appropriate/i.test(step.title) ? ' (if appropriate)' : ''
    const external = step.external ? ` Done in ${inline(step.external)}.` : ''
    lines.push(`${i + 1}. ${inline(step.title)}${optional}.${step.description ? ` ${inline(step.description)}` : ''}${visible}${external}`)
  })
  return [...lines, '']
}

export function confidentialitySection(policy: Policy): string[] {
  const rules = policy.confidentiality
  if (!rules) return []
  const lines = ['## Confidentiality', '']
  const when = rules.markConfidentialWhen ?? []
  if (when.includes('always')) lines.push('- Mark every report as confidential: we treat every report as confidential.')
  else if (when.includes('personal-data') && when.includes('sensitive-information'))
    lines.push('- If the vulnerability gives access to personal data or other sensitive information, mark your report as confidential.')
  else if (when.includes('personal-data'))
    lines.push('- If the vulnerability gives access to personal data, mark your report as confidential.')
  else if (when.includes('sensitive-information'))
    lines.push('- If the vulnerability gives access to sensitive information, mark your report as confidential.')
  const shared = { 'assigned-team': 'the team assigned to fix it', 'security-team': 'the security team', project: 'the project' } as const
  if (rules.sharedWith)
    lines.push(
      `- What you tell us stays with ${shared[rules.sharedWith]}${rules.needToKnow ? ' and is shared only as needed to fix the issue' : ''}.`,
    )
  if (rules.reporterDetails === 'never-without-permission')
    lines.push('- We never pass on your personal details to third parties without your permission.')
  if (rules.reporterDetails === 'internal') lines.push('- Your personal details stay inside our organization.')
  if (rules.statement) lines.push(`- ${inline(rules.statement)}`)
  return [...lines, '']
}

const announcementKindWords = {
  blog: 'blog',
  social: 'social media',
  chat: 'chat',
  'mailing-list': 'mailing list',
  website: 'website',
  advisory: 'security advisory',
} as const

export function disclosureSection(policy: Policy): string[] {
  const { disclosure, clocks } = policy
  const lines = ['## Disclosure', '']
  if (disclosure?.reporterMayDisclose === 'after-deadline' && clocks.disclosure) {
    lines.push(
      `Do not disclose the issue publicly until it is fully resolved. If you have not received a full update ${within(clocks.disclosure)}, you may disclose it publicly.`,
    )
  } else if (disclosure?.reporterMayDisclose === 'after-fix') {
    lines.push('Do not reveal the vulnerability to others until it is resolved.')
  } else if (clocks.disclosure) {
    lines.push(`We aim to disclose ${within(clocks.disclosure)} of your report, in coordination with you.`)
  } else {
    lines.push('We coordinate the date of public disclosure with you.')
  }
  if (disclosure?.statement) lines.push('', inline(disclosure.statement))
  if (disclosure?.advisory === 'always') lines.push('', 'We publish a security advisory for every confirmed vulnerability.')
  if (disclosure?.advisory === 'optional') lines.push('', 'We may publish a security advisory for a fixed vulnerability.')
  if (disclosure?.advisory === 'never') lines.push('', 'We do not publish security advisories.')
  if (disclosure?.cve === 'always') lines.push('We request a CVE identifier for every confirmed vulnerability.')
  if (disclosure?.cve === 'if-appropriate') lines.push('We request a CVE identifier when appropriate.')
  if (disclosure?.cve === 'never') lines.push('We do not request CVE identifiers.')
  if (disclosure?.publishAllReports) {
    lines.push(
      '',
      'Once the fix is published, we make every report public, redacted, whatever its outcome: accepted, rejected or duplicate.',
    )
  }
  if (disclosure?.publishAllReports || disclosure?.reporterObjection) {
    const period = inline(disclosure.reporterObjection ?? defaultReporterObjection)
    lines.push(
      '',
      `Before we make a report public, its reporter sees the redacted text we propose and may object within ${period}; a report its reporter objected to is not published.`,
    )
  }
  if (disclosure?.earlyDisclosure) {
    const early = disclosure.earlyDisclosure
    const when = early.leadTime ? `${inline(early.leadTime)} before public disclosure` : 'before public disclosure'
    const who = early.audience === 'organizations' ? ' These are organizations, not individuals.' : ''
    lines.push(
      '',
      `Close partners receive actionable information ${when}, through our ${inline(early.channel)}.${who}${early.note ? ` ${inline(early.note)}` : ''}`,
    )
  }
  const windows = disclosure?.releaseWindows
  if (windows?.partnerNotice || windows?.publicMerge) {
    lines.push('', 'When a release date is planned:', '')
    if (windows.partnerNotice) lines.push(`- partners are told no earlier than ${inline(windows.partnerNotice)} before the release;`)
    if (windows.publicMerge) lines.push(`- the fix is merged publicly no earlier than ${inline(windows.publicMerge)} before the release.`)
  }
  if (disclosure?.steps?.length) lines.push('', 'On the day of disclosure:', '', ...bullets(disclosure.steps))
  if (disclosure?.announcements?.length) {
    lines.push(
      '',
      'We announce fixes on:',
      '',
      ...disclosure.announcements.map((a) => `- ${inline(a.name)}${a.url ? `: ${a.url}` : ''} (${announcementKindWords[a.kind]})`),
    )
    if (disclosure.includeMitigations) lines.push('', 'Announcements say which mitigating steps you can take before upgrading.')
  }
  return [...lines, '']
}
