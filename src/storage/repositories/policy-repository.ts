import type { Selectable } from 'kysely'
import { type SharedWith, sharedWithOf } from '../../domain/access/need-to-know.js'
import type { Policy } from '../../domain/policy/schema.js'
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

/** One of the organization's versions by its number (1, 2, …). */
export const findPolicyVersionByNumber = (db: Executor, orgId: string, version: number): Promise<PolicyVersionRow | undefined> =>
  db.selectFrom('policy_version').selectAll().where('org_id', '=', orgId).where('version', '=', version).executeTakeFirst()

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

/**
 * Policy versions are immutable (database triggers refuse UPDATE and DELETE), so each is parsed
 * once per process and kept: a policy can be large (every text at its limit is ~800 KB), and
 * reading and parsing it on every public page and submission made the largest policy an admin
 * can save 7–50 times slower than a preset (bench phase `policy`). Bounded, oldest use dropped first.
 */
const parsed = new Map<string, Policy>()
const parsedLimit = 256

function remember(id: string, policy: Policy): Policy {
  parsed.delete(id)
  parsed.set(id, policy)
  if (parsed.size > parsedLimit) parsed.delete(parsed.keys().next().value as string)
  return policy
}

/** One version of the organization's policy, parsed; undefined when the organization has no such version. */
export async function policyOfVersion(db: Executor, orgId: string, versionId: string | null): Promise<Policy | undefined> {
  if (versionId === null) return undefined
  const known = parsed.get(versionId)
  if (known) return remember(versionId, known)
  const row = await db
    .selectFrom('policy_version')
    .select('parsed_json')
    .where('org_id', '=', orgId)
    .where('id', '=', versionId)
    .executeTakeFirst()
  return row && remember(versionId, JSON.parse(row.parsed_json) as Policy)
}

export interface CurrentPolicy {
  versionId: string
  version: number
  createdAt: string
  policy: Policy
}

/** The policy the organization runs now, if it has one; its text is read and parsed only the first time. */
export async function currentPolicy(db: Executor, orgId: string): Promise<CurrentPolicy | undefined> {
  const row = await db
    .selectFrom('policy_version')
    .innerJoin('organization', 'organization.policy_version_id', 'policy_version.id')
    .select(['policy_version.id', 'policy_version.version', 'policy_version.created_at'])
    .where('organization.id', '=', orgId)
    .where('policy_version.org_id', '=', orgId)
    .executeTakeFirst()
  const policy = row && (await policyOfVersion(db, orgId, row.id))
  return row && policy ? { versionId: row.id, version: Number(row.version), createdAt: row.created_at, policy } : undefined
}

/**
 * The need-to-know rule each of these policy versions sets (src/domain/access/need-to-know.ts).
 * A version that cannot be read shares with the assigned team only: failing closed.
 */
export async function sharedWithOfVersions(db: Executor, orgId: string, ids: readonly (string | null)[]): Promise<Map<string, SharedWith>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  const rules = new Map<string, SharedWith>()
  for (const id of wanted) {
    let rule: SharedWith = 'assigned-team'
    try {
      const policy = await policyOfVersion(db, orgId, id)
      if (policy) rule = sharedWithOf(policy)
    } catch {
      rule = 'assigned-team'
    }
    rules.set(id, rule)
  }
  return rules
}

/** The need-to-know rule of one report's policy version; undefined (no rule) for a report received without a policy. */
export async function sharedWithOfVersion(db: Executor, orgId: string, id: string | null): Promise<SharedWith> {
  if (id === null) return undefined
  return (await sharedWithOfVersions(db, orgId, [id])).get(id)
}
