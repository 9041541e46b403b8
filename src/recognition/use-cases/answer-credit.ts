import type { Deps } from '../../deps.js'
import { type CreditNameProblem, checkCreditName } from '../../domain/advisory/credit-consent.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { findReporterCredit, answerCredit as storeAnswer } from '../../storage/repositories/report-credit-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'

export type AnswerCreditError = { code: 'NOT_FOUND' | 'CREDIT_NOT_PROPOSED' | CreditNameProblem }

export type CreditAnswer = { answer: 'accept'; name: string } | { answer: 'decline' }

/**
 * The reporter's answer to the proposed credit line, from the follow-up page: accept it (under the
 * proposed name or one they type) or decline (anonymous). They may change their answer later.
 */
export async function answerCredit(
  deps: Deps,
  access: { orgId: string; reportId: string },
  input: CreditAnswer,
): Promise<Result<void, AnswerCreditError>> {
  const org = await findOrganizationById(deps.db, access.orgId)
  if (!org) return fail({ code: 'NOT_FOUND' })
  if (input.answer === 'accept') {
    const problem = checkCreditName(input.name)
    if (problem) return fail({ code: problem })
  }
  const reporter = { kind: 'reporter' } as const
  return runUnit(deps, org, async (u) => {
    const credit = await findReporterCredit(u.tx, u.cipher, org.id, access.reportId)
    if (!credit) return fail({ code: 'CREDIT_NOT_PROPOSED' as const })
    if (input.answer === 'decline') {
      await storeAnswer(u.tx, u.cipher, org.id, credit.id, { consent: 'declined' }, u.at)
      u.record(newEvent('credit.declined', reporter, u.at, access.reportId, { creditId: credit.id }))
    } else {
      await storeAnswer(u.tx, u.cipher, org.id, credit.id, { consent: 'accepted', name: input.name }, u.at)
      u.record(newEvent('credit.accepted', reporter, u.at, access.reportId, { creditId: credit.id, renamed: input.name !== credit.name }))
    }
    return ok(undefined)
  })
}
