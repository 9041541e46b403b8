import { cipherFor, type Deps } from '../deps.js'
import { mayReadAdvisory } from '../disclosure/index.js'
import type { Reader } from '../domain/access/need-to-know.js'
import type { Policy } from '../domain/policy/schema.js'
import { findAdvisory, type StoredAdvisory } from '../storage/repositories/advisory-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export interface AdvisoryOf {
  advisory: StoredAdvisory
  policy: Policy | undefined
  zone: string | undefined
}

/**
 * The advisory `ownId` for `viewer` under disclosure's need-to-know rule (a member who may not read
 * every linked report does not learn it exists), with the organization's current policy; `viewer`
 * null is Embargo itself (the job).
 */
export async function advisoryOf(deps: Deps, org: OrganizationRow, ownId: string, viewer: Reader | null): Promise<AdvisoryOf | undefined> {
  const advisory = await findAdvisory(deps.db, cipherFor(deps, org), org.id, ownId)
  if (!advisory) return undefined
  if (viewer && !(await mayReadAdvisory(deps.db, org.id, advisory.id, viewer))) return undefined
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  return { advisory, policy, zone: policy?.calendar.timeZone }
}

/** Published or withdrawn: nothing is early any more. */
export const isPublic = (a: StoredAdvisory): boolean => a.state === 'published' || a.state === 'withdrawn' || a.publishedAt !== null
