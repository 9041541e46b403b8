import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { deleteReplyTemplate as deleteRow } from '../../storage/repositories/reply-template-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** Deletes one of the organization's templates; replies already sent with it stay as they were written. */
export async function deleteReplyTemplate(
  deps: Deps,
  org: OrganizationRow,
  id: string,
  actorId: string,
): Promise<Result<true, { code: 'NOT_FOUND' }>> {
  return runUnit(deps, org, async (u) => {
    if (!(await deleteRow(u.tx, org.id, id))) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('reply-template.deleted', { kind: 'user', id: actorId }, u.at, null, { templateId: id }))
    return ok(true as const)
  })
}
