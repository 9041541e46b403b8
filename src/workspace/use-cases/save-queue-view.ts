import type { Deps } from '../../deps.js'
import { fail, ok } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { saveView } from '../../storage/repositories/queue-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { parseQueueQuery, queueParams } from '../queue-query.js'

/** How long a view's name may be. */
export const viewNameLimit = 80

/**
 * A member saves the queue's current filters under a name, for themselves only (a view of the
 * same name is replaced). The query is parsed and written back, so only known filters are kept.
 * Returns the view's query (the queue's address to go back to).
 */
export async function saveQueueView(deps: Deps, org: OrganizationRow, userId: string, input: { name: string; query: string }) {
  const name = input.name.trim()
  if (name === '' || [...name].length > viewNameLimit) return fail('VIEW_NAME' as const)
  const query = queueParams(parseQueueQuery(Object.fromEntries(new URLSearchParams(input.query)))).toString()
  await runUnit(deps, org, (u) => saveView(u.tx, u.cipher, org.id, userId, { id: newId(), name, query }, u.at))
  return ok({ name, query })
}
