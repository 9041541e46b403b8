import type { Deps } from '../../deps.js'
import { fail, ok } from '../../domain/result.js'
import { deleteSavedView } from '../../storage/repositories/queue-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** A member deletes one of their own saved views; another member's view is as unknown as none. */
export async function deleteQueueView(deps: Deps, org: OrganizationRow, userId: string, viewId: string) {
  const name = await runUnit(deps, org, (u) => deleteSavedView(u.tx, org.id, userId, viewId))
  return name === undefined ? fail('NOT_FOUND' as const) : ok({ name })
}
