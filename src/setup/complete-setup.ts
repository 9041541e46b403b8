import {
  checkNewMember,
  checkNewOrganization,
  insertMember,
  insertNewOrganization,
  type MemberErrors,
  type OrganizationErrors,
} from '../admin/index.js'
import { startSession } from '../auth/index.js'
import type { Deps } from '../deps.js'
import { fail, ok, type Result } from '../domain/result.js'
import { hashSecret } from '../storage/ids.js'
import { countUsers } from '../storage/repositories/user-repository.js'

export interface SetupInput {
  name: string
  email: string
  password: string
  orgName: string
  orgSlug: string
}

export type SetupErrors = Partial<Record<keyof SetupInput, string>>

/**
 * First run: creates the first administrator and organization together and uses up the setup
 * token, in one transaction, then signs the new administrator in.
 */
export async function completeSetup(
  deps: Deps,
  token: string,
  input: SetupInput,
): Promise<Result<{ session: string; slug: string }, SetupErrors>> {
  const memberErrors: MemberErrors = await checkNewMember(deps, null, { ...input, role: 'admin' })
  const orgErrors: OrganizationErrors = await checkNewOrganization(deps, { slug: input.orgSlug, name: input.orgName })
  const errors: SetupErrors = { ...memberErrors }
  if (orgErrors.slug) errors.orgSlug = orgErrors.slug
  if (orgErrors.name) errors.orgName = orgErrors.name
  if (Object.keys(errors).length > 0) return fail(errors)

  const userId = await deps.db.transaction().execute(async (tx) => {
    const used = await tx.deleteFrom('setup_token').where('token_hash', '=', hashSecret(token)).executeTakeFirst()
    if (Number(used.numDeletedRows) !== 1 || (await countUsers(tx)) > 0) throw new SetupAlreadyDone()
    const orgId = await insertNewOrganization(deps, tx, { slug: input.orgSlug, name: input.orgName }, null)
    return insertMember(deps, tx, orgId, { email: input.email, name: input.name, password: input.password, role: 'admin' }, null)
  })
  return ok({ session: await startSession(deps, userId), slug: input.orgSlug })
}

export class SetupAlreadyDone extends Error {}
