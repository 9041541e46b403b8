import type { Selectable } from 'kysely'
import { type SharedWith, sharedWithOf } from '../../domain/access/need-to-know.js'
import type { Executor, Tx } from '../db.js'
import { isPostgres } from '../dialect.js'
import type { PolicyVersionTable } from '../schema.js'

export type PolicyVersionRow = Selectable<PolicyVersionTable>

/** The organization's policy versions, newest first (never text of reports: policies are public). */
export const listPolicyVersions = (db: Executor, orgId: string) =>
  db
    .selectFrom('policy_version')
    .select(['id', 'version', 'created_by', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('version', 'desc')
    .execute()

export const findPolicyVersion = (db: Executor, orgId: string, id: string): Promise<PolicyVersionRow | undefined> =>
  db.selectFrom('policy_version').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()

/** The version the organization runs now, if it has a policy. */
export async function findCurrentPolicyVersion(db: Executor, orgId: string): Promise<PolicyVersionRow | undefined> {
  return db
    .selectFrom('policy_version')
    .innerJoin('organization', 'organization.policy_version_id', 'policy_version.id')
    .selectAll('policy_version')
    .where('organization.id', '=', orgId)
    .where('policy_version.org_id', '=', orgId)
    .executeTakeFirst()
}

/**
 * Stores a new immutable version and makes it the organization's current one. The organization
 * row is locked first (PostgreSQL), so two imports at once get versions n and n+1, not a clash.
 */
export async function insertPolicyVersion(
  tx: Tx,
  v: { id: string; orgId: string; sourceYaml: string; parsedJson: string; createdBy: string | null; createdAt: string },
): Promise<number> {
  let lock = tx.selectFrom('organization').select('id').where('id', '=', v.orgId)
  if (isPostgres(tx)) lock = lock.forNoKeyUpdate() // not FOR UPDATE: inserts referencing the organization take key-share locks on it
  await lock.executeTakeFirstOrThrow()
  const last = await tx
    .selectFrom('policy_version')
    .select((eb) => eb.fn.max<number>('version').as('n'))
    .where('org_id', '=', v.orgId)
    .executeTakeFirst()
  const version = Number(last?.n ?? 0) + 1
  await tx
    .insertInto('policy_version')
    .values({
      id: v.id,
      org_id: v.orgId,
      version,
      source_yaml: v.sourceYaml,
      parsed_json: v.parsedJson,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .execute()
  await tx.updateTable('organization').set({ policy_version_id: v.id }).where('id', '=', v.orgId).execute()
  return version
}

/** Policy versions are immutable: the need-to-know rule (`confidentiality.sharedWith`) of each is read once. */
const sharedWithCache = new Map<string, SharedWith>()

/**
 * The need-to-know rule each of these policy versions sets (src/domain/access/need-to-know.ts).
 * A version that cannot be read shares with the assigned team only: failing closed.
 */
export async function sharedWithOfVersions(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, SharedWith>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  const unknown = wanted.filter((id) => !sharedWithCache.has(id))
  if (unknown.length > 0) {
    const rows = await db.selectFrom('policy_version').select(['id', 'parsed_json']).where('id', 'in', unknown).execute()
    if (sharedWithCache.size > 10_000) sharedWithCache.clear()
    for (const row of rows) {
      let rule: SharedWith
      try {
        rule = sharedWithOf(JSON.parse(row.parsed_json))
      } catch {
        rule = 'assigned-team'
      }
      sharedWithCache.set(row.id, rule)
    }
  }
  return new Map(wanted.map((id) => [id, sharedWithCache.has(id) ? sharedWithCache.get(id) : 'assigned-team']))
}

/** The need-to-know rule of one report's policy version; undefined (no rule) for a report received without a policy. */
export async function sharedWithOfVersion(db: Executor, id: string | null): Promise<SharedWith> {
  if (id === null) return undefined
  return (await sharedWithOfVersions(db, [id])).get(id)
}
