import type { DomainEvent } from '../domain/events.js'
import { acrossOrganizations, type Executor, type Tx } from './db.js'
import { runUnit, type UnitDeps } from './unit-of-work.js'

const isFailedResult = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false

/**
 * A change to a person's own account (their second factors) that every organization they belong
 * to audits: the change commits with the event in the first organization's log, in one unit of
 * work; the other organizations' logs get the same event right after, each in its own unit (an
 * organization's hash chain is written only by its own unit). A person in no organization has no
 * log to write to: the change alone is committed. A change returning a failed Result records nothing.
 */
export async function runAccountChange<T>(
  deps: UnitDeps & { db: Executor },
  userId: string,
  change: (tx: Tx, at: string) => Promise<T>,
  events: (result: T, at: string) => DomainEvent[],
): Promise<T> {
  // A person's own memberships, across the organizations they belong to.
  const orgs = await acrossOrganizations(deps.db)
    .selectFrom('membership')
    .innerJoin('organization', 'organization.id', 'membership.org_id')
    .select(['organization.id', 'organization.data_key_wrapped'])
    .where('membership.user_id', '=', userId)
    .orderBy('organization.id')
    .execute()
  const [first, ...rest] = orgs
  if (!first) {
    const at = deps.now().toISOString()
    return deps.writes.transaction((tx) => change(tx, at))
  }
  let recorded: DomainEvent[] = []
  let at = ''
  const result = await runUnit(deps, first, async (u) => {
    const r = await change(u.tx, u.at)
    if (!isFailedResult(r)) {
      at = u.at
      recorded = events(r, u.at)
      u.record(...recorded)
    }
    return r
  })
  const done = recorded
  if (done.length > 0) for (const org of rest) await runUnit(deps, org, async (u) => u.record(...done), { at })
  return result
}
