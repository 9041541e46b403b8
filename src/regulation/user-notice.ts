/**
 * The notice to users of a case (Art. 14(8)), drafted from the report's advisory. This is the seam
 * for announcement channels: they call `userNoticeFor` through the front door and send the result;
 * nothing here sends anything.
 */
import type { Deps } from '../deps.js'
import { draftUserNotice, type UserNotice } from '../domain/regulation/user-notice.js'
import { fail, ok, type Result } from '../domain/result.js'
import type { OrganizationRow } from '../storage/schema.js'
import type { CaseError } from './change-case.js'
import { type CraContext, craSources, loadCraContext, type Viewer } from './load-case.js'

export async function userNoticeFor(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
): Promise<Result<{ ctx: CraContext; notice: UserNotice | undefined }, CaseError>> {
  const ctx = await loadCraContext(deps, org, ref, viewer, deps.now().toISOString())
  if (!ctx) return fail({ code: 'NOT_FOUND' })
  if (!ctx.readable) return fail({ code: 'NEED_TO_KNOW' })
  if (!ctx.craCase) return fail({ code: 'CRA_NOT_MARKED' })
  const { notice } = await craSources(deps, ctx)
  const name = ctx.policy?.organization.name ?? org.name
  return ok({ ctx, notice: notice ? draftUserNotice(name, ctx.craCase.kind, notice) : undefined })
}
