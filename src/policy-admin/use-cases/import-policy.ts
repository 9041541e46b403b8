/**
 * A new version of an organization's policy: checked (line-numbered problems), stored as an
 * immutable version, made current, and audited with a `policy.imported` event — all in one
 * unit of work. Reports already received keep the version they were received under.
 */
import crypto from 'node:crypto'
import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { type PolicyProblem, parsePolicy } from '../../domain/policy/parse-policy.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { findCurrentPolicyVersion, insertPolicyVersion } from '../../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

export type ImportPolicyError = { code: 'POLICY_INVALID'; problems: PolicyProblem[] } | { code: 'POLICY_UNCHANGED'; version: number }

export async function importPolicy(
  deps: Deps,
  org: Pick<OrganizationRow, 'id' | 'data_key_wrapped'>,
  source: string,
  fileName: string,
  actorId: string | null,
): Promise<Result<{ id: string; version: number }, ImportPolicyError>> {
  const parsed = parsePolicy(source, fileName)
  if (!parsed.ok) return fail({ code: 'POLICY_INVALID', problems: parsed.errors })
  const current = await findCurrentPolicyVersion(deps.db, org.id)
  if (current && current.source_yaml === source) return fail({ code: 'POLICY_UNCHANGED', version: Number(current.version) })
  const id = newId()
  const version = await runUnit(deps, org, async (u) => {
    const n = await insertPolicyVersion(u.tx, {
      id,
      orgId: org.id,
      sourceYaml: source,
      parsedJson: JSON.stringify(parsed.policy),
      createdBy: actorId,
      createdAt: u.at,
    })
    const sha256 = crypto.createHash('sha256').update(source).digest('hex')
    u.record(
      newEvent('policy.imported', actorId ? { kind: 'user', id: actorId } : { kind: 'system' }, u.at, null, {
        version: n,
        policyVersionId: id,
        sha256,
        previous: current ? Number(current.version) : null,
      }),
    )
    return n
  })
  return ok({ id, version })
}
