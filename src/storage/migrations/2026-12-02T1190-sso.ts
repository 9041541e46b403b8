/**
 * Single sign-on per organization (issue 13, item 7): the organization's OpenID Provider (issuer,
 * client id, the client secret sealed under the organization's data key), the e-mail domains it may
 * speak for, just-in-time membership and whether its MFA assertion is trusted; the provider
 * identities (issuer + subject) linked to accounts, per organization; and on each session the
 * organization whose provider started it (such a session is good for that organization only) and
 * whether the provider asserted MFA. Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('org_sso')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organization.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret_enc', 'text', (c) => c.notNull())
    // Lower-case domains separated by single spaces.
    .addColumn('allowed_domains', 'text', (c) => c.notNull())
    // The role of members who join on their first sign-in; null: no just-in-time membership.
    .addColumn('jit_role', 'text')
    .addColumn('trust_provider_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sso_identity')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_identity_pk', ['org_id', 'issuer', 'subject'])
    .execute()
  await db.schema.createIndex('sso_identity_user').on('sso_identity').columns(['org_id', 'user_id']).execute()

  await db.schema.alterTable('session').addColumn('sso_org_id', 'text').execute()
  await db.schema.alterTable('session').addColumn('sso_mfa', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('sso_mfa').execute()
  await db.schema.alterTable('session').dropColumn('sso_org_id').execute()
  await db.schema.dropTable('sso_identity').execute()
  await db.schema.dropTable('org_sso').execute()
}
