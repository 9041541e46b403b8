/**
 * The report form's credit choice follows the policy's promise: `recognition.creditInAdvisory:
 * unless-declined` (Alkemio: "we will give your name as the discoverer of the problem, unless you
 * desire otherwise") preselects "by my name"; every other policy, and an organization without one,
 * preselects "anonymous".
 *
 * Under "credited unless declined", "by my name" with the name left empty is not an error the
 * reporter caused (the choice was made for them): the report is received as anonymous and the
 * confirmation page says so. An explicit "pseudonym" without one is still refused, as before.
 */
import type { Policy } from '../domain/policy/schema.js'
import type { Executor } from '../storage/db.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'

export type CreditDefault = 'name' | 'anonymous'

export const creditDefaultOf = (policy: Policy | undefined): CreditDefault =>
  policy?.recognition?.creditInAdvisory === 'unless-declined' ? 'name' : 'anonymous'

export async function orgCreditDefault(db: Executor, orgId: string): Promise<CreditDefault> {
  return creditDefaultOf((await currentPolicy(db, orgId))?.policy)
}

/**
 * The submission with the default applied: no choice means the default (by name only when a name
 * is given), and the default "by my name" without a name means anonymous. `notCredited` tells the
 * reporter why they will not be named.
 */
export function applyCreditDefault<T extends Record<string, unknown>>(
  input: T,
  fallback: CreditDefault,
): { input: T; notCredited: boolean } {
  if (fallback !== 'name') return { input, notCredited: false }
  const chosen = input.creditPreference
  if (chosen !== undefined && chosen !== 'name') return { input, notCredited: false }
  const named = typeof input.reporterName === 'string' && input.reporterName.trim() !== ''
  return named
    ? { input: { ...input, creditPreference: 'name' }, notCredited: false }
    : { input: { ...input, creditPreference: 'anonymous' }, notCredited: true }
}
