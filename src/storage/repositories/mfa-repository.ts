/**
 * A person's second factors (TOTP secret, passkeys, recovery codes) and the short-lived steps of
 * their flows. These rows belong to a person, not to an organization: no `org_id`.
 */
import type { Insertable } from 'kysely'
import { acrossOrganizations, type Executor } from '../db.js'
import type { MfaChallengeTable, MfaPasskeyTable } from '../schema.js'

// ---- TOTP ----

export const findTotp = (db: Executor, userId: string) =>
  db.selectFrom('mfa_totp').selectAll().where('user_id', '=', userId).executeTakeFirst()

/** A new, unconfirmed secret replaces any earlier unconfirmed one (a confirmed one is kept: remove it first). */
export async function putPendingTotp(db: Executor, t: { userId: string; secretEnc: string; createdAt: string }): Promise<boolean> {
  await db.deleteFrom('mfa_totp').where('user_id', '=', t.userId).where('confirmed_at', 'is', null).execute()
  const existing = await findTotp(db, t.userId)
  if (existing) return false
  await db
    .insertInto('mfa_totp')
    .values({ user_id: t.userId, secret_enc: t.secretEnc, created_at: t.createdAt, confirmed_at: null, last_step: null })
    .execute()
  return true
}

/**
 * Accepts the code of time step `step` once: the row moves to `step` only if no code of this step or
 * a later one was accepted before (one conditional update, so two requests with one code cannot both pass).
 * Confirms a pending secret at the same time when `confirmAt` is given.
 */
export async function acceptTotpStep(db: Executor, userId: string, step: number, confirmAt?: string): Promise<boolean> {
  let update = db
    .updateTable('mfa_totp')
    .set(confirmAt ? { last_step: step, confirmed_at: confirmAt } : { last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
  update = confirmAt ? update.where('confirmed_at', 'is', null) : update.where('confirmed_at', 'is not', null)
  const result = await update.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deleteTotp(db: Executor, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('mfa_totp').where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

// ---- Passkeys ----

export interface Passkey {
  id: string
  userId: string
  publicKey: string
  counter: number
  transports: string[]
  name: string
  createdAt: string
  lastUsedAt: string | null
}

const toPasskey = (r: {
  id: string
  user_id: string
  public_key: string
  counter: number | string
  transports: string
  name: string
  created_at: string
  last_used_at: string | null
}): Passkey => ({
  id: r.id,
  userId: r.user_id,
  publicKey: r.public_key,
  counter: Number(r.counter),
  transports: r.transports === '' ? [] : r.transports.split(','),
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
})

export async function listPasskeys(db: Executor, userId: string): Promise<Passkey[]> {
  const rows = await db.selectFrom('mfa_passkey').selectAll().where('user_id', '=', userId).orderBy('created_at').execute()
  return rows.map(toPasskey)
}

export async function findPasskeyOfUser(db: Executor, userId: string, id: string): Promise<Passkey | undefined> {
  const row = await db.selectFrom('mfa_passkey').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
  return row && toPasskey(row)
}

/** Whether any person registered this credential already (a credential serves one account). */
export async function passkeyExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('mfa_passkey').select('id').where('id', '=', id).executeTakeFirst())
}

export async function insertPasskey(db: Executor, p: Omit<MfaPasskeyTable, 'transports'> & { transports: string }): Promise<void> {
  await db.insertInto('mfa_passkey').values(p).execute()
}

/** Moves the signature counter forward; refuses (false) when another sign-in already moved it as far. */
export async function advancePasskeyCounter(db: Executor, id: string, from: number, to: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('mfa_passkey')
    .set({ counter: to, last_used_at: at })
    .where('id', '=', id)
    .where('counter', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deletePasskey(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('mfa_passkey').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

// ---- Recovery codes ----

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[], at: string): Promise<void> {
  await db.deleteFrom('mfa_recovery_code').where('user_id', '=', userId).execute()
  if (hashes.length === 0) return
  await db
    .insertInto('mfa_recovery_code')
    .values(hashes.map((code_hash) => ({ code_hash, user_id: userId, created_at: at, used_at: null })))
    .execute()
}

/** Uses a code once: true only for the request that marked it used. */
export async function useRecoveryCode(db: Executor, userId: string, hash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('mfa_recovery_code')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('mfa_recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---- What a person has ----

export interface SecondFactors {
  totp: boolean
  passkeys: number
  recoveryCodes: number
}

export async function secondFactorsOf(db: Executor, userId: string): Promise<SecondFactors> {
  const totp = await findTotp(db, userId)
  const passkeys = await db
    .selectFrom('mfa_passkey')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return { totp: !!totp?.confirmed_at, passkeys: Number(passkeys.n), recoveryCodes: await countUnusedRecoveryCodes(db, userId) }
}

/** Whether signing in takes a second step: a confirmed authenticator app or a passkey. */
export const hasSecondFactor = (f: SecondFactors): boolean => f.totp || f.passkeys > 0

// ---- Challenges ----

export async function insertChallenge(db: Executor, c: Insertable<MfaChallengeTable>): Promise<void> {
  await db.insertInto('mfa_challenge').values(c).execute()
}

export const findLiveChallenge = (db: Executor, id: string, purpose: MfaChallengeTable['purpose'], now: string) =>
  db
    .selectFrom('mfa_challenge')
    .selectAll()
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .executeTakeFirst()

export async function setWebauthnChallenge(db: Executor, id: string, challenge: string): Promise<void> {
  await db.updateTable('mfa_challenge').set({ webauthn_challenge: challenge }).where('id', '=', id).execute()
}

/** Counts a failed attempt; answers how many there have been. */
export async function countChallengeFailure(db: Executor, id: string): Promise<number> {
  await db
    .updateTable('mfa_challenge')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('id', '=', id)
    .execute()
  const row = await db.selectFrom('mfa_challenge').select('failures').where('id', '=', id).executeTakeFirst()
  return Number(row?.failures ?? Number.MAX_SAFE_INTEGER)
}

/** Ends a challenge; true only for the request that ended it (a challenge completes once). */
export async function deleteChallenge(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('mfa_challenge').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function deleteChallengesOf(db: Executor, userId: string, purpose: MfaChallengeTable['purpose']): Promise<void> {
  await db.deleteFrom('mfa_challenge').where('user_id', '=', userId).where('purpose', '=', purpose).execute()
}

/** Expired challenges, swept when new ones are made. */
export async function deleteExpiredChallenges(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('mfa_challenge').where('expires_at', '<=', now).execute()
}

/** A session's pending step of one purpose (a passkey registration, recovery codes to show). */
export const findSessionChallenge = (db: Executor, sessionId: string, purpose: MfaChallengeTable['purpose'], now: string) =>
  db
    .selectFrom('mfa_challenge')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()

export async function deleteSessionChallenges(db: Executor, sessionId: string, purpose: MfaChallengeTable['purpose']): Promise<void> {
  await db.deleteFrom('mfa_challenge').where('session_id', '=', sessionId).where('purpose', '=', purpose).execute()
}

/** The organizations a person belongs to, with the policy version each runs (whether it requires a second factor). */
export const listOrganizationsOfMember = (db: Executor, userId: string) =>
  // A person's own memberships, across the organizations they belong to.
  acrossOrganizations(db)
    .selectFrom('membership')
    .innerJoin('organization', 'organization.id', 'membership.org_id')
    .select(['organization.id', 'organization.slug', 'organization.name', 'organization.policy_version_id'])
    .where('membership.user_id', '=', userId)
    .orderBy('organization.name')
    .execute()
