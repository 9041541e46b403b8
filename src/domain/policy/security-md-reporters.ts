/** SECURITY.md sections about the reporter: recognition, safe harbor, rules, labels, languages. */

import { inline, joinWords, rewardConditionWords } from './policy-wording.js'
import type { Policy } from './schema.js'
import { bullets } from './security-md-reporting.js'

export function recognitionSection(policy: Policy): string[] {
  const recognition = policy.recognition
  if (!recognition) return []
  const lines = ['## Recognition and rewards', '']
  if (recognition.bounty === false) lines.push('- We do not offer a monetary bug bounty.')
  if (recognition.bounty === true) lines.push('- We offer a monetary bug bounty.')
  if (recognition.creditInAdvisory === 'unless-declined')
    lines.push('- We name you as the discoverer in the public advisory, unless you tell us otherwise.')
  if (recognition.creditInAdvisory === 'on-request') lines.push('- We credit you publicly if you ask us to.')
  if (recognition.hallOfFame?.enabled)
    lines.push(
      `- Hall of fame${recognition.hallOfFame.onRequest ? ' (on request)' : ''}${recognition.hallOfFame.url ? `: ${recognition.hallOfFame.url}` : ''}.`,
    )
  for (const reward of recognition.rewards ?? []) {
    const given = reward.conditions ?? []
    const firstOfNonTrivial = given.includes('first-reporter') && given.includes('non-trivial')
    const conditions = [
      ...(firstOfNonTrivial ? ['to the first reporter of a given non-trivial vulnerability'] : []),
      ...given.filter((c) => !firstOfNonTrivial || (c !== 'first-reporter' && c !== 'non-trivial')).map((c) => rewardConditionWords[c]),
    ]
    lines.push(`- ${inline(reward.description).replace(/\.$/, '')}${conditions.length ? ` (${joinWords(conditions)})` : ''}.`)
    const amounts = reward.amounts
    if (amounts) {
      const levels = (['low', 'medium', 'high', 'critical'] as const).filter((level) => amounts[level] !== undefined)
      const listed = levels.map((level) => `${level}: ${amounts[level]} ${inline(amounts.currency)}`)
      if (listed.length) lines.push(`  Amounts by severity: ${listed.join(', ')}.`)
    }
  }
  return [...lines, '']
}

export function safeHarborSection(policy: Policy): string[] {
  const harbor = policy.safeHarbor
  if (!harbor) return []
  const lines = ['## Safe harbor', '', inline(harbor.statement)]
  if (harbor.conditions?.length) lines.push('', 'We ask that you:', '', ...bullets(harbor.conditions))
  if (harbor.exclusions?.length) lines.push('', ...bullets(harbor.exclusions))
  return [...lines, '']
}

export function researcherRulesSection(policy: Policy): string[] {
  const rules = policy.researcherRules
  const lines: string[] = []
  if (rules?.do?.length) lines.push('## Do', '', ...bullets(rules.do), '')
  if (rules?.dont?.length) lines.push("## Don't", '', ...bullets(rules.dont), '')
  return lines
}

export function labelsSection(policy: Policy): string[] {
  if (!policy.labels?.length) return []
  return ['## Labels', '', ...policy.labels.map((l) => `- \`${l.name}\`: ${inline(l.description)}`), '']
}

export function contactSection(policy: Policy): string[] {
  const lines: string[] = []
  const languages = policy.organization.languages
  if (languages?.length)
    lines.push(
      '## Languages',
      '',
      `You can write to us in ${joinWords(
        languages.map((l) => languageName(l)),
        'or',
      )}.`,
      '',
    )
  const others = (policy.contacts ?? []).filter((c) => c.email && c.purpose)
  if (others.length || policy.comments) {
    lines.push('## Contact', '')
    for (const c of others)
      lines.push(
        `- ${inline(c.name)}${c.kind === 'person' ? '' : ` (${contactKindWords[c.kind]})`}: ${c.email} (${inline(c.purpose ?? '')})`,
      )
    if (policy.comments) lines.push(`- Comments on this policy: ${inline(policy.comments)}`)
    lines.push('')
  }
  return lines
}

const languageName = (tag: string): string => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}

const contactKindWords = { person: 'a person', team: 'a team', 'mailing-list': 'a mailing list' } as const

/**
 * The keys the policy gives as text (`openpgp.publicKey`), each under whose key it is, as an
 * indented code block: every line is indented, so no line of a key can end the block or start
 * Markdown of its own.
 */
export function openPgpKeysSection(policy: Policy): string[] {
  const keys = [
    ...(policy.channels.email ?? []).map((e) => ({ owner: e.address, key: e.openpgp?.publicKey })),
    ...(policy.contacts ?? []).map((c) => ({ owner: inline(c.name), key: c.openpgp?.publicKey })),
  ].filter((k): k is { owner: string; key: string } => !!k.key)
  if (keys.length === 0) return []
  const lines = ['## OpenPGP keys', '']
  for (const { owner, key } of keys) {
    lines.push(
      `${owner}:`,
      '',
      ...key
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => `    ${l}`.trimEnd() || '    '),
      '',
    )
  }
  return lines
}
