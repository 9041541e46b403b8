/**
 * Accounts (issue 13, items 1, 2 and 4): invitations an administrator sends instead of choosing
 * passwords, single-use password-reset links, and what the session list shows (the device from
 * the User-Agent, and the client address only when the operator opts in). Tokens are stored as
 * their SHA-256 only, like follow-up capabilities. Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = isPostgres(db) ? sql`timestamptz` : sql`text`

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.references('user.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('accepted_at', time)
    .addColumn('accepted_by', 'text', (c) => c.references('user.id'))
    .addColumn('revoked_at', time)
    .execute()
  await db.schema.createIndex('invitation_org').on('invitation').columns(['org_id', 'created_at']).execute()

  await db.schema
    .createTable('password_reset')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('used_at', time)
    .execute()
  await db.schema.createIndex('password_reset_user').on('password_reset').columns(['user_id', 'created_at']).execute()

  await db.schema.alterTable('session').addColumn('user_agent', 'text').execute()
  await db.schema.alterTable('session').addColumn('client_address', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('client_address').execute()
  await db.schema.alterTable('session').dropColumn('user_agent').execute()
  await db.schema.dropTable('password_reset').execute()
  await db.schema.dropTable('invitation').execute()
}
