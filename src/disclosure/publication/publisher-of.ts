/** Who publishes an organization's advisories, as every export names it: from its policy and the instance's address. */
import type { Deps } from '../../deps.js'
import type { Publisher } from '../../domain/advisory/advisory.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'

export async function publisherOf(deps: Deps, org: Pick<OrganizationRow, 'id' | 'slug' | 'name'>): Promise<Publisher> {
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  const baseUrl = deps.config.publicUrl.href.replace(/\/+$/, '')
  const contact = policy?.channels.email?.[0]?.address
  return {
    name: org.name,
    slug: org.slug,
    baseUrl,
    ...(contact ? { contact } : {}),
    // CSAF's namespace is the publisher's own web site; the organization's public page stands in without one.
    namespace: policy?.organization.website ?? `${baseUrl}/o/${org.slug}`,
  }
}
