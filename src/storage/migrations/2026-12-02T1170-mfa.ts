/**
 * Second factors (issue 13 item 3): an authenticator app's TOTP secret (sealed with a key derived
 * from the master key; the last accepted time step refuses replays), WebAuthn passkeys, hashed
 * single-use recovery codes, pending sign-in challenges (password done, second factor to come) and
 * passkey registration challenges, and on each session the moment its second factor was verified.
 * None of these rows belong to one organization: a person's factors serve every organization they
 * are a member of. Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const time = pg ? sql`timestamptz` : sql`text`
  // Signature counters and time steps are unsigned 32-bit (and beyond) numbers: bigint on PostgreSQL.
  const big = pg ? sql`bigint` : sql`integer`

  await db.schema.alterTable('session').addColumn('mfa_verified_at', time).execute()

  await db.schema
    .createTable('mfa_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id'))
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('confirmed_at', time)
    .addColumn('last_step', big)
    .execute()

  await db.schema
    .createTable('mfa_passkey')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', big, (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_used_at', time)
    .execute()
  await db.schema.createIndex('mfa_passkey_user').on('mfa_passkey').column('user_id').execute()

  await db.schema
    .createTable('mfa_recovery_code')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('used_at', time)
    .execute()
  await db.schema.createIndex('mfa_recovery_code_user').on('mfa_recovery_code').column('user_id').execute()

  await db.schema
    .createTable('mfa_challenge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('webauthn_challenge', 'text')
    .addColumn('next', 'text', (c) => c.notNull().defaultTo('/'))
    .addColumn('payload_enc', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('mfa_challenge_user').on('mfa_challenge').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mfa_challenge').execute()
  await db.schema.dropTable('mfa_recovery_code').execute()
  await db.schema.dropTable('mfa_passkey').execute()
  await db.schema.dropTable('mfa_totp').execute()
  await db.schema.alterTable('session').dropColumn('mfa_verified_at').execute()
}
