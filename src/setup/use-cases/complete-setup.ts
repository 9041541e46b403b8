import {
  checkNewMember,
  checkNewOrganization,
  enrolMember,
  foundOrganization,
  type MemberErrors,
  type OrganizationErrors,
} from '../../admin/index.js'
import { startSession } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { hashSecret } from '../../storage/ids.js'
import { useSetupToken } from '../../storage/repositories/setup-token-repository.js'

export interface SetupInput {
  name: string
  email: string
  password: string
  orgName: string
  orgSlug: string
}

export type SetupErrors = Partial<Record<keyof SetupInput, string>>

export type CompleteSetupError = { code: 'VALIDATION_FAILED'; fields: SetupErrors } | { code: 'NOT_FOUND' }

/**
 * First run: creates the first administrator and organization together and uses up the setup
 * token, in one unit of work (a refused token rolls it all back), then signs the new administrator
 * in. A token already used, or an instance set up meanwhile, answers NOT_FOUND.
 */
export async function completeSetup(
  deps: Deps,
  token: string,
  input: SetupInput,
): Promise<Result<{ session: string; slug: string }, CompleteSetupError>> {
  const memberErrors: MemberErrors = await checkNewMember(deps, null, { ...input, role: 'admin' })
  const orgErrors: OrganizationErrors = await checkNewOrganization(deps, { slug: input.orgSlug, name: input.orgName })
  const errors: SetupErrors = { ...memberErrors }
  if (orgErrors.slug) errors.orgSlug = orgErrors.slug
  if (orgErrors.name) errors.orgName = orgErrors.name
  if (Object.keys(errors).length > 0) return fail({ code: 'VALIDATION_FAILED', fields: errors })

  const founded = await foundOrganization(deps, { slug: input.orgSlug, name: input.orgName }, null, async (u) => {
    if (!(await useSetupToken(u.tx, hashSecret(token)))) return fail({ code: 'NOT_FOUND' as const })
    return ok(await enrolMember(u, { email: input.email, name: input.name, password: input.password, role: 'admin' }, null))
  })
  if (!founded.ok) return founded
  return ok({ session: await startSession(deps, founded.value), slug: input.orgSlug })
}
