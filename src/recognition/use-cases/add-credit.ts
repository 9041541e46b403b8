import type { Deps } from '../../deps.js'
import { type CreditNameProblem, checkCreditName } from '../../domain/advisory/credit-consent.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { insertCredit } from '../../storage/repositories/report-credit-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { teamReport, type Viewer } from '../team-report.js'
import { isCreditRole } from './propose-credit.js'

export type AddCreditError = { code: 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST' | CreditNameProblem }

/** The team credits someone other than the reporter (an analyst, a coordinator, a tool) on a report. */
export async function addCredit(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  input: { name: string; role: string },
): Promise<Result<void, AddCreditError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  if (!isCreditRole(input.role)) return fail({ code: 'BAD_REQUEST' })
  const problem = checkCreditName(input.name)
  if (problem) return fail({ code: problem })
  const { report } = found
  const role = input.role
  return runUnit(deps, org, async (u) => {
    const creditId = newId()
    await insertCredit(
      u.tx,
      u.cipher,
      org.id,
      {
        id: creditId,
        reportId: report.id,
        subject: 'other',
        name: input.name,
        role,
        consent: 'accepted',
        intake: 'silent',
        createdBy: viewer.userId,
      },
      u.at,
    )
    u.record(newEvent('credit.added', { kind: 'user', id: viewer.userId }, u.at, report.id, { creditId, role }))
    return ok(undefined)
  })
}
