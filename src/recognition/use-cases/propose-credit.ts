import type { Deps } from '../../deps.js'
import { type CreditRole, creditRoles } from '../../domain/advisory/advisory.js'
import { type CreditNameProblem, checkCreditName, intakeWishOf } from '../../domain/advisory/credit-consent.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import { findReporterCredit, insertCredit, reproposeCredit } from '../../storage/repositories/report-credit-repository.js'
import { findReporter } from '../../storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { teamReport, type Viewer } from '../team-report.js'

export type ProposeCreditError = { code: 'NOT_FOUND' | 'FORBIDDEN' | 'CREDITS_NOT_OFFERED' | 'BAD_REQUEST' | CreditNameProblem }

export const isCreditRole = (role: string): role is CreditRole => (creditRoles as readonly string[]).includes(role)

/**
 * The team proposes the reporter's credit line (name and role). The reporter sees it on the
 * follow-up page and is told by mail; until they answer, the consent rule decides whether it may be
 * named (src/domain/advisory/credit-consent.ts). Proposing again replaces the line and asks again.
 */
export async function proposeCredit(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  input: { name: string; role: string },
): Promise<Result<void, ProposeCreditError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  if (!isCreditRole(input.role)) return fail({ code: 'BAD_REQUEST' })
  const problem = checkCreditName(input.name)
  if (problem) return fail({ code: problem })
  if ((await currentPolicy(deps.db, org.id))?.policy.recognition?.creditInAdvisory === 'never') return fail({ code: 'CREDITS_NOT_OFFERED' })
  const { report, cipher } = found
  const reporter = await findReporter(deps.db, cipher, org.id, report.reporterId)
  const intake = intakeWishOf(report, reporter?.name ?? null, input.name)
  const role = input.role
  return runUnit(deps, org, async (u) => {
    const existing = await findReporterCredit(u.tx, u.cipher, org.id, report.id)
    const creditId = existing?.id ?? newId()
    if (existing) await reproposeCredit(u.tx, u.cipher, org.id, creditId, { name: input.name, role, intake }, u.at)
    else
      await insertCredit(
        u.tx,
        u.cipher,
        org.id,
        {
          id: creditId,
          reportId: report.id,
          subject: 'reporter',
          name: input.name,
          role,
          consent: 'proposed',
          intake,
          createdBy: viewer.userId,
        },
        u.at,
      )
    u.record(newEvent('credit.proposed', { kind: 'user', id: viewer.userId }, u.at, report.id, { creditId, role }))
    if (reporter?.email) {
      u.send({ kind: 'mail', payload: { template: 'reporter.credit-proposed', to: reporter.email, ref: report.ref, orgName: org.name } })
    }
    return ok(undefined)
  })
}
