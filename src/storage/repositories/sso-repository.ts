import type { OrgCipher } from '../cipher.js'
import { acrossOrganizations, type Executor } from '../db.js'
import type { Role } from '../schema.js'

/** An organization's single sign-on settings, the client secret opened. */
export interface SsoSettings {
  displayName: string
  issuer: string
  clientId: string
  clientSecret: string
  allowedDomains: string[]
  jitRole: Role | null
  trustProviderMfa: boolean
  enabled: boolean
}

const secretContext = (orgId: string) => `org_sso.client_secret|${orgId}`

export async function findSsoSettings(db: Executor, cipher: OrgCipher, orgId: string): Promise<SsoSettings | undefined> {
  const row = await db.selectFrom('org_sso').selectAll().where('org_id', '=', orgId).executeTakeFirst()
  if (!row) return undefined
  return {
    displayName: row.display_name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: cipher.decrypt(row.client_secret_enc, secretContext(orgId)),
    allowedDomains: row.allowed_domains.split(' ').filter((d) => d !== ''),
    jitRole: row.jit_role,
    trustProviderMfa: Number(row.trust_provider_mfa) === 1,
    enabled: Number(row.enabled) === 1,
  }
}

/** Creates or replaces the settings; the client secret is sealed under the organization's data key. */
export async function saveSsoSettings(db: Executor, cipher: OrgCipher, orgId: string, s: SsoSettings, at: string): Promise<void> {
  const values = {
    display_name: s.displayName,
    issuer: s.issuer,
    client_id: s.clientId,
    client_secret_enc: cipher.encrypt(s.clientSecret, secretContext(orgId)),
    allowed_domains: s.allowedDomains.join(' '),
    jit_role: s.jitRole,
    trust_provider_mfa: s.trustProviderMfa ? 1 : 0,
    enabled: s.enabled ? 1 : 0,
    updated_at: at,
  }
  const updated = await db.updateTable('org_sso').set(values).where('org_id', '=', orgId).executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0)
    await db
      .insertInto('org_sso')
      .values({ org_id: orgId, ...values })
      .execute()
}

/** Organizations whose members may sign in with their identity provider, for the sign-in page. */
export const listSignInProviders = (db: Executor) =>
  // Instance-wide on purpose: the sign-in page belongs to no organization and offers each enabled provider.
  acrossOrganizations(db)
    .selectFrom('org_sso')
    .innerJoin('organization', 'organization.id', 'org_sso.org_id')
    .select(['organization.slug', 'organization.name', 'org_sso.display_name'])
    .where('org_sso.enabled', '=', 1)
    .orderBy('organization.name')
    .execute()

/** The account a provider's subject is linked to in this organization. */
export const findSsoIdentity = async (db: Executor, orgId: string, issuer: string, subject: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('sso_identity')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst()
  )?.user_id

/** Whether the account already has an identity of this provider (issuer) linked in this organization: one per account, provider and organization. */
export const hasSsoIdentity = async (db: Executor, orgId: string, issuer: string, userId: string): Promise<boolean> =>
  (await db
    .selectFrom('sso_identity')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('issuer', '=', issuer)
    .where('user_id', '=', userId)
    .executeTakeFirst()) !== undefined

export async function insertSsoIdentity(
  db: Executor,
  i: { orgId: string; issuer: string; subject: string; userId: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('sso_identity')
    .values({ org_id: i.orgId, issuer: i.issuer, subject: i.subject, user_id: i.userId, created_at: i.createdAt })
    .execute()
}
