/**
 * Small pieces of English the policy renderers share, so SECURITY.md and the policy page say a
 * commitment the same way. Durations keep the policy's own words ("3 business days").
 */
import type { Policy } from './schema.js'

const weekdayNames = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const

/** "a, b and c". */
export function joinWords(words: readonly string[], last = 'and'): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`
}

/**
 * One line of Markdown text: no line breaks that could start a heading or list of their own.
 * Each run of white space that holds a line break becomes one space; other runs stay as written.
 * Linear in the text: `\s+` matches each run once from its start (a pattern that begins with
 * `\s*` and needs a line break after it retries every position of a long run of spaces).
 */
export const inline = (text: string): string => text.replace(/\s+/g, (run) => (run.includes('\n') || run.includes('\r') ? ' ' : run)).trim()

/** "within 3 business days", "immediately", "as soon as possible". */
export function within(words: string): string {
  const normal = words.trim().toLowerCase()
  if (normal === 'immediately' || normal === 'as soon as possible' || normal === 'asap')
    return normal === 'asap' ? 'as soon as possible' : normal
  return normal.startsWith('within ') ? words.trim() : `within ${words.trim()}`
}

/** What "business day" means for this organization, in one sentence. */
export function businessDaysSentence(policy: Policy): string {
  const { calendar } = policy
  const days = (calendar.workingDays ?? ['mon', 'tue', 'wed', 'thu', 'fri']).map((d) => weekdayNames[d])
  const region = calendar.holidays
    ? `${calendar.holidays.country}${calendar.holidays.state ? `-${calendar.holidays.state}` : ''}`
    : undefined
  const closures = calendar.closures?.length ? ` and on ${joinWords(calendar.closures)}` : ''
  return `Business days are ${joinWords(days)} in the ${calendar.timeZone} time zone${region ? `, except public holidays in ${region}` : ''}${closures}. A deadline in business days ends at midnight at the end of the last business day.`
}

export const escalationTargetName = (policy: Policy, step: NonNullable<Policy['escalation']>['chain'][number]): string => {
  if (step.notify === 'assignee') return 'the security team member assigned to your report'
  if (step.notify === 'team') {
    const email = policy.contacts?.find((c) => c.id === policy.team?.contact)?.email
    return `the whole ${policy.team ? inline(policy.team.name) : 'security team'}${email ? ` at ${email}` : ''}`
  }
  const contact = policy.contacts?.find((c) => c.id === step.contact)
  if (!contact) return String(step.contact)
  const role = contact.role ? `${inline(contact.role)} (${inline(contact.name)})` : inline(contact.name)
  const key = contact.openpgp?.url
    ? `, OpenPGP key: ${contact.openpgp.url}`
    : contact.openpgp?.fingerprint
      ? `, OpenPGP fingerprint ${contact.openpgp.fingerprint}`
      : ''
  return `${role}${contact.email ? ` at ${contact.email}` : ''}${key}`
}

export const rewardConditionWords = {
  'first-reporter': 'to the first reporter of a given vulnerability',
  'non-trivial': 'for non-trivial vulnerabilities',
  'own-products-only': 'for our own products only',
  'by-severity': 'depending on the severity',
} as const

export const responseContentWords = {
  evaluation: 'our evaluation of the report',
  'next-steps': 'the next steps',
  plan: 'a detailed plan to investigate the issue',
  workarounds: 'any workarounds you can apply in the meantime',
  'expected-resolution-date': 'an expected resolution date',
} as const

export const audienceWords = {
  admins: 'administrators',
  team: 'the security team',
  assignee: 'the assigned team member',
  reporter: 'you',
  partners: 'early-disclosure partners',
  public: 'everyone',
} as const
