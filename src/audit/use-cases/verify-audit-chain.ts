import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { type ChainBreak, findChainBreak } from '../../storage/repositories/event-repository.js'
import { findOrganizationBySlug, listOrganizations } from '../../storage/repositories/organization-repository.js'

export interface ChainVerdict {
  slug: string
  /** Null when every row of the organization's chain verifies. */
  broken: ChainBreak | null
}

/**
 * Recomputes the hash chain of one organization's audit log (changes and reads), or of every
 * organization: the first row whose hash or link does not hold is named, or the end when rows
 * were removed after the last one the organization's head records.
 */
export async function verifyAuditChain(deps: Deps, slug?: string): Promise<Result<ChainVerdict[], { code: 'NOT_FOUND' }>> {
  const orgs = slug ? [await findOrganizationBySlug(deps.db, slug)] : await listOrganizations(deps.db)
  const verdicts: ChainVerdict[] = []
  for (const org of orgs) {
    if (!org) return fail({ code: 'NOT_FOUND' })
    verdicts.push({ slug: org.slug, broken: await findChainBreak(deps.db, org.id) })
  }
  return ok(verdicts)
}
