/**
 * Who may be named publicly for a report, and under which name: the one rule every public place
 * (advisories, their exports, the hall of fame) asks. Pure: the caller passes the stored credit
 * and the policy's recognition settings.
 *
 * A reporter is a stranger who chose at intake how to be credited (by name, pseudonym, or
 * anonymous) and who later sees the team's proposed credit line on the follow-up page, where they
 * accept it (possibly under another name) or decline. Nothing names a reporter publicly without
 * the consent the policy promises:
 * - `unless-declined` (Alkemio): credited unless they declined, at intake (anonymous) or later;
 * - `on-request` (Kumi), and every policy that says nothing: credited only when they asked at
 *   intake for exactly this name, or accepted the proposed line;
 * - `never`: nobody is credited.
 */
import type { Credit, CreditRole } from './advisory.js'

export const creditConsents = ['proposed', 'accepted', 'declined'] as const
/** Where the reporter's answer stands: not yet answered, accepted (perhaps renamed), declined. */
export type CreditConsent = (typeof creditConsents)[number]

/**
 * What the reporter said at intake about being credited under the proposed name: `asked` (they
 * chose "by my name" or a pseudonym and the proposal uses the name they gave), `declined` (they
 * chose "anonymous" on the form), `silent` (no choice was made, e.g. a mail, or the team proposes
 * a name other than the one the reporter gave).
 */
export const intakeWishes = ['asked', 'declined', 'silent'] as const
export type IntakeWish = (typeof intakeWishes)[number]

export type CreditInAdvisory = 'unless-declined' | 'on-request' | 'never'

/** The part of the policy's `recognition` this rule reads. */
export interface RecognitionSettings {
  creditInAdvisory?: CreditInAdvisory | undefined
  hallOfFame?: { enabled: boolean; onRequest?: boolean | undefined } | undefined
}

/** A credit stored on a report: the reporter's (with their consent) or another person's the team added. */
export interface ReportCredit {
  subject: 'reporter' | 'other'
  name: string
  role: CreditRole
  consent: CreditConsent
  intake: IntakeWish
}

/** The credit line that may appear publicly, or null when this credit names nobody. */
export function publicCreditOf(credit: ReportCredit, recognition: RecognitionSettings | undefined): Credit | null {
  const mode: CreditInAdvisory = recognition?.creditInAdvisory ?? 'on-request'
  if (mode === 'never') return null
  const line = credit.name.trim() === '' ? null : { name: credit.name, role: credit.role }
  // Someone the team credits themselves (an analyst, a coordinator, a tool): the team's own decision.
  if (credit.subject === 'other') return line
  if (credit.consent === 'declined') return null
  if (credit.consent === 'accepted') return line
  if (mode === 'unless-declined') return credit.intake === 'declined' ? null : line
  return credit.intake === 'asked' ? line : null
}

/**
 * Under both policies: a report received under one policy and published under another credits
 * its reporter only when both allow it (a policy change never names someone the old one kept anonymous).
 */
export function publicCreditUnder(credit: ReportCredit, policies: readonly (RecognitionSettings | undefined)[]): Credit | null {
  let line: Credit | null = null
  for (const recognition of policies) {
    line = publicCreditOf(credit, recognition)
    if (!line) return null
  }
  return line
}

/**
 * Whether a credit goes on the public hall of fame: only reporters (the people the hall
 * recognizes), only when the policy keeps one, with a public credit line; a hall "on request"
 * (Kumi) lists only reporters who asked for it or accepted the line.
 */
export function hallOfFameEntryOf(credit: ReportCredit, recognition: RecognitionSettings | undefined): Credit | null {
  if (credit.subject !== 'reporter' || !recognition?.hallOfFame?.enabled) return null
  const line = publicCreditOf(credit, recognition)
  if (!line) return null
  if (recognition.hallOfFame.onRequest && credit.consent !== 'accepted' && credit.intake !== 'asked') return null
  return line
}

/**
 * What the reporter said at intake about the name the team proposes: the form's choice, and
 * whether the proposal uses the name they gave (a mail carries no choice at all).
 */
export function intakeWishOf(
  report: { channel: 'web' | 'api' | 'email' | 'external'; creditPreference: 'name' | 'pseudonym' | 'anonymous' },
  givenName: string | null,
  proposedName: string,
): IntakeWish {
  // A mail, or a report the team registered from another platform: no choice was made in Embargo.
  if (report.channel === 'email' || report.channel === 'external') return 'silent'
  if (report.creditPreference === 'anonymous') return 'declined'
  return givenName !== null && givenName === proposedName ? 'asked' : 'silent'
}

/** The name the team's proposal starts from: the one the reporter gave, unless they chose anonymous. */
export function defaultCreditName(report: { creditPreference: 'name' | 'pseudonym' | 'anonymous' }, givenName: string | null): string {
  return report.creditPreference === 'anonymous' ? '' : (givenName ?? '')
}

export const creditNameMaxLength = 200

export type CreditNameProblem = 'CREDIT_NAME_REQUIRED' | 'CREDIT_NAME_INVALID'

/**
 * A credit name as typed, refused only when it cannot be shown faithfully on one line (empty,
 * too long, control or format characters that would disguise it). Rendered as text everywhere.
 */
export function checkCreditName(name: string): CreditNameProblem | null {
  if (name.trim() === '') return 'CREDIT_NAME_REQUIRED'
  if ([...name].length > creditNameMaxLength) return 'CREDIT_NAME_INVALID'
  if (!name.isWellFormed()) return 'CREDIT_NAME_INVALID'
  // C0/C1 controls, and bidirectional overrides/isolates that would reorder the line around it.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u.test(name)) return 'CREDIT_NAME_INVALID'
  return null
}
