import type { Selectable } from 'kysely'
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
