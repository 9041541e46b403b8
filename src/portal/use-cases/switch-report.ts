import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { linkState } from '../capability.js'

export interface PendingLink {
  token: string
  orgId: string
  reportId: string
  issuedAt: string
}

export type SwitchReportError = { code: 'NO_PENDING_LINK' }

/**
 * The reporter confirms opening another report's link (held in the pending cookie while they were
 * asked): the link to open, if it is still valid. Nothing is stored; the route swaps the cookies.
 */
export async function switchReport(deps: Deps, pendingToken: string | undefined): Promise<Result<PendingLink, SwitchReportError>> {
  if (!pendingToken) return fail({ code: 'NO_PENDING_LINK' })
  const link = await linkState(deps, pendingToken)
  if (link.state !== 'valid') return fail({ code: 'NO_PENDING_LINK' })
  return ok({ token: pendingToken, orgId: link.orgId, reportId: link.reportId, issuedAt: link.issuedAt })
}
