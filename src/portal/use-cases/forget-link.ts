import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { hashSecret } from '../../storage/ids.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { findReportAccessAnyState, revokeReportAccess } from '../../storage/repositories/reporter-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'

export type ForgetLinkError = { code: 'NOT_FOUND' }

/**
 * "Forget": revokes the capability for good, with its timeline event in the same unit of work. The
 * link and every cookie holding it stop working; the team's side is untouched. A link unknown or
 * already revoked answers NOT_FOUND and changes nothing.
 */
export async function forgetLink(deps: Deps, token: string): Promise<Result<void, ForgetLinkError>> {
  const found = await findReportAccessAnyState(deps.db, hashSecret(token))
  if (!found || found.revoked_at !== null) return fail({ code: 'NOT_FOUND' })
  const org = await findOrganizationById(deps.db, found.org_id)
  if (!org) return fail({ code: 'NOT_FOUND' })
  return runUnit(deps, org, async (u) => {
    if (!(await revokeReportAccess(u.tx, org.id, hashSecret(token), u.at))) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('reporter.link_revoked', { kind: 'reporter' }, u.at, found.report_id, {}))
    return ok(undefined)
  })
}
