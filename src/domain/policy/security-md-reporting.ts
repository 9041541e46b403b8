/** SECURITY.md sections about reaching the organization: channels, what to include, scope. */
import { inline, joinWords } from './policy-wording.js'
import type { Policy, Program } from './schema.js'

const bullets = (items: readonly string[]): string[] => items.map((item) => `- ${inline(item)}`)

export function channelsSection(policy: Policy, reportUrl: string | undefined): string[] {
  const { channels } = policy
  const lines = ['## Reporting a vulnerability', '']
  if (channels.webForm?.enabled && reportUrl)
    lines.push(`- Use our reporting form: ${reportUrl}${channels.webForm.note ? ` (${inline(channels.webForm.note)})` : ''}`)
  for (const tracker of channels.trackers ?? []) {
    const programs = tracker.programs?.length ? ` for ${joinWords(tracker.programs.map((slug) => programName(policy, slug)))}` : ''
    const confidential = tracker.confidentialIssues ? 'a confidential issue' : 'an issue'
    lines.push(`- Open ${confidential} on ${inline(tracker.name)}${programs}: ${tracker.url}`)
  }
  for (const email of channels.email ?? []) {
    const privately = email.private ? ' (a private address)' : ''
    const encryption =
      email.encryption === 'required'
        ? ' Encrypt your e-mail with our OpenPGP key'
        : email.encryption === 'preferred'
          ? ' Please encrypt your e-mail with our OpenPGP key'
          : email.openpgp
            ? ' You may encrypt your e-mail with our OpenPGP key'
            : ''
    const key = email.openpgp?.url ?? email.openpgp?.fingerprint ?? (email.openpgp?.publicKey ? 'see "OpenPGP keys" below' : undefined)
    lines.push(
      `- E-mail ${email.address}${privately}.${encryption ? `${encryption}${key ? `: ${key}` : ''}.` : ''}${email.note ? ` ${inline(email.note)}` : ''}`,
    )
  }
  if (channels.fallback) lines.push('', inline(channels.fallback))
  const publicTracker = channels.publicTracker
  if (publicTracker?.use === 'never-for-security') {
    lines.push(
      '',
      `**Never report a security issue on the public issue tracker** (${publicTracker.url}).${publicTracker.guidance ? ` ${inline(publicTracker.guidance)}` : ''}`,
    )
  } else if (publicTracker?.use === 'non-security-bugs') {
    lines.push(
      '',
      `Bugs that are not security issues go to the public issue tracker: ${publicTracker.url}.${publicTracker.guidance ? ` ${inline(publicTracker.guidance)}` : ''}`,
    )
  }
  const reporter = policy.reporter
  if (reporter) {
    if (reporter.asked?.length) lines.push('', `Please tell us who you are: ${joinWords(reporter.asked.map(inline))}.`)
    const anonymous = [reporter.pseudonymAllowed && 'under a pseudonym', reporter.anonymousAllowed && 'anonymously'].filter(
      (w): w is string => !!w,
    )
    if (anonymous.length) lines.push(`You may also report ${joinWords(anonymous, 'or')}.`)
    if (reporter.requestedContent?.length) lines.push('', 'Please include:', '', ...bullets(reporter.requestedContent))
  }
  return lines
}

/** How a field's `type` is said after its question; plain text says nothing. */
const fieldTypeWords = { text: '', 'long-text': '', version: 'a version', url: 'a URL', attachments: 'attachments welcome' } as const

const programName = (policy: Policy, slug: string): string => inline(policy.programs?.find((p) => p.slug === slug)?.name ?? slug)

function programSection(policy: Policy, program: Program): string[] {
  const lines = [`### ${inline(program.name)}`, '', program.inScope ? 'In scope.' : 'Out of scope.', '']
  if (program.description) lines.push(inline(program.description), '')
  if (program.thirdParty) {
    lines.push(
      program.thirdParty.handling === 'coordinate'
        ? 'Fixing is the responsibility of the maintainers of the third-party product; we coordinate with them on your behalf and work with you to make sure they know.'
        : 'Report the issue to the maintainers of that project: it is theirs to fix.',
    )
    if (program.thirdParty.note) lines.push(inline(program.thirdParty.note))
    lines.push('')
  }
  if (program.handledLike) lines.push(`Please follow the process for ${programName(policy, program.handledLike)}.`, '')
  if (program.fields?.length) {
    lines.push('Please include:', '')
    for (const field of program.fields) {
      const type = field.type ? fieldTypeWords[field.type] : ''
      lines.push(`- ${inline(field.label)}${field.required === false ? ' (if you can)' : ''}${type ? `: ${type}` : ''}`)
    }
    lines.push('')
  }
  return lines
}

export function programsSection(policy: Policy): string[] {
  const programs = policy.programs ?? []
  if (programs.length === 0) return []
  return ['## What to include in your report', '', ...programs.flatMap((p) => programSection(policy, p))]
}

export function scopeSection(policy: Policy): string[] {
  const scope = policy.scope
  const rules = policy.researcherRules
  const lines: string[] = []
  if (scope?.inScope?.length || scope?.outOfScope?.length) {
    lines.push('## Scope', '')
    if (scope.inScope?.length) lines.push('In scope:', '', ...bullets(scope.inScope), '')
    if (scope.outOfScope?.length) lines.push('Out of scope:', '', ...bullets(scope.outOfScope), '')
  }
  if (rules?.whenToReport?.length) lines.push('## When to report', '', ...bullets(rules.whenToReport), '')
  if (rules?.whenNotToReport?.length) lines.push('## When not to report', '', ...bullets(rules.whenNotToReport), '')
  return lines
}

export { bullets }
