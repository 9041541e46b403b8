/** What the organization itself has to put into a preset: its name, slug, security address and key. */
import type { Deps } from '../deps.js'
import type { TemplateOrganization } from '../domain/policy/preset-template.js'
import { findOrgMail } from '../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export async function organizationIdentity(deps: Deps, org: Pick<OrganizationRow, 'id' | 'slug' | 'name'>): Promise<TemplateOrganization> {
  const mail = await findOrgMail(deps.db, org.id)
  const key =
    mail?.fingerprint && mail.publicKey
      ? { fingerprint: mail.fingerprint, url: new URL(`/o/${org.slug}/openpgp.asc`, deps.config.publicUrl).href }
      : undefined
  return { name: org.name, slug: org.slug, securityAddress: mail?.securityAddress, key }
}
